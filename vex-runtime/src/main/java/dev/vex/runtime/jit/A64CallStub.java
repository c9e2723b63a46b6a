package dev.vex.runtime.jit;

import dev.vex.aarch64.asm.A64Assembler;
import dev.vex.aarch64.asm.Reg;
import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;

/**
 * {@code ldr x16, address; br x16; address: .quad target}: 16 bytes, the address word 8-aligned.
 * x16 (IP0) is the register AAPCS64 sets aside for exactly this, a veneer between a call and its
 * far target; the generated code never keeps a value in it across a call. BL reaches +-128 MiB,
 * a library in this process may be anywhere. Assembled by {@link A64Assembler}, so its words
 * come from the encoding table.
 */
final class A64CallStub implements CallStubFormat {
    static final A64CallStub INSTANCE = new A64CallStub();
    private static final int SIZE = 16;

    private A64CallStub() {
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public void write(byte[] image, int offset, long target) {
        CodeBuffer buf = new CodeBuffer(SIZE);
        A64Assembler asm = new A64Assembler(buf);
        Label address = new Label();
        asm.ldr(Reg.X16, address);
        asm.br(Reg.X16);
        asm.bind(address);
        buf.putLE(target, 8);
        byte[] stub = buf.finish();
        if (stub.length != SIZE || address.position() != 8) {
            throw new IllegalStateException("the call stub is " + stub.length + " bytes with its address at "
                + address.position() + "; it must be 16 with the address at 8");
        }
        System.arraycopy(stub, 0, image, offset, SIZE);
    }
}
