package dev.vex.code.elf;

import java.util.Arrays;

/** A growable little-endian byte array with the field widths ELF uses. */
final class ElfBytes {
    private byte[] data = new byte[1024];
    private int size;

    int size() {
        return size;
    }

    private void ensure(int extra) {
        if (size + extra > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
        }
    }

    ElfBytes u8(int v) {
        ensure(1);
        data[size++] = (byte) v;
        return this;
    }

    ElfBytes u16(int v) {
        return le(v, 2);
    }

    ElfBytes u32(long v) {
        return le(v, 4);
    }

    ElfBytes u64(long v) {
        return le(v, 8);
    }

    private ElfBytes le(long v, int n) {
        ensure(n);
        for (int i = 0; i < n; i++) {
            data[size++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    ElfBytes bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, data, size, b.length);
        size += b.length;
        return this;
    }

    /** Pads with zeros to a multiple of {@code alignment}. */
    ElfBytes align(int alignment) {
        while (size % alignment != 0) {
            u8(0);
        }
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(data, size);
    }
}
