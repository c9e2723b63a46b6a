package dev.vex.code;

/**
 * Which bytes and bits a fixup writes, described as data.
 *
 * <p>A fixup computes a value, {@code target + addend}, minus the field's own offset when it is
 * pc-relative (ELF's {@code S + A - P}). The value must be a multiple of {@code 1 << shift}; it is
 * shifted right by {@code shift}, range-checked against {@code bitWidth} bits (signed or
 * unsigned) and stored, little-endian, into bits {@code [bitOffset, bitOffset + bitWidth)} of the
 * {@code byteCount} bytes at the field's offset. The other bits of those bytes are kept, so a
 * field inside an instruction word (AArch64's imm19 at bit 5, imm26 at bit 0, both scaled by 4)
 * is described as easily as a whole rel32 or abs64 field.
 *
 * <p>Two further facts describe fields that are not one contiguous run of bits, or not a plain
 * difference. A split field stores the low {@code lowBits} bits of the shifted value at
 * {@code lowBitOffset} and the rest ({@code bitWidth - lowBits} bits) at {@code bitOffset}
 * (AArch64's ADR and ADRP keep immlo in bits 29-30 and immhi in bits 5-23). A page-relative
 * field ({@code pageShift > 0}) takes the difference of the target's page and the field's page,
 * pages being {@code 1 << pageShift} bytes (ADRP, ELF's {@code Page(S + A) - Page(P)}); within
 * a {@link CodeBuffer} that is exact only when the code is placed at a page-aligned address.
 * A field that is not pc-relative but has a {@code pageShift} takes the target's offset within
 * its page instead (ELF's {@code (S + A) & 0xfff}, AArch64's {@code :lo12:} operands).
 *
 * <p>A pc-relative field whose reference point is not the field itself (x86-64 measures from the
 * end of the instruction) takes the difference in its addend: a rel32 at the end of a jump has
 * addend -4, which is also the addend of an ELF {@code R_X86_64_PLT32} relocation.
 *
 * @param name      a short name for messages and for linkers that map formats to relocation types
 * @param byteCount how many bytes the field's container spans: 1, 2, 4 or 8
 * @param bitOffset the first bit written, counted from bit 0 of the first byte
 * @param bitWidth  how many bits are written
 * @param shift     how many low bits of the value are dropped (and must be zero)
 * @param signed    whether the stored value is a two's complement number
 * @param pcRelative whether the field's offset is subtracted from the value
 * @param lowBits   for a split field, how many low bits of the value go to {@code lowBitOffset}; else 0
 * @param lowBitOffset where the low bits of a split field go
 * @param pageShift for a page-relative field, log2 of the page size; else 0
 */
public record FixupFormat(String name, int byteCount, int bitOffset, int bitWidth, int shift,
                          boolean signed, boolean pcRelative, int lowBits, int lowBitOffset, int pageShift) {

    /** A signed byte, pc-relative (x86 short branches). */
    public static final FixupFormat PC_REL8 = new FixupFormat("pc_rel8", 1, 0, 8, 0, true, true);
    /** A signed 32-bit word, pc-relative (x86 near branches, calls and RIP-relative operands). */
    public static final FixupFormat PC_REL32 = new FixupFormat("pc_rel32", 4, 0, 32, 0, true, true);
    /**
     * A signed 32-bit pc-relative reference to a slot holding the thread-pointer offset of a
     * thread-local symbol: the initial-exec TLS access {@code mov r, [rip + sym@gottpoff]}
     * (ELF {@code R_X86_64_GOTTPOFF}). Written like {@link #PC_REL32}; a linker tells it apart
     * by identity, makes the slot, and points the field at it.
     */
    public static final FixupFormat TLS_IE_PC_REL32 = new FixupFormat("tls_ie_pc_rel32", 4, 0, 32, 0, true, true);
    /**
     * A signed 26-bit word offset in bits 0-25 of a 32-bit word, pc-relative, scaled by 4
     * (AArch64 B and BL; ELF {@code R_AARCH64_JUMP26}/{@code CALL26}).
     */
    public static final FixupFormat PC_REL26_SCALED4 = new FixupFormat("pc_rel26_scaled4", 4, 0, 26, 2, true, true);
    /**
     * A signed 19-bit word offset in bits 5-23 of a 32-bit word, pc-relative, scaled by 4
     * (AArch64 B.cond, CBZ/CBNZ, LDR literal; ELF {@code R_AARCH64_CONDBR19}).
     */
    public static final FixupFormat PC_REL19_AT5_SCALED4 = new FixupFormat("pc_rel19_at5_scaled4", 4, 5, 19, 2, true, true);
    /**
     * A signed 14-bit word offset in bits 5-18 of a 32-bit word, pc-relative, scaled by 4
     * (AArch64 TBZ/TBNZ; ELF {@code R_AARCH64_TSTBR14}).
     */
    public static final FixupFormat PC_REL14_AT5_SCALED4 = new FixupFormat("pc_rel14_at5_scaled4", 4, 5, 14, 2, true, true);
    /**
     * A signed 21-bit byte offset, pc-relative, split: low 2 bits at bit 29, high 19 bits at bit 5
     * (AArch64 ADR; ELF {@code R_AARCH64_ADR_PREL_LO21}).
     */
    public static final FixupFormat PC_REL21_SPLIT = new FixupFormat("pc_rel21_split", 4, 5, 21, 0, true, true, 2, 29, 0);
    /**
     * A signed 21-bit difference of 4 KiB pages, split like {@link #PC_REL21_SPLIT} (AArch64
     * ADRP; ELF {@code R_AARCH64_ADR_PREL_PG_HI21}).
     */
    public static final FixupFormat PC_PAGE21_SPLIT = new FixupFormat("pc_page21_split", 4, 5, 21, 12, true, true, 2, 29, 12);

    /**
     * The same field as {@link #PC_PAGE21_SPLIT}, for the page of the GOT slot holding a
     * thread-local symbol's offset from the thread pointer: the first half of AArch64's
     * initial-exec TLS access (ELF {@code R_AARCH64_TLSIE_ADR_GOTTPREL_PAGE21}). A linker tells
     * it apart by identity (its name), as it does {@link #TLS_IE_PC_REL32}.
     */
    public static final FixupFormat TLS_IE_PAGE21_SPLIT = new FixupFormat("tls_ie_page21_split", 4, 5, 21, 12, true, true, 2, 29, 12);
    /**
     * The offset within its 4 KiB page of an absolute address, unscaled, in bits 10-21 (AArch64
     * ADD immediate after an ADRP; ELF {@code R_AARCH64_ADD_ABS_LO12_NC}). Never out of range.
     */
    public static final FixupFormat PAGE_OFFSET12_AT10 = new FixupFormat("page_offset12_at10", 4, 10, 12, 0, false, false, 0, 0, 12);
    /**
     * The offset within its page of the GOT slot of a thread-local symbol's thread-pointer
     * offset, scaled by 8, in bits 10-21: the second half of AArch64's initial-exec TLS access,
     * an LDR of a doubleword (ELF {@code R_AARCH64_TLSIE_LD64_GOTTPREL_LO12_NC}).
     */
    public static final FixupFormat TLS_IE_PAGE_OFFSET12_AT10_SCALED8 = new FixupFormat("tls_ie_page_offset12_at10_scaled8", 4, 10, 12, 3, false, false, 0, 0, 12);

    /** An unsigned 32-bit absolute address. */
    public static final FixupFormat ABS32 = new FixupFormat("abs32", 4, 0, 32, 0, false, false);
    /** A 64-bit absolute address. */
    public static final FixupFormat ABS64 = new FixupFormat("abs64", 8, 0, 64, 0, true, false);

    public FixupFormat {
        if (byteCount != 1 && byteCount != 2 && byteCount != 4 && byteCount != 8) {
            throw new IllegalArgumentException("byteCount must be 1, 2, 4 or 8: " + byteCount);
        }
        if (bitWidth < 1 || bitOffset < 0 || bitOffset + bitWidth - lowBits > byteCount * 8 || shift < 0 || shift > 16
                || lowBits < 0 || lowBits >= bitWidth || lowBitOffset < 0 || lowBitOffset + lowBits > byteCount * 8
                || pageShift < 0 || pageShift > 16) {
            throw new IllegalArgumentException("field does not fit its container: " + name);
        }
    }

    /** A contiguous field, not page-relative. */
    public FixupFormat(String name, int byteCount, int bitOffset, int bitWidth, int shift, boolean signed, boolean pcRelative) {
        this(name, byteCount, bitOffset, bitWidth, shift, signed, pcRelative, 0, 0, 0);
    }

    /** Whether {@code value} (before shifting) can be stored in this field. */
    public boolean fits(long value) {
        if ((value & ((1L << shift) - 1)) != 0) {
            return false;
        }
        long v = value >> shift;
        if (bitWidth == 64) {
            return true;
        }
        if (signed) {
            long limit = 1L << (bitWidth - 1);
            return v >= -limit && v < limit;
        }
        return v >= 0 && v < (1L << bitWidth);
    }

    /**
     * Writes {@code targetPlusAddend} (minus {@code fieldOffset} when pc-relative) into the field
     * at {@code fieldOffset} of {@code code}: offsets within one buffer.
     *
     * @throws CodeException if the value does not fit
     */
    public void apply(byte[] code, int fieldOffset, long targetPlusAddend) {
        applyAt(code, fieldOffset, fieldOffset, targetPlusAddend);
    }

    /**
     * Writes the field at {@code fieldOffset} of {@code code} for a field that lives at address
     * {@code fieldAddress} and a target at address {@code targetPlusAddend}: what a linker does,
     * and what a page-relative field needs, since its value depends on where the code is placed.
     *
     * @throws CodeException if the value does not fit
     */
    public void applyAt(byte[] code, int fieldOffset, long fieldAddress, long targetPlusAddend) {
        long value;
        if (!pcRelative) {
            value = pageShift > 0 ? targetPlusAddend & ((1L << pageShift) - 1) : targetPlusAddend;
        } else if (pageShift > 0) {
            long page = -1L << pageShift;
            value = (targetPlusAddend & page) - (fieldAddress & page);
        } else {
            value = targetPlusAddend - fieldAddress;
        }
        if (!fits(value)) {
            throw new CodeException("value " + value + " does not fit the " + name + " field at offset " + fieldOffset);
        }
        long bits = value >> shift;
        long mask = bitWidth == 64 ? -1L : (1L << bitWidth) - 1;
        long container = 0;
        for (int i = 0; i < byteCount; i++) {
            container |= (code[fieldOffset + i] & 0xFFL) << (8 * i);
        }
        if (lowBits > 0) {
            long lowMask = (1L << lowBits) - 1;
            long highMask = mask >>> lowBits;
            container = (container & ~(lowMask << lowBitOffset) & ~(highMask << bitOffset))
                | ((bits & lowMask) << lowBitOffset) | (((bits & mask) >>> lowBits) << bitOffset);
        } else {
            container = (container & ~(mask << bitOffset)) | ((bits & mask) << bitOffset);
        }
        for (int i = 0; i < byteCount; i++) {
            code[fieldOffset + i] = (byte) (container >>> (8 * i));
        }
    }
}
