package dev.vex.runtime.jit;

import java.util.concurrent.Callable;

/**
 * Runs native calls of the engines on a thread with a 256 MiB stack, so that generated code
 * whose frames hold MiB-sized stack slots (as Cranelift's conformance tests do) has the room
 * native code would have on a C thread, and traps {@code stk_ovf} only where a real program
 * would. The thread is made per call: engines run test lines, not hot loops.
 */
final class NativeCallThread {
    static final long STACK_BYTES = 256L << 20;

    private NativeCallThread() {
    }

    /** {@code body} on a big-stack thread; its exception (if any) is rethrown here. */
    static <T> T call(Callable<T> body) {
        Object[] out = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                out[0] = body.call();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "vex-native", STACK_BYTES);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException r) {
            throw r;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        @SuppressWarnings("unchecked")
        T result = (T) out[0];
        return result;
    }
}
