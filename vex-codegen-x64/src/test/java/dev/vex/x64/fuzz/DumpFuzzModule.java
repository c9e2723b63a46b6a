package dev.vex.x64.fuzz;

/** Prints the module the fuzzer makes for a seed (debugging aid: {@code java ... DumpFuzzModule <seed>}). */
public final class DumpFuzzModule {
    private DumpFuzzModule() {}

    public static void main(String[] args) {
        RandomModuleText gen = new RandomModuleText(Long.parseLong(args[0]));
        for (int i = 0; i < 12; i++) {
            gen.function();
        }
        System.out.print(gen.text());
    }
}
