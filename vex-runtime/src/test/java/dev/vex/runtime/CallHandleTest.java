package dev.vex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link NativeFunction#handle()} on the binding of the JVM running the tests (JNI on JDK 17). */
class CallHandleTest {
    @Test
    void handlesAreTypedPerSignatureAndTrapsThrow() throws Throwable {
        CallHandleChecks.run();
    }

    @Test
    void theBindingFollowsTheJdk() {
        String expected = Runtime.version().feature() >= 22 ? "ffm" : "jni";
        assertEquals(expected, CallHandleChecks.binding());
    }
}
