package dev.vex.x64.harness;

import dev.vex.backend.CompileOptions;
import dev.vex.backend.CompiledModule;
import dev.vex.exec.Outcome;
import dev.vex.interp.Interpreter;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.Type;
import dev.vex.x64.X64Target;
import java.util.ArrayList;
import java.util.List;

/** Runs calls on the interpreter and natively and lists the calls whose outcomes differ. */
public final class Differential {
    private Differential() {}

    /**
     * One call and what both engines did.
     *
     * @param returns the function's result types
     * @param anyNaN  the code was compiled without NaN canonicalization, so a NaN result matches any NaN
     */
    public record Result(String function, long[] args, Outcome expected, NativeOutcome actual, List<Type> returns,
            boolean anyNaN) {
        public boolean same() {
            return actual.matches(expected, returns, anyNaN);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("%").append(function).append('(');
            for (int i = 0; i < args.length; i++) {
                sb.append(i == 0 ? "" : ", ").append("0x").append(Long.toHexString(args[i]));
            }
            sb.append("): interpreter ");
            if (expected instanceof Outcome.Returned r) {
                sb.append("returned");
                for (long v : r.values()) {
                    sb.append(" 0x").append(Long.toHexString(v));
                }
            } else {
                sb.append(expected);
            }
            return sb.append(", native ").append(actual).toString();
        }
    }

    /** Compiles {@code module} for x86-64 with {@code options} and runs every call both ways. */
    public static List<Result> run(CompileOptions options, Module module, List<String> functions, List<long[]> args) {
        CompiledModule compiled = new X64Target().compile(module, options);
        Interpreter interp = new Interpreter(module);
        List<NativeHarness.Call> calls = new ArrayList<>();
        List<Outcome> expected = new ArrayList<>();
        for (int i = 0; i < functions.size(); i++) {
            Function f = module.function(functions.get(i));
            // One result slot per value, two for an i128 (as the array entry stores them).
            int slots = f.signature().returns().stream().mapToInt(r -> r.type().longs()).sum();
            calls.add(new NativeHarness.Call(f.name(), args.get(i), slots));
            expected.add(interp.run(f.name(), args.get(i)));
        }
        List<NativeOutcome> actual = NativeHarness.run(compiled, calls);
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            List<Type> returns = module.function(functions.get(i)).signature().returns().stream().map(r -> r.type()).toList();
            out.add(new Result(functions.get(i), args.get(i), expected.get(i), actual.get(i), returns,
                    !options.nanCanonicalization()));
        }
        return out;
    }
}
