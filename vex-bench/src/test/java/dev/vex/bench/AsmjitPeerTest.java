package dev.vex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.exec.Outcome;
import dev.vex.interp.Interpreter;
import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The asmjit peer compiles the program Vex compiles: functions of the large workload, compiled by
 * asmjit's x86::Compiler from {@link AsmjitProgram}'s encoding and run, return what the
 * interpreter returns. And its timed modes report the rates they are asked for.
 */
class AsmjitPeerTest {
    @Test
    void asmjitCompilesTheSameFunctions() throws Exception {
        assumeTrue(Files.exists(Path.of("/usr/include/asmjit/x86.h")), "libasmjit-dev is not installed");
        AsmjitPeer peer = AsmjitPeer.build();
        assertTrue(peer != null, "the peer did not build (see stderr)");
        Module m = ClifReader.readModule(LargeFunctions.module(4, 120), "large.clif");
        Path program = AsmjitPeer.programFile(m);
        Interpreter interp = new Interpreter(m);
        int checked = 0;
        for (int f = 0; f < 4; f++) {
            for (long[] args : new long[][] {{1, 7}, {5, -3}, {40, 123456789}}) {
                Outcome expected = interp.run("large" + f, args);
                assertTrue(expected instanceof Outcome.Returned, expected.toString());
                long got = peer.call(program, f, args[0], args[1]);
                assertEquals(((Outcome.Returned) expected).values()[0], got, "large" + f + "(" + args[0] + ", " + args[1] + ")");
                checked++;
            }
        }
        assertEquals(12, checked);
        assertTrue(peer.assemblerRate(0.05, 3) > 0);
        assertTrue(peer.compilerRate(2, 50, 0.05, 3) > 0);
    }

    @Test
    void theEncodingRefusesWhatThePeerCannotReplay() {
        Module m = ClifReader.readModule("""
                function %f(i64) -> i64 {
                block0(v0: i64):
                    v1 = udiv v0, v0
                    return v1
                }
                """, "f.clif");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AsmjitProgram.encode(m));
        assertTrue(e.getMessage().contains("udiv"), e.getMessage());
    }

    @Test
    void medianOfRates() {
        assertEquals(2.0, AsmjitPeer.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, AsmjitPeer.median(List.of(4.0, 1.0, 2.0, 3.0)));
    }
}
