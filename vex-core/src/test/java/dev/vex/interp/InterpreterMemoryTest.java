package dev.vex.interp;

import static dev.vex.interp.Ir.args;
import static dev.vex.interp.Ir.assertReturns;
import static dev.vex.interp.Ir.sigTo;
import static dev.vex.ir.Type.F32;
import static dev.vex.ir.Type.F64;
import static dev.vex.ir.Type.I16;
import static dev.vex.ir.Type.I32;
import static dev.vex.ir.Type.I64;
import static dev.vex.ir.Type.I8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.vex.exec.Outcome;
import dev.vex.ir.Block;
import dev.vex.ir.FuncRef;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.MemFlags;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import dev.vex.ir.Opcode;
import dev.vex.ir.StackSlot;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Value;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterpreterMemoryTest {
    private static final MemFlags BIG = MemFlags.of(MemFlags.Flag.BIG);
    private static final MemFlags LITTLE = MemFlags.of(MemFlags.Flag.LITTLE);

    /**
     * Stores x little-endian in a slot, then reads it back at every width, signedness, offset
     * and byte order; the expected values come from a Java ByteBuffer holding the same bytes.
     */
    @Test
    void loadsOfEveryWidthAndByteOrder() {
        int n = 13;
        FunctionBuilder b = new FunctionBuilder("loads", Ir.sig(List.of(I64), Collections.nCopies(n, I64)));
        StackSlot ss = b.createStackSlot(16);
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        b.stackStore(e.param(0), ss, 0);
        Value a = b.stackAddr(I64, ss, 0);
        List<Value> out = new ArrayList<>();
        out.add(b.load(Opcode.ULOAD8, I64, MemFlags.NONE, a, 1));
        out.add(b.load(Opcode.SLOAD8, I64, MemFlags.NONE, a, 7));
        out.add(b.load(Opcode.ULOAD16, I64, MemFlags.NONE, a, 2));
        out.add(b.load(Opcode.SLOAD16, I64, BIG, a, 6));
        out.add(b.load(Opcode.ULOAD32, I64, MemFlags.NONE, a, 1)); // unaligned
        out.add(b.load(Opcode.SLOAD32, I64, BIG, a, 4));
        out.add(b.load(I64, BIG, a, 0));
        out.add(b.load(I64, LITTLE, a, 0));
        out.add(b.uextend(I64, b.load(I16, MemFlags.NONE, a, 3)));
        out.add(b.uextend(I64, b.load(I32, BIG, a, 2)));
        out.add(b.uextend(I64, b.load(I8, MemFlags.NONE, a, 5)));
        out.add(b.load(Opcode.SLOAD8, I64, MemFlags.NONE, a, 3));
        out.add(b.uextend(I64, b.stackLoad(I16, ss, 6)));
        b.return_(out);
        Module m = new ModuleBuilder().add(b.build()).build();

        for (long x : new long[] {0x0123_4567_89ab_cdefL, -1L, 0x8070_6050_4030_2010L, 0x7f80_ff00_1234_8001L}) {
            ByteBuffer le = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0, x);
            ByteBuffer be = le.duplicate().order(ByteOrder.BIG_ENDIAN);
            long[] expected = {
                le.get(1) & 0xffL,
                le.get(7),
                le.getShort(2) & 0xffffL,
                be.getShort(6),
                le.getInt(1) & 0xffff_ffffL,
                be.getInt(4),
                be.getLong(0),
                x,
                le.getShort(3) & 0xffffL,
                be.getInt(2) & 0xffff_ffffL,
                le.get(5) & 0xffL,
                le.get(3),
                le.getShort(6) & 0xffffL,
            };
            assertReturns(m, "loads", args(x), expected);
        }
    }

    /** Narrow stores of each width and byte order, read back as one little-endian i64. */
    @Test
    void storesOfEveryWidthAndByteOrder() {
        FunctionBuilder b = new FunctionBuilder("stores", sigTo(I64, I64));
        StackSlot ss = b.createStackSlot(8);
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        Value x = e.param(0);
        Value a = b.stackAddr(I64, ss, 0);
        b.store(Opcode.ISTORE8, MemFlags.NONE, x, a, 0);
        b.store(Opcode.ISTORE16, BIG, x, a, 1);
        b.store(Opcode.ISTORE32, MemFlags.NONE, x, a, 3);
        b.store(Opcode.ISTORE8, BIG, b.ushr(x, b.iconst(I64, 8)), a, 7);
        b.return_(b.load(I64, MemFlags.NONE, a, 0));
        Module m = new ModuleBuilder().add(b.build()).build();
        for (long v : new long[] {0x0123_4567_89ab_cdefL, 0xfedc_ba98_7654_3210L}) {
            ByteBuffer buf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            buf.put(0, (byte) v);
            buf.order(ByteOrder.BIG_ENDIAN).putShort(1, (short) v);
            buf.order(ByteOrder.LITTLE_ENDIAN).putInt(3, (int) v);
            buf.put(7, (byte) (v >>> 8));
            assertReturns(m, "stores", args(v), buf.order(ByteOrder.LITTLE_ENDIAN).getLong(0));
        }
    }

    /** Float bit patterns survive a trip through memory in both byte orders. */
    @Test
    void floatsRoundTripThroughSlots() {
        FunctionBuilder b = new FunctionBuilder("floats", Ir.sig(List.of(F64, F32), List.of(F64, F32, I64)));
        StackSlot ss = b.createStackSlot(12);
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        b.stackStore(e.param(0), ss, 0);
        Value a = b.stackAddr(I64, ss, 0);
        b.store(BIG, e.param(1), a, 8);
        Value d = b.stackLoad(F64, ss, 0);
        Value f = b.load(F32, BIG, a, 8);
        Value raw = b.uextend(I64, b.load(I32, MemFlags.NONE, a, 8));
        b.return_(d, f, raw);
        Module m = new ModuleBuilder().add(b.build()).build();
        long dbits = Double.doubleToRawLongBits(-1.5e300);
        long fbits = Float.floatToRawIntBits(3.25f) & 0xffff_ffffL;
        assertReturns(m, "floats", args(dbits, fbits), dbits, fbits, Integer.reverseBytes((int) fbits) & 0xffff_ffffL);
    }

    /** Addresses from stack_addr.i32 are 32-bit values that work as pointers. */
    @Test
    void thirtyTwoBitStackAddresses() {
        FunctionBuilder b = new FunctionBuilder("addr32", sigTo(I64, I64));
        StackSlot ss = b.createStackSlot(24);
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        Value a = b.stackAddr(I32, ss, 0);
        Value a8 = b.iadd(a, b.iconst(I32, 8));
        b.stackStore(e.param(0), ss, 8);
        Value v = b.load(I64, MemFlags.NONE, a8, 0);
        Value a16 = b.stackAddr(I32, ss, 16);
        b.store(MemFlags.NONE, b.iaddImm(v, 20), a16, 0);
        b.return_(b.stackLoad(I64, ss, 16));
        Module m = new ModuleBuilder().add(b.build()).build();
        for (long x : new long[] {0, 1, -1, Long.MIN_VALUE}) {
            assertReturns(m, "addr32", args(x), x + 20);
        }
    }

    /** Slots honour their alignment, in the entry function and in a nested frame. */
    @Test
    void slotAlignment() {
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder inner = mb.function("inner", sigTo(I64));
        inner.createStackSlot(3);
        StackSlot big = inner.createStackSlot(8, 64);
        Block ie = inner.createEntryBlock();
        inner.switchToBlock(ie);
        inner.return_(inner.binaryImm(Opcode.BAND_IMM, inner.stackAddr(I64, big, 0), 63));
        FunctionBuilder outer = mb.function("outer", Ir.sig(List.of(), List.of(I64, I64)));
        outer.createStackSlot(5);
        StackSlot s32 = outer.createStackSlot(4, 32);
        FuncRef fn = outer.importFunction("inner", sigTo(I64));
        Block oe = outer.createEntryBlock();
        outer.switchToBlock(oe);
        Value mine = outer.binaryImm(Opcode.BAND_IMM, outer.stackAddr(I64, s32, 0), 31);
        outer.return_(mine, outer.call(fn).result());
        Module m = mb.build();
        assertReturns(m, "outer", args(), 0, 0);
    }

    /** Megabyte slots in nested frames fit the root task's stack; their last bytes are usable. */
    @Test
    void megabyteSlotsInNestedFrames() {
        int mib = 1 << 20;
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder inner = mb.function("inner", sigTo(I64, I64));
        StackSlot is = inner.createStackSlot(mib);
        Block ie = inner.createEntryBlock();
        inner.switchToBlock(ie);
        inner.stackStore(ie.param(0), is, mib - 8);
        inner.return_(inner.iaddImm(inner.stackLoad(I64, is, mib - 8), 1));
        FunctionBuilder outer = mb.function("outer", sigTo(I64, I64));
        StackSlot os = outer.createStackSlot(mib);
        FuncRef fn = outer.importFunction("inner", sigTo(I64, I64));
        Block oe = outer.createEntryBlock();
        outer.switchToBlock(oe);
        outer.stackStore(oe.param(0), os, mib - 8);
        Value r = outer.call(fn, outer.iaddImm(oe.param(0), 100)).result();
        outer.return_(outer.iadd(r, outer.stackLoad(I64, os, mib - 8)));
        assertReturns(mb.build(), "outer", args(5), (5 + 100 + 1) + 5);
    }

    /** Recursion with 64 KiB frames runs out of stack (stk_ovf) long before the call-depth limit. */
    @Test
    void stackExhaustionTraps() {
        FunctionBuilder b = new FunctionBuilder("deep", sigTo(I64, I64));
        StackSlot ss = b.createStackSlot(64 << 10);
        FuncRef self = b.importFunction("deep", sigTo(I64, I64));
        Block e = b.createEntryBlock();
        Block rec = b.createBlock();
        Block done = b.createBlock();
        b.switchToBlock(e);
        b.stackStore(e.param(0), ss, 0);
        b.brif(e.param(0), rec, done);
        b.switchToBlock(rec);
        Value r = b.call(self, b.iaddImm(e.param(0), -1)).result();
        b.return_(b.iadd(r, b.stackLoad(I64, ss, 0)));
        b.switchToBlock(done);
        b.return_(b.iconst(I64, 0));
        Module m = new ModuleBuilder().add(b.build()).build();
        assertReturns(m, "deep", args(100), 100 * 101 / 2);
        assertEquals(new Outcome.Trapped(TrapCode.STACK_OVERFLOW, "deep"), new Interpreter(m).run("deep", args(5000)));
    }

    /** A callee writes through a pointer to its caller's slot. */
    @Test
    void pointerToCallersSlot() {
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder put = mb.function("put", Ir.sig(I64, I64));
        Block pe = put.createEntryBlock();
        put.switchToBlock(pe);
        put.store(MemFlags.NONE, pe.param(1), pe.param(0), 4);
        put.return_();
        FunctionBuilder get = mb.function("get", sigTo(I64, I64));
        StackSlot ss = get.createStackSlot(16);
        FuncRef fn = get.importFunction("put", Ir.sig(I64, I64));
        Block ge = get.createEntryBlock();
        get.switchToBlock(ge);
        get.call(fn, get.stackAddr(I64, ss, 0), ge.param(0));
        get.return_(get.stackLoad(I64, ss, 4));
        Module m = mb.build();
        assertReturns(m, "get", args(0x1122_3344_5566_7788L), 0x1122_3344_5566_7788L);
    }

    /** %vex_alloc memory: usable, bounded (heap_oob past the end), unmapped after %vex_free. */
    @Test
    void heapAllocationsAreBoundedAndFreed() {
        // mode 0: in bounds; 1: load.i64 at offset 28 of 32 bytes; 2: load after free.
        FunctionBuilder b = new FunctionBuilder("heap", sigTo(I64, I64, I64));
        FuncRef alloc = Ir.allocFn(b);
        FuncRef free = Ir.freeFn(b);
        Block e = b.createEntryBlock();
        Block inBounds = b.createBlock();
        Block notInBounds = b.createBlock();
        Block past = b.createBlock();
        Block afterFree = b.createBlock();
        b.switchToBlock(e);
        Value p = b.call(alloc, b.iconst(I64, 32)).result();
        b.store(MemFlags.NONE, e.param(1), p, 24);
        Value mode = e.param(0);
        b.brif(mode, notInBounds, inBounds);
        b.switchToBlock(inBounds);
        Value v = b.load(I64, MemFlags.NONE, p, 24);
        b.call(free, p);
        b.return_(v);
        b.switchToBlock(notInBounds);
        b.brif(b.icmpImm(dev.vex.ir.IntCC.EQ, mode, 1), past, afterFree);
        b.switchToBlock(past);
        b.return_(b.load(I64, MemFlags.NONE, p, 28));
        b.switchToBlock(afterFree);
        b.call(free, p);
        b.return_(b.load(I64, MemFlags.NONE, p, 0));
        Module m = new ModuleBuilder().add(b.build()).build();
        Interpreter interp = new Interpreter(m);
        assertReturns(interp, "heap", args(0, 777), 777);
        assertEquals(new Outcome.Trapped(TrapCode.HEAP_OUT_OF_BOUNDS, "heap"), interp.run("heap", args(1, 777)));
        assertEquals(new Outcome.Trapped(TrapCode.HEAP_OUT_OF_BOUNDS, "heap"), interp.run("heap", args(2, 777)));
    }

    /** Allocating in a loop ends with %vex_alloc returning 0 at the live-heap cap, not with the JVM out of memory. */
    @Test
    void allocationStopsAtTheLiveHeapCap() {
        FunctionBuilder b = new FunctionBuilder("hog", sigTo(I64, I64));
        FuncRef alloc = Ir.allocFn(b);
        Block e = b.createEntryBlock();
        Block loop = b.createBlock(I64);
        Block more = b.createBlock();
        Block done = b.createBlock();
        b.switchToBlock(e);
        b.jump(loop, b.iconst(I64, 0));
        b.switchToBlock(loop);
        Value p = b.call(alloc, e.param(0)).result();
        b.brif(p, more, done);
        b.switchToBlock(more);
        b.jump(loop, b.iaddImm(loop.param(0), 1));
        b.switchToBlock(done);
        b.return_(loop.param(0));
        Module m = new ModuleBuilder().add(b.build()).build();
        long size = 4L << 20;
        assertReturns(m, "hog", args(size), Memory.MAX_LIVE_HEAP / size);
        assertReturns(m, "hog", args(-1), 0);
    }

    @Test
    void wildAndNullPointersTrap() {
        FunctionBuilder b = new FunctionBuilder("deref", sigTo(I32, I64));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        b.return_(b.load(I32, MemFlags.NONE, e.param(0), 0));
        Module m = new ModuleBuilder().add(b.build()).build();
        Interpreter interp = new Interpreter(m);
        for (long addr : new long[] {0, 8, 0x1000, 0x1000_0000L, 0x8000_0000L, -8, 0x1_0000_0000L}) {
            assertEquals(new Outcome.Trapped(TrapCode.HEAP_OUT_OF_BOUNDS, "deref"), interp.run("deref", args(addr)),
                    () -> Long.toHexString(addr));
        }
    }

    /** The default byte order can be made big-endian, as for a big-endian target. */
    @Test
    void bigEndianDefaultOption() {
        FunctionBuilder b = new FunctionBuilder("order", sigTo(I64, I32));
        StackSlot ss = b.createStackSlot(4);
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        b.stackStore(e.param(0), ss, 0);
        b.return_(b.uextend(I64, b.load(Opcode.ULOAD8, I32, MemFlags.NONE, b.stackAddr(I64, ss, 0), 0)));
        Module m = new ModuleBuilder().add(b.build()).build();
        assertReturns(m, "order", args(0x11223344), 0x44);
        Interpreter big = new Interpreter(m, InterpreterOptions.DEFAULTS.withBigEndianDefault(true));
        assertReturns(big, "order", args(0x11223344), 0x11);
        Outcome little = new Interpreter(m).run("order", args(0x11223344));
        assertNotEquals(big.run("order", args(0x11223344)), little);
        assertInstanceOf(Outcome.Returned.class, little);
    }

}
