package dev.vex.runtime.jit;

/**
 * {@code jmp qword [rip + 2]; int3; int3; .quad target}: 16 bytes, the address 8-aligned. The
 * jump's operand is the quadword just after its 2 bytes of padding (rip points at the padding).
 */
final class X64CallStub implements CallStubFormat {
    static final X64CallStub INSTANCE = new X64CallStub();

    private X64CallStub() {
    }

    @Override
    public int size() {
        return 16;
    }

    @Override
    public void write(byte[] image, int offset, long target) {
        image[offset] = (byte) 0xFF; // jmp r/m64, ModRM 00 100 101: [rip + disp32]
        image[offset + 1] = 0x25;
        image[offset + 2] = 2;
        image[offset + 3] = 0;
        image[offset + 4] = 0;
        image[offset + 5] = 0;
        image[offset + 6] = (byte) 0xCC;
        image[offset + 7] = (byte) 0xCC;
        for (int i = 0; i < 8; i++) {
            image[offset + 8 + i] = (byte) (target >>> (8 * i));
        }
    }
}
