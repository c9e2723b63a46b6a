package dev.vex.runtime.abuse;

import static dev.vex.runtime.abuse.Expect.check;
import static dev.vex.runtime.abuse.Expect.thrown;

import dev.vex.runtime.NativeFunction;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.TaskHandle;
import dev.vex.runtime.TaskOutcome;
import dev.vex.runtime.VexRuntime;
import dev.vex.runtime.Vex;
import dev.vex.runtime.VexRuntimeException;
import dev.vex.runtime.jna.VexLibrary;
import dev.vex.text.ClifReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Class 3: bad, null, stale, consumed and foreign handles. */
final class HandleCases {
    private HandleCases() {
    }

    /** Values that are no handle: 0, small numbers, extremes, random bits, random handle-shaped ones. */
    static long[] bogusValues(int n) {
        SplittableRandom r = new SplittableRandom(42);
        long[] v = new long[n];
        long[] fixed = {0, 1, -1, 2, 42, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32, (0x7ffffffdL << 32) | 1};
        for (int i = 0; i < n; i++) {
            v[i] = i < fixed.length ? fixed[i] : i % 2 == 0 ? r.nextLong()
                    : ((r.nextLong() | 1) << 32) | r.nextInt(1 << 16);
        }
        return v;
    }

    static void javaApi() throws Exception {
        try (VexRuntime rt = VexRuntime.create(2); NativeModule m = AbuseProgram.compile()) {
            for (long bad : bogusValues(300)) {
                thrown(VexRuntimeException.class, () -> rt.closeChannel(bad));
            }
            long ch = rt.newChannel(1);
            rt.closeChannel(ch);
            rt.closeChannel(ch); // closing twice is fine
            TaskHandle h = rt.spawn(m.function("sleep_ns"), 1000L);
            check(h.join().outcome() == TaskOutcome.COMPLETED, "join");
            thrown(VexRuntimeException.class, h::join);   // join twice
            thrown(VexRuntimeException.class, h::detach); // join then detach
            thrown(VexRuntimeException.class, h::cancel); // cancel after join
            TaskHandle d = rt.spawn(m.function("sleep_ns"), 1000L);
            d.detach();
            thrown(VexRuntimeException.class, d::detach);
            thrown(VexRuntimeException.class, d::join);
            // A handle of a closed runtime.
            VexRuntime gone = VexRuntime.create(1);
            TaskHandle stale = gone.spawn(m.function("sleep_ns"), 3_000_000_000L);
            gone.close();
            thrown(VexRuntimeException.class, stale::join);
            thrown(VexRuntimeException.class, stale::cancel);
            thrown(VexRuntimeException.class, () -> gone.closeChannel(ch));
            thrown(VexRuntimeException.class, () -> gone.spawn(m.function("sleep_ns"), 1L));
        }
    }

    /** The C entry points called directly with bogus values return the bad-handle code. */
    static void randomLibraryCalls() throws Exception {
        VexLibrary lib = VexLibrary.instance();
        try (VexRuntime rt = VexRuntime.create(2)) {
            long[] out = new long[2];
            for (long bad : bogusValues(2000)) {
                check(lib.vex_cancel(bad) == VexLibrary.ERR_BAD_HANDLE, "vex_cancel(" + bad + ")");
                check(lib.vex_detach(bad) == VexLibrary.ERR_BAD_HANDLE, "vex_detach(" + bad + ")");
                check(lib.vex_handle_wait(bad, out, 2) == VexLibrary.ERR_BAD_HANDLE, "vex_handle_wait(" + bad + ")");
                check(lib.vex_chan_close(bad) == VexLibrary.ERR_BAD_HANDLE, "vex_chan_close(" + bad + ")");
                check(lib.vex_chan_free(bad) == VexLibrary.ERR_BAD_HANDLE, "vex_chan_free(" + bad + ")");
                check(lib.vex_free(bad) == VexLibrary.ERR_BAD_HANDLE, "vex_free(" + bad + ")");
            }
            long p = lib.vex_alloc(32);
            check(lib.vex_free(p) == 0, "vex_free of a live block");
            check(lib.vex_free(p) == VexLibrary.ERR_BAD_HANDLE, "double vex_free");
            long ch = rt.newChannel(0);
            check(lib.vex_cancel(ch) == VexLibrary.ERR_BAD_HANDLE, "a channel is not a task");
            check(lib.vex_chan_free(ch) == 0, "vex_chan_free");
            check(lib.vex_chan_free(ch) == VexLibrary.ERR_BAD_HANDLE, "vex_chan_free twice");
        }
    }

    /** Generated code passing bogus handles to every builtin that takes one. */
    static void generatedCode() throws Exception {
        try (VexRuntime rt = VexRuntime.create(2); NativeModule m = AbuseProgram.compile()) {
            NativeFunction join = m.function("join"), send = m.function("send"), recv = m.function("recv");
            long[] bad = bogusValues(200);
            for (long b : bad) {
                for (Runnable call : new Runnable[] {
                    () -> rt.blockOn(join, b), () -> rt.blockOn(send, b, 1L), () -> rt.blockOn(recv, b)}) {
                    VexRuntimeException e = thrown(VexRuntimeException.class, call::run);
                    check(e.getMessage().contains("bad task or channel handle"), e.getMessage());
                }
                // Sync builtins return an error code that the IR ignores: the call just returns.
                m.function("detach").invoke(b);
                m.function("chan_close").invoke(b);
                m.function("free").invoke(b);
            }
            VexRuntimeException e = thrown(VexRuntimeException.class, () -> rt.blockOn(m.function("join_twice")));
            check(e.getMessage().contains("bad task or channel handle"), e.getMessage());
            long block = (Long) m.function("alloc").invoke(16L);
            m.function("free").invoke(block);
            m.function("free").invoke(block); // a double free from generated code is refused, not done
            long ch = rt.newChannel(1);
            check((Long) rt.blockOn(send, ch, 5L) == 0L, "a live channel still works");
            Object[] got = (Object[]) rt.blockOn(recv, ch);
            check((Long) got[0] == 0L && (Long) got[1] == 5L, "received 5");
        }
    }

    /**
     * Generated code passing bogus values, task and channel handles, and closed sockets to every
     * socket builtin: each answers -EBADF (sock-handles.clif's {@code %not_ebadf} returns the
     * mask of those that did not), and a live socket still works afterwards.
     */
    static void generatedCodeSockets() throws Exception {
        String source;
        try (InputStream in = HandleCases.class.getResourceAsStream("/dev/vex/runtime/io/sock-handles.clif")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (VexRuntime rt = VexRuntime.create(2);
                NativeModule m = Vex.compile(ClifReader.readModule(source, "sock-handles.clif"));
                NativeModule tasks = AbuseProgram.compile()) {
            NativeFunction notEbadf = m.function("not_ebadf");
            for (long b : bogusValues(1000)) {
                check((Long) rt.blockOn(notEbadf, b) == 0L, "a socket builtin accepted " + b);
            }
            long ch = rt.newChannel(1);
            check((Long) rt.blockOn(notEbadf, ch) == 0L, "a channel is not a socket");
            TaskHandle sleeper = rt.spawn(tasks.function("sleep_ns"), 3_000_000_000L);
            check((Long) rt.blockOn(notEbadf, sleeper.raw()) == 0L, "a task is not a socket");
            sleeper.cancel();
            Object[] closed = (Object[]) rt.blockOn(m.function("closed_and_foreign"));
            for (Object mask : closed) {
                check((Long) mask == 0L, "closed sockets and a channel: " + java.util.Arrays.toString(closed));
            }
            Object[] woken = (Object[]) rt.blockOn(m.function("close_wakes_waiters"));
            check(java.util.Arrays.equals(woken, new Object[] {0L, -9L, -9L, -9L}),
                    "a close wakes its waiters with -EBADF: " + java.util.Arrays.toString(woken));
        }
    }
}
