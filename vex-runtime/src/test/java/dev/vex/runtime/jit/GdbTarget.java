package dev.vex.runtime.jit;

import dev.vex.runtime.NativeModule;
import dev.vex.runtime.Vex;
import dev.vex.runtime.VexTrapException;
import dev.vex.text.ClifReader;

/**
 * The program {@link GdbJitTest} runs under gdb: JIT code in which {@code %gdb_outer} calls
 * {@code %gdb_inner}, which traps, so the runtime's {@code vex_trap} is entered from JIT frames.
 */
public final class GdbTarget {
    static final String SOURCE = """
            function %gdb_inner(i64) -> i64 {
            block0(v0: i64):
                v1 = iadd_imm v0, 1
                trapnz v1, user7
                return v1
            }

            function %gdb_outer(i64) -> i64 {
                fn0 = %gdb_inner(i64) -> i64
            block0(v0: i64):
                v1 = call fn0(v0)
                v2 = iadd_imm v1, 3
                return v2
            }
            """;

    private GdbTarget() {
    }

    public static void main(String[] args) {
        try (NativeModule m = Vex.compile(ClifReader.readModule(SOURCE, "gdb.clif"))) {
            m.function("gdb_outer").invokeLong(41);
            System.out.println("no trap");
        } catch (VexTrapException e) {
            System.out.println("trapped: " + e.trapCode());
        }
    }
}
