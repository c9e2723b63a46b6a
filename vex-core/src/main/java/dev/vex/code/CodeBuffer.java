package dev.vex.code;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The bytes an assembler emits, with label binding, relocations and symbol definitions.
 *
 * <p>Written in the style of OW2 ASM's {@code ByteVector}: every writer copies the fields to
 * locals, checks the capacity once for all the bytes it writes and doubles the array when it
 * grows. Emitting code allocates nothing once the array is large enough; relocations and symbols
 * (rare) go to lists created on first use.
 *
 * <p>All multi-byte values are little-endian, the byte order of both of Vex's targets.
 */
public final class CodeBuffer {
    private byte[] data;
    private int length;
    private int labelsWaiting;
    private List<Relocation> relocations;
    private List<SymbolDefinition> symbols;

    public CodeBuffer() {
        this(256);
    }

    public CodeBuffer(int initialCapacity) {
        data = new byte[Math.max(16, initialCapacity)];
    }

    /** The number of bytes emitted so far, which is also the offset of the next byte. */
    public int position() {
        return length;
    }

    /** Empties the buffer, its relocations and its symbols, keeping the array. */
    public void reset() {
        length = 0;
        labelsWaiting = 0;
        relocations = null;
        symbols = null;
    }

    // ---- writers -------------------------------------------------------------------------------

    public CodeBuffer put1(int b) {
        int len = length;
        if (len + 1 > data.length) {
            grow(1);
        }
        data[len] = (byte) b;
        length = len + 1;
        return this;
    }

    /** Two single bytes. */
    public CodeBuffer put11(int b1, int b2) {
        int len = length;
        if (len + 2 > data.length) {
            grow(2);
        }
        byte[] d = data;
        d[len] = (byte) b1;
        d[len + 1] = (byte) b2;
        length = len + 2;
        return this;
    }

    /** A single byte followed by a 32-bit word. */
    public CodeBuffer put14(int b, int w) {
        int len = length;
        if (len + 5 > data.length) {
            grow(5);
        }
        byte[] d = data;
        d[len] = (byte) b;
        d[len + 1] = (byte) w;
        d[len + 2] = (byte) (w >>> 8);
        d[len + 3] = (byte) (w >>> 16);
        d[len + 4] = (byte) (w >>> 24);
        length = len + 5;
        return this;
    }

    public CodeBuffer put2(int h) {
        return putLE(h, 2);
    }

    public CodeBuffer put4(int w) {
        int len = length;
        if (len + 4 > data.length) {
            grow(4);
        }
        byte[] d = data;
        d[len] = (byte) w;
        d[len + 1] = (byte) (w >>> 8);
        d[len + 2] = (byte) (w >>> 16);
        d[len + 3] = (byte) (w >>> 24);
        length = len + 4;
        return this;
    }

    public CodeBuffer put8(long q) {
        return putLE(q, 8);
    }

    /**
     * The low {@code count} bytes of {@code value}, least significant first (0 to 8 bytes). An
     * encoder can pack prefixes, opcode and operand bytes into one long and write them with a
     * single capacity check.
     */
    public CodeBuffer putLE(long value, int count) {
        int len = length;
        if (len + count > data.length) {
            grow(count);
        }
        byte[] d = data;
        for (int i = 0; i < count; i++) {
            d[len + i] = (byte) value;
            value >>>= 8;
        }
        length = len + count;
        return this;
    }

    /** Appends {@code bytes}. */
    public CodeBuffer putBytes(byte[] bytes) {
        int len = length;
        if (len + bytes.length > data.length) {
            grow(bytes.length);
        }
        System.arraycopy(bytes, 0, data, len, bytes.length);
        length = len + bytes.length;
        return this;
    }

    /**
     * Ensures room for {@code n} more bytes and returns the backing array, for an encoder that
     * writes a whole instruction with one capacity check: write from {@link #position()} on, then
     * {@link #commit} the new position. The array is only valid until the next call that may grow
     * the buffer.
     */
    public byte[] reserve(int n) {
        if (length + n > data.length) {
            grow(n);
        }
        return data;
    }

    /** Makes the bytes written into the array from {@link #reserve} part of the code. */
    public void commit(int newPosition) {
        if (newPosition < length || newPosition > data.length) {
            throw new IndexOutOfBoundsException("commit to " + newPosition + " outside [" + length + ", " + data.length + "]");
        }
        length = newPosition;
    }

    private void grow(int needed) {
        int capacity = Math.max(data.length * 2, length + needed);
        data = Arrays.copyOf(data, capacity);
    }

    // ---- reading and patching ------------------------------------------------------------------

    /** The byte at {@code offset}, 0 to 255. */
    public int byteAt(int offset) {
        checkOffset(offset, 1);
        return data[offset] & 0xFF;
    }

    /** The little-endian 32-bit word at {@code offset}. */
    public int intAt(int offset) {
        checkOffset(offset, 4);
        byte[] d = data;
        return (d[offset] & 0xFF) | (d[offset + 1] & 0xFF) << 8 | (d[offset + 2] & 0xFF) << 16 | d[offset + 3] << 24;
    }

    /** Overwrites the 32-bit word at {@code offset} (AArch64 patches whole instruction words). */
    public void setIntAt(int offset, int w) {
        checkOffset(offset, 4);
        byte[] d = data;
        d[offset] = (byte) w;
        d[offset + 1] = (byte) (w >>> 8);
        d[offset + 2] = (byte) (w >>> 16);
        d[offset + 3] = (byte) (w >>> 24);
    }

    private void checkOffset(int offset, int size) {
        if (offset < 0 || offset + size > length) {
            throw new IndexOutOfBoundsException("offset " + offset + " (+" + size + ") outside [0, " + length + ")");
        }
    }

    /** A copy of the bytes emitted so far. Labels may still be waiting; see {@link #finish()}. */
    public byte[] toByteArray() {
        return Arrays.copyOf(data, length);
    }

    /**
     * Checks that no label use is still waiting for its label and returns a copy of the code.
     *
     * @throws CodeException if a used label was never bound
     */
    public byte[] finish() {
        if (labelsWaiting != 0) {
            throw new CodeException(labelsWaiting + " label use(s) refer to labels that were never bound");
        }
        return toByteArray();
    }

    // ---- labels --------------------------------------------------------------------------------

    /** Binds {@code label} to the current position and patches its waiting uses. */
    public void bind(Label label) {
        labelsWaiting -= label.pendingUses();
        label.bindAndPatch(length, data);
    }

    /**
     * Records that the field at {@code fieldOffset} (already emitted, as zeros or as the bits
     * around the field) refers to {@code label}: it receives {@code position(label) + addend}, in
     * {@code format}. A bound label is applied at once; an unbound one when it is bound.
     *
     * @throws CodeException if the label is bound and the value does not fit
     */
    public void useLabel(Label label, FixupFormat format, int fieldOffset, int addend) {
        if (label.isBound()) {
            format.apply(data, fieldOffset, (long) label.position() + addend);
        } else {
            label.addUse(fieldOffset, addend, format);
            labelsWaiting++;
        }
    }

    // ---- relocations and symbols ---------------------------------------------------------------

    /** Records a reference from the field at {@code fieldOffset} to {@code symbol}. */
    public void addRelocation(int fieldOffset, FixupFormat format, String symbol, long addend) {
        if (relocations == null) {
            relocations = new ArrayList<>();
        }
        relocations.add(new Relocation(fieldOffset, format, symbol, addend));
    }

    /** Defines {@code name} at the current position. */
    public void defineSymbol(String name) {
        if (symbols == null) {
            symbols = new ArrayList<>();
        }
        for (SymbolDefinition s : symbols) {
            if (s.name().equals(name)) {
                throw new CodeException("symbol defined twice: " + name);
            }
        }
        symbols.add(new SymbolDefinition(name, length));
    }

    /** The relocations in the order they were added. */
    public List<Relocation> relocations() {
        return relocations == null ? List.of() : Collections.unmodifiableList(relocations);
    }

    /** The symbol definitions in the order they were made. */
    public List<SymbolDefinition> symbols() {
        return symbols == null ? List.of() : Collections.unmodifiableList(symbols);
    }
}
