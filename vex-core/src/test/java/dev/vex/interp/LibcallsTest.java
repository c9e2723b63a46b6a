package dev.vex.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vex.exec.Outcome;
import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import org.junit.jupiter.api.Test;

/** Cranelift's named libcalls on the interpreter: the float ones and the memory ones. */
class LibcallsTest {
    private static final String TEXT = """
            function %round(f64) -> f64, f64, f64 {
                fn0 = %NearestF64(f64) -> f64
                fn1 = %FloorF64(f64) -> f64
                fn2 = %FmaF64(f64, f64, f64) -> f64
            block0(v0: f64):
                v1 = call fn0(v0)
                v2 = call fn1(v0)
                v3 = call fn2(v0, v0, v0)
                return v1, v2, v3
            }

            function %mem(i64) -> i32, i32, i64 {
                ss0 = explicit_slot 16
                fn0 = %Memset(i64, i32, i64)
                fn1 = %Memmove(i64, i64, i64)
                fn2 = %Memcmp(i64, i64, i64) -> i32
            block0(v0: i64):
                v1 = stack_addr.i64 ss0
                store v0, v1
                v2 = iconst.i32 0xab
                v3 = iconst.i64 8
                v4 = iadd_imm v1, 8
                call fn0(v4, v2, v3)
                v5 = iadd_imm v1, 1
                v6 = iconst.i64 7
                call fn1(v5, v1, v6)
                v7 = call fn2(v1, v4, v3)
                v8 = call fn2(v1, v1, v3)
                v9 = load.i64 v1
                return v7, v8, v9
            }
            """;

    @Test
    void floatLibcallsRoundAsTheCLibraryDoes() {
        Module m = ClifReader.readModule(TEXT, "t.clif");
        Outcome o = new Interpreter(m).run("round", new long[] {Double.doubleToRawLongBits(2.5)});
        assertEquals(new Outcome.Returned(new long[] {Double.doubleToRawLongBits(2.0),
                Double.doubleToRawLongBits(2.0), Double.doubleToRawLongBits(8.75)}), o);
    }

    @Test
    void memoryLibcallsFillMoveAndCompare() {
        Module m = ClifReader.readModule(TEXT, "t.clif");
        Outcome o = new Interpreter(m).run("mem", new long[] {0x0807_0605_0403_0201L});
        // Memmove shifts the low 7 bytes up by one (overlapping); byte 0 stays 0x01.
        long moved = 0x0706_0504_0302_0101L;
        // 0x01 < 0xab: negative; equal regions: 0.
        Outcome.Returned r = (Outcome.Returned) o;
        long[] v = r.values();
        assertEquals(true, (int) v[0] < 0, "memcmp of a smaller first byte");
        assertEquals(0, v[1]);
        assertEquals(moved, v[2]);
    }
}
