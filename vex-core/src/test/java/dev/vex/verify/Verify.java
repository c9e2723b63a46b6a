package dev.vex.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.Function;
import dev.vex.ir.Module;
import java.util.List;

/** Assertions about verifier output. */
final class Verify {
    private Verify() {
    }

    static void assertClean(Module m) {
        List<VerifierError> errors = Verifier.verify(m);
        assertTrue(errors.isEmpty(), () -> "expected no errors, got:\n" + lines(errors) + "\n" + m);
    }

    static void assertClean(Function f) {
        List<VerifierError> errors = Verifier.verify(f);
        assertTrue(errors.isEmpty(), () -> "expected no errors, got:\n" + lines(errors) + "\n" + f);
    }

    /** Exactly one error, of {@code rule}, whose message contains every one of {@code fragments}. */
    static VerifierError assertOneError(Module m, Rule rule, String... fragments) {
        return assertOne(Verifier.verify(m), rule, fragments, m.toString());
    }

    static VerifierError assertOneError(Function f, Rule rule, String... fragments) {
        return assertOne(Verifier.verify(f), rule, fragments, f.toString());
    }

    private static VerifierError assertOne(List<VerifierError> errors, Rule rule, String[] fragments, String ir) {
        assertEquals(1, errors.size(), () -> "expected one " + rule + " error, got:\n" + lines(errors) + "\n" + ir);
        VerifierError e = errors.get(0);
        assertEquals(rule.text(), e.rule(), e::toString);
        for (String f : fragments) {
            assertTrue(e.message().contains(f), () -> "message lacks \"" + f + "\": " + e);
        }
        return e;
    }

    static String lines(List<VerifierError> errors) {
        StringBuilder sb = new StringBuilder();
        for (VerifierError e : errors) {
            sb.append(e).append('\n');
        }
        return sb.toString();
    }
}
