package dev.vex.x64.fuzz;

/**
 * Prints the module the fuzzer makes for a seed (debugging aid:
 * {@code java ... DumpFuzzModule <seed> [i128]}, the second argument for the generator with i128).
 */
public final class DumpFuzzModule {
    private DumpFuzzModule() {}

    public static void main(String[] args) {
        RandomModuleText gen = new RandomModuleText(Long.parseLong(args[0]), false,
                args.length > 1 && args[1].equals("i128"));
        for (int i = 0; i < 12; i++) {
            gen.function();
        }
        System.out.print(gen.text());
    }
}
