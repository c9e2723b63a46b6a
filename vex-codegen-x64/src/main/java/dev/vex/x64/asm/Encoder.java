package dev.vex.x64.asm;

import dev.vex.code.CodeBuffer;
import dev.vex.code.FixupFormat;

/**
 * The byte-level x86-64 encoder that every instruction family calls: legacy prefixes, REX,
 * opcode, ModRM, SIB, displacement and immediate, and the VEX prefix.
 *
 * <p>An instruction's prefixes, REX, opcode, ModRM and SIB (at most 8 bytes) are packed into one
 * {@code long} and written with a single capacity check, then the displacement and immediate.
 *
 * <p>Flags describe the prefixes: {@link #W} (REX.W, 64-bit operand), {@link #P66} (operand size
 * 16 bits, or the 66 mandatory prefix of SSE), {@link #PF2}/{@link #PF3} (mandatory prefixes,
 * written after 66) and {@link #REX} (a REX byte even when all its bits are zero, which is what
 * selects spl, bpl, sil and dil). Opcodes are ints written most significant byte first: 0x0FAF is
 * {@code 0F AF}, 0x0F38F0 is {@code 0F 38 F0}.
 */
final class Encoder {
    static final int W = 1;
    static final int REX = 2;
    static final int P66 = 4;
    static final int PF2 = 8;
    static final int PF3 = 16;

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

    // The instruction head being packed: bytes in emission order, least significant first.
    private long head;
    private int headLength;

    Encoder(CodeBuffer buf, CpuFeatures features) {
        this.buf = buf;
        this.featureMask = features.mask();
    }

    /** Throws unless the assembler may use {@code feature}. */
    void require(CpuFeature feature, String mnemonic) {
        if ((featureMask & feature.bit()) == 0) {
            throw new X64EncodingException(mnemonic + " needs " + feature + ", which this assembler's CpuFeatures exclude");
        }
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

    /** Flags for a memory operand of {@code bits} bits (8 needs nothing, 16 the 66 prefix, 64 REX.W). */
    static int flagsForBits(int bits) {
        return bits == 64 ? W : bits == 16 ? P66 : 0;
    }

    static boolean isInt8(long v) {
        return v == (byte) v;
    }

    // ---- head packing --------------------------------------------------------------------------

    private void byteToHead(int b) {
        head |= (long) (b & 0xFF) << (headLength << 3);
        headLength++;
    }

    /** Starts a head with the legacy prefixes, REX (if needed) and opcode. */
    private void prefixesRexOpcode(int flags, int rexBits, int opcode) {
        head = 0;
        headLength = 0;
        if ((flags & P66) != 0) {
            byteToHead(0x66);
        }
        if ((flags & PF2) != 0) {
            byteToHead(0xF2);
        } else if ((flags & PF3) != 0) {
            byteToHead(0xF3);
        }
        int rex = ((flags & W) << 3) | rexBits;
        if (rex != 0 || (flags & REX) != 0) {
            byteToHead(0x40 | rex);
        }
        if (opcode > 0xFFFF) {
            byteToHead(opcode >>> 16);
        }
        if (opcode > 0xFF) {
            byteToHead(opcode >>> 8);
        }
        byteToHead(opcode);
    }

    private void flushHead() {
        buf.putLE(head, headLength);
    }

    // ---- legacy encodings ----------------------------------------------------------------------

    /** opcode with ModRM.mod = 11: {@code reg} in ModRM.reg (a register or an opcode extension), {@code rm} in ModRM.rm. */
    void rr(int flags, int opcode, int reg, int rm) {
        prefixesRexOpcode(flags, ((reg & 8) >> 1) | ((rm & 8) >> 3), opcode);
        byteToHead(0xC0 | ((reg & 7) << 3) | (rm & 7));
        flushHead();
    }

    /** opcode + register number in the low three bits (push, pop, bswap, mov r, imm). */
    void o(int flags, int opcode, int reg) {
        prefixesRexOpcode(flags, (reg & 8) >> 3, opcode + (reg & 7));
        flushHead();
    }

    /** A bare opcode with prefixes. */
    void op(int flags, int opcode) {
        prefixesRexOpcode(flags, 0, opcode);
        flushHead();
    }

    /**
     * opcode with a memory operand: {@code reg} in ModRM.reg, the address in ModRM.rm, SIB and
     * displacement. {@code immBytes} is the size of the immediate the caller writes next, which a
     * RIP-relative label use needs because rip points past it.
     */
    void rm(int flags, int opcode, int reg, Mem m, int immBytes) {
        Gpr base = m.base;
        Gpr index = m.index;
        int rexBits = ((reg & 8) >> 1) | (index != null ? (index.number & 8) >> 2 : 0) | (base != null ? (base.number & 8) >> 3 : 0);
        prefixesRexOpcode(flags, rexBits, opcode);
        address(reg, m, immBytes);
    }

    void imm(long value, int bytes) {
        buf.putLE(value, bytes);
    }

    // ---- VEX encodings -------------------------------------------------------------------------

    /**
     * Starts a VEX instruction: the 2-byte form (C5) when X, B and W are clear and the map is 0F,
     * else the 3-byte form (C4), the choice GNU as makes. {@code vvvv} is a register number.
     */
    private void vexPrefix(int pp, int map, int w, int l, int r, int x, int b, int vvvv, int opcode) {
        head = 0;
        headLength = 0;
        int notR = (~r & 8) << 4;
        int notV = (~vvvv & 15) << 3;
        if ((x & 8) == 0 && (b & 8) == 0 && w == 0 && map == MAP_0F) {
            byteToHead(0xC5);
            byteToHead(notR | notV | (l << 2) | pp);
        } else {
            byteToHead(0xC4);
            byteToHead(notR | ((~x & 8) << 3) | ((~b & 8) << 2) | map);
            byteToHead((w << 7) | notV | (l << 2) | pp);
        }
        byteToHead(opcode);
    }

    void vexRR(int pp, int map, int w, int opcode, int reg, int vvvv, int rm) {
        vexPrefix(pp, map, w, 0, reg, 0, rm, vvvv, opcode);
        byteToHead(0xC0 | ((reg & 7) << 3) | (rm & 7));
        flushHead();
    }

    void vexRM(int pp, int map, int w, int opcode, int reg, int vvvv, Mem m, int immBytes) {
        int x = m.index != null ? m.index.number : 0;
        int b = m.base != null ? m.base.number : 0;
        vexPrefix(pp, map, w, 0, reg, x, b, vvvv, opcode);
        address(reg, m, immBytes);
    }

    /**
     * Appends ModRM and SIB for {@code m} to the head, writes it, then the displacement.
     *
     * <p>The special cases: rsp/r12 as a base need a SIB byte (rm=100 means "SIB follows"); rbp/r13
     * as a base have no mod=00 form (it means RIP-relative, or no base under a SIB), so they take
     * a zero disp8; SIB index 100 means "no index", which is why rsp cannot be one.
     */
    private void address(int reg, Mem m, int immBytes) {
        Gpr base = m.base;
        Gpr index = m.index;
        int regField = (reg & 7) << 3;
        int disp = m.disp;
        if (m.rip) {
            byteToHead(regField | 5);
            flushHead();
            int field = buf.position();
            buf.put4(disp);
            if (m.label != null) {
                buf.useLabel(m.label, FixupFormat.PC_REL32, field, -(4 + immBytes));
            }
            return;
        }
        if (base == null) {
            byteToHead(regField | 4);
            byteToHead((m.scaleLog2 << 6) | (index != null ? (index.number & 7) << 3 : 4 << 3) | 5);
            flushHead();
            buf.put4(disp);
            return;
        }
        int b = base.number & 7;
        int mod = disp == 0 && b != 5 ? 0 : isInt8(disp) ? 1 : 2;
        if (index == null && b != 4) {
            byteToHead((mod << 6) | regField | b);
        } else {
            byteToHead((mod << 6) | regField | 4);
            byteToHead((m.scaleLog2 << 6) | (index != null ? (index.number & 7) << 3 : 4 << 3) | b);
        }
        flushHead();
        if (mod == 1) {
            buf.put1(disp);
        } else if (mod == 2) {
            buf.put4(disp);
        }
    }
}
