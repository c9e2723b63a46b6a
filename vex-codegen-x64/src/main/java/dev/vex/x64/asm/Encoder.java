package dev.vex.x64.asm;

import dev.vex.code.CodeBuffer;
import dev.vex.code.FixupFormat;

/**
 * The byte-level x86-64 encoder that every instruction family calls: legacy prefixes, REX,
 * opcode, ModRM, SIB, displacement and immediate, and the VEX prefix. The families pass it an
 * {@link Encoding} row, whose prefixes, opcode, ModRM use and immediate size it writes; the raw
 * forms that take those as ints are private, so no family can emit bytes that are not in a row.
 *
 * <p>Each instruction reserves room for the longest x86 instruction once ({@link CodeBuffer#reserve})
 * and writes its prefixes, opcode, ModRM, SIB and displacement straight into the array; only the
 * immediate, written by the family afterwards, checks the capacity again.
 *
 * <p>Flags describe the prefixes: {@link #W} (REX.W, 64-bit operand), {@link #P66} (operand size
 * 16 bits, or the 66 mandatory prefix of SSE), {@link #PF2}/{@link #PF3} (mandatory prefixes,
 * written after 66), {@link #LOCK} (F0, after 66) and {@link #REX} (a REX byte even when all its bits are zero, which is what
 * selects spl, bpl, sil and dil). Opcodes are ints written most significant byte first: 0x0FAF is
 * {@code 0F AF}, 0x0F38F0 is {@code 0F 38 F0}.
 */
final class Encoder {
    static final int W = 1;
    static final int REX = 2;
    static final int P66 = 4;
    static final int PF2 = 8;
    static final int PF3 = 16;
    /** The lock prefix (F0), written after 66 as GNU as orders them. */
    static final int LOCK = 32;

    /** VEX.pp values. */
    static final int VEX_NONE = 0;
    static final int VEX_66 = 1;
    static final int VEX_F3 = 2;
    static final int VEX_F2 = 3;
    /** VEX.mmmmm values. */
    static final int MAP_0F = 1;
    static final int MAP_0F38 = 2;
    static final int MAP_0F3A = 3;

    final CodeBuffer buf;
    private final int featureMask;

    Encoder(CodeBuffer buf, CpuFeatures features) {
        this.buf = buf;
        this.featureMask = features.mask();
    }

    /** Throws unless the assembler may use the CPU feature {@code form} needs. */
    void require(Encoding form) {
        CpuFeature feature = form.feature();
        if (feature != null && (featureMask & feature.bit()) == 0) {
            throw new X64EncodingException(form.mnemonic() + " needs " + feature + ", which this assembler's CpuFeatures exclude");
        }
    }

    // ---- emitting a row ------------------------------------------------------------------------
    // Each family picks the row for its operands and emits it through these; {@code extra} adds
    // the REX that selects spl..dil (Gpr.sizeFlags & REX), the only prefix a row cannot know.

    /** A /r form with both operands in registers: {@code reg} in ModRM.reg, {@code rm} in ModRM.rm. */
    void rr(Encoding f, int extra, int reg, int rm) {
        rr(f.prefixes() | extra, f.opcode(), reg, rm);
    }

    /** A /digit form on a register. */
    void digit(Encoding f, int extra, int rm) {
        rr(f.prefixes() | extra, f.opcode(), f.modrm(), rm);
    }

    /** A /r form with memory in ModRM.rm; the row's immediate size places a RIP-relative label right. */
    void rm(Encoding f, int extra, int reg, Mem m) {
        rm(f.prefixes() | extra, f.opcode(), reg, m, f.immBytes());
    }

    /** A /digit form on memory. */
    void digit(Encoding f, Mem m) {
        rm(f.prefixes(), f.opcode(), f.modrm(), m, f.immBytes());
    }

    /** An O form: the register in the opcode's low three bits. */
    void o(Encoding f, int extra, int reg) {
        o(f.prefixes() | extra, f.opcode(), reg);
    }

    /** A form without ModRM (ZO, AI, I, FD, TD). */
    void op(Encoding f, int extra) {
        op(f.prefixes() | extra, f.opcode());
    }

    /** The immediate of {@code f}, {@link Encoding#immBytes} wide. */
    void imm(Encoding f, long value) {
        imm(value, f.immBytes());
    }

    void vexRR(Encoding f, int reg, int vvvv, int rm) {
        vexRR(f.vexPp(), f.vexMap(), f.vexW(), f.opcode() & 0xFF, reg, vvvv, rm);
    }

    void vexRM(Encoding f, int reg, int vvvv, Mem m) {
        vexRM(f.vexPp(), f.vexMap(), f.vexW(), f.opcode() & 0xFF, reg, vvvv, m, f.immBytes());
    }

    // ---- operand checks ------------------------------------------------------------------------

    /** The common width of two registers. */
    static int sameBits(Gpr a, Gpr b) {
        if (a.bits != b.bits) {
            throw new X64EncodingException("operand widths differ: " + a + " and " + b);
        }
        return a.bits;
    }

    /** Checks that {@code m} is unsized or {@code bits} wide. */
    static void memBits(Mem m, int bits) {
        if (m.bits != 0 && m.bits != bits) {
            throw new X64EncodingException("memory operand is " + m.bits + " bits, the instruction needs " + bits);
        }
    }

    /** The explicit width of {@code m}, which the instruction needs because nothing else gives it. */
    static int explicitBits(Mem m, String mnemonic) {
        if (m.bits == 0) {
            throw new X64EncodingException(mnemonic + " needs a sized memory operand (qword, dword, word or bytePtr)");
        }
        return m.bits;
    }

    static void requireBits(Gpr r, int allowedMask, String mnemonic) {
        if ((r.bits & allowedMask) == 0) {
            throw new X64EncodingException(mnemonic + " does not take the " + r.bits + "-bit register " + r);
        }
    }

    static boolean isInt8(long v) {
        return v == (byte) v;
    }

    // ---- legacy encodings ----------------------------------------------------------------------

    /** The longest x86 instruction; every encoder reserves this much once and writes unchecked. */
    private static final int MAX_INSTRUCTION = 15;

    /** Writes the legacy prefixes, REX (if needed) and opcode at {@code p}; returns the new position. */
    private static int prefixesRexOpcode(byte[] d, int p, int flags, int rexBits, int opcode) {
        if ((flags & P66) != 0) {
            d[p++] = 0x66;
        }
        if ((flags & LOCK) != 0) {
            d[p++] = (byte) 0xF0;
        }
        if ((flags & PF2) != 0) {
            d[p++] = (byte) 0xF2;
        } else if ((flags & PF3) != 0) {
            d[p++] = (byte) 0xF3;
        }
        int rex = ((flags & W) << 3) | rexBits;
        if (rex != 0 || (flags & REX) != 0) {
            d[p++] = (byte) (0x40 | rex);
        }
        if (opcode > 0xFFFF) {
            d[p++] = (byte) (opcode >>> 16);
        }
        if (opcode > 0xFF) {
            d[p++] = (byte) (opcode >>> 8);
        }
        d[p++] = (byte) opcode;
        return p;
    }

    /** opcode with ModRM.mod = 11: {@code reg} in ModRM.reg (a register or an opcode extension), {@code rm} in ModRM.rm. */
    private void rr(int flags, int opcode, int reg, int rm) {
        CodeBuffer b = buf;
        byte[] d = b.reserve(MAX_INSTRUCTION);
        int p = prefixesRexOpcode(d, b.position(), flags, ((reg & 8) >> 1) | ((rm & 8) >> 3), opcode);
        d[p++] = (byte) (0xC0 | ((reg & 7) << 3) | (rm & 7));
        b.commit(p);
    }

    /** opcode + register number in the low three bits (push, pop, bswap, mov r, imm). */
    private void o(int flags, int opcode, int reg) {
        CodeBuffer b = buf;
        byte[] d = b.reserve(MAX_INSTRUCTION);
        b.commit(prefixesRexOpcode(d, b.position(), flags, (reg & 8) >> 3, opcode + (reg & 7)));
    }

    /** A bare opcode with prefixes. */
    private void op(int flags, int opcode) {
        CodeBuffer b = buf;
        byte[] d = b.reserve(MAX_INSTRUCTION);
        b.commit(prefixesRexOpcode(d, b.position(), flags, 0, opcode));
    }

    /**
     * opcode with a memory operand: {@code reg} in ModRM.reg, the address in ModRM.rm, SIB and
     * displacement. {@code immBytes} is the size of the immediate the caller writes next, which a
     * RIP-relative label use needs because rip points past it.
     */
    private void rm(int flags, int opcode, int reg, Mem m, int immBytes) {
        Gpr base = m.base;
        Gpr index = m.index;
        int rexBits = ((reg & 8) >> 1) | (index != null ? (index.number & 8) >> 2 : 0) | (base != null ? (base.number & 8) >> 3 : 0);
        CodeBuffer b = buf;
        byte[] d = b.reserve(MAX_INSTRUCTION);
        int p = prefixesRexOpcode(d, b.position(), flags, rexBits, opcode);
        address(d, p, reg, m, immBytes);
    }

    private void imm(long value, int bytes) {
        if (bytes == 1) {
            buf.put1((int) value);
        } else if (bytes == 4) {
            buf.put4((int) value);
        } else {
            buf.putLE(value, bytes);
        }
    }

    // ---- VEX encodings -------------------------------------------------------------------------

    /**
     * Writes a VEX prefix and opcode at {@code p}: the 2-byte form (C5) when X, B and W are clear
     * and the map is 0F, else the 3-byte form (C4), the choice GNU as makes. {@code vvvv} is a
     * register number (0 when unused, which encodes as 1111).
     */
    private static int vexPrefix(byte[] d, int p, int pp, int map, int w, int l, int r, int x, int b, int vvvv, int opcode) {
        int notR = (~r & 8) << 4;
        int notV = (~vvvv & 15) << 3;
        if ((x & 8) == 0 && (b & 8) == 0 && w == 0 && map == MAP_0F) {
            d[p++] = (byte) 0xC5;
            d[p++] = (byte) (notR | notV | (l << 2) | pp);
        } else {
            d[p++] = (byte) 0xC4;
            d[p++] = (byte) (notR | ((~x & 8) << 3) | ((~b & 8) << 2) | map);
            d[p++] = (byte) ((w << 7) | notV | (l << 2) | pp);
        }
        d[p++] = (byte) opcode;
        return p;
    }

    private void vexRR(int pp, int map, int w, int opcode, int reg, int vvvv, int rm) {
        CodeBuffer buffer = buf;
        byte[] d = buffer.reserve(MAX_INSTRUCTION);
        int p = vexPrefix(d, buffer.position(), pp, map, w, 0, reg, 0, rm, vvvv, opcode);
        d[p++] = (byte) (0xC0 | ((reg & 7) << 3) | (rm & 7));
        buffer.commit(p);
    }

    private void vexRM(int pp, int map, int w, int opcode, int reg, int vvvv, Mem m, int immBytes) {
        int x = m.index != null ? m.index.number : 0;
        int b = m.base != null ? m.base.number : 0;
        CodeBuffer buffer = buf;
        byte[] d = buffer.reserve(MAX_INSTRUCTION);
        int p = vexPrefix(d, buffer.position(), pp, map, w, 0, reg, x, b, vvvv, opcode);
        address(d, p, reg, m, immBytes);
    }

    /**
     * Writes ModRM, SIB and displacement for {@code m} at {@code p} and commits the instruction so
     * far.
     *
     * <p>The special cases: rsp/r12 as a base need a SIB byte (rm=100 means "SIB follows"); rbp/r13
     * as a base have no mod=00 form (it means RIP-relative, or no base under a SIB), so they take
     * a zero disp8; SIB index 100 means "no index", which is why rsp cannot be one.
     */
    private void address(byte[] d, int p, int reg, Mem m, int immBytes) {
        Gpr base = m.base;
        Gpr index = m.index;
        int regField = (reg & 7) << 3;
        int disp = m.disp;
        if (m.rip) {
            d[p++] = (byte) (regField | 5);
            int field = p;
            p = le32(d, p, disp);
            buf.commit(p);
            if (m.label != null) {
                buf.useLabel(m.label, FixupFormat.PC_REL32, field, -(4 + immBytes));
            }
            return;
        }
        if (base == null) {
            // mod=00 rm=100 and SIB base=101: [index*scale + disp32], or [disp32] with no index.
            d[p++] = (byte) (regField | 4);
            d[p++] = (byte) ((m.scaleLog2 << 6) | (index != null ? (index.number & 7) << 3 : 4 << 3) | 5);
            buf.commit(le32(d, p, disp));
            return;
        }
        int b = base.number & 7;
        int mod = disp == 0 && b != 5 ? 0 : isInt8(disp) ? 1 : 2;
        if (index == null && b != 4) {
            d[p++] = (byte) ((mod << 6) | regField | b);
        } else {
            d[p++] = (byte) ((mod << 6) | regField | 4);
            d[p++] = (byte) ((m.scaleLog2 << 6) | (index != null ? (index.number & 7) << 3 : 4 << 3) | b);
        }
        if (mod == 1) {
            d[p++] = (byte) disp;
        } else if (mod == 2) {
            p = le32(d, p, disp);
        }
        buf.commit(p);
    }

    private static int le32(byte[] d, int p, int v) {
        d[p] = (byte) v;
        d[p + 1] = (byte) (v >>> 8);
        d[p + 2] = (byte) (v >>> 16);
        d[p + 3] = (byte) (v >>> 24);
        return p + 4;
    }
}
