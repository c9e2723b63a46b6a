package dev.vex.runtime.jit;

import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;
import dev.vex.x64.asm.CpuFeatures;
import dev.vex.x64.asm.Mem;
import dev.vex.x64.asm.X64Assembler;

/**
 * {@code jmp qword ptr [rip + address]; int3; int3; address: .quad target}: 16 bytes, the
 * address word 8-aligned (the jump is 6 bytes, the two traps pad it to 8 and catch a fall
 * through). Assembled by {@link X64Assembler}, so its bytes come from the encoding table.
 */
final class X64CallStub implements CallStubFormat {
    static final X64CallStub INSTANCE = new X64CallStub();
    private static final int SIZE = 16;

    private X64CallStub() {
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public void write(byte[] image, int offset, long target) {
        CodeBuffer buf = new CodeBuffer(SIZE);
        X64Assembler asm = new X64Assembler(buf, CpuFeatures.none());
        Label address = asm.newLabel();
        asm.jmp(Mem.rip(address)).int3().int3().bind(address);
        buf.putLE(target, 8);
        byte[] stub = buf.finish();
        if (stub.length != SIZE || address.position() != 8) {
            throw new IllegalStateException("the call stub is " + stub.length + " bytes with its address at "
                + address.position() + "; it must be 16 with the address at 8");
        }
        System.arraycopy(stub, 0, image, offset, SIZE);
    }
}
