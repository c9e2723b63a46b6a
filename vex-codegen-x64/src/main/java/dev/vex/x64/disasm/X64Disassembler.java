package dev.vex.x64.disasm;

/**
 * Decodes the x86-64 instructions Vex's code generator emits back into Intel-syntax text, for
 * listings: the general-purpose integer subset (ALU, shifts, moves and extensions, multiply and
 * divide, bit tests and counts, setcc/cmovcc, branches, calls, push/pop), scalar SSE
 * (moves, arithmetic, compares, conversions, rounding) and the FMA3 scalar forms. Text follows
 * GNU objdump's Intel syntax ({@code mov rax, qword ptr [rsp+0x8]}); branch targets are code
 * offsets. Anything outside the subset decodes as {@code (unknown)} of length 1, never an error.
 */
public final class X64Disassembler {
    private static final String[] GPR64 = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10",
        "r11", "r12", "r13", "r14", "r15"};
    private static final String[] GPR32 = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "r8d", "r9d",
        "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"};
    private static final String[] GPR16 = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di", "r8w", "r9w", "r10w",
        "r11w", "r12w", "r13w", "r14w", "r15w"};
    private static final String[] GPR8 = {"al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil", "r8b", "r9b", "r10b",
        "r11b", "r12b", "r13b", "r14b", "r15b"};
    private static final String[] GPR8_LEGACY = {"al", "cl", "dl", "bl", "ah", "ch", "dh", "bh"};
    private static final String[] ALU = {"add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"};
    private static final String[] SHIFT = {"rol", "ror", "rcl", "rcr", "shl", "shr", "shl", "sar"};
    private static final String[] CC = {"o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge",
        "le", "g"};
    private static final String[] GRP3 = {"test", "test", "not", "neg", "mul", "imul", "div", "idiv"};
    private static final String[] BT = {null, null, null, null, "bt", "bts", "btr", "btc"};

    private final byte[] code;
    private int p;
    // prefixes and REX of the instruction being decoded
    private boolean opsize;
    private boolean rep;
    private boolean repne;
    private boolean fs;
    private boolean rexPresent;
    private boolean w;
    private int r;
    private int x;
    private int b;
    // the decoded ModRM operand
    private int mod;
    private int reg;
    private int rm;
    private String memText;

    private X64Disassembler(byte[] code, int at) {
        this.code = code;
        this.p = at;
    }

    /** Decodes the instruction at {@code at}; its text goes to {@code out}, its length is returned. */
    public static int decode(byte[] code, int at, StringBuilder out) {
        X64Disassembler d = new X64Disassembler(code, at);
        String text;
        try {
            text = d.instruction();
        } catch (RuntimeException e) {
            text = null;
        }
        if (text == null) {
            out.append("(unknown)");
            return 1;
        }
        out.append(text);
        return d.p - at;
    }

    private int u8() {
        return code[p++] & 0xff;
    }

    private int s8() {
        return code[p++];
    }

    private int s32() {
        int v = (code[p] & 0xff) | (code[p + 1] & 0xff) << 8 | (code[p + 2] & 0xff) << 16 | code[p + 3] << 24;
        p += 4;
        return v;
    }

    private long s64() {
        long lo = s32() & 0xffff_ffffL;
        long hi = s32();
        return lo | hi << 32;
    }

    private int s16() {
        int v = (short) ((code[p] & 0xff) | (code[p + 1] & 0xff) << 8);
        p += 2;
        return v;
    }

    private int opBits() {
        return w ? 64 : opsize ? 16 : 32;
    }

    private String gpr(int n, int bits) {
        return switch (bits) {
            case 64 -> GPR64[n];
            case 32 -> GPR32[n];
            case 16 -> GPR16[n];
            default -> rexPresent || n >= 8 ? GPR8[n] : GPR8_LEGACY[n];
        };
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    private static String imm(long v, int bits) {
        return hex(bits == 64 ? v : v & ((1L << bits) - 1));
    }

    private static String sizePtr(int bits) {
        return switch (bits) {
            case 8 -> "byte ptr ";
            case 16 -> "word ptr ";
            case 32 -> "dword ptr ";
            case 64 -> "qword ptr ";
            case 128 -> "xmmword ptr ";
            default -> "";
        };
    }

    /** Reads ModRM (and SIB, displacement); the memory text, if any, waits in {@link #memText}. */
    private void modrm() {
        int m = u8();
        mod = m >> 6;
        reg = ((m >> 3) & 7) | r << 3;
        rm = m & 7;
        memText = null;
        if (mod == 3) {
            rm |= b << 3;
            return;
        }
        StringBuilder sb = new StringBuilder();
        if (fs) {
            sb.append("fs:");
        }
        sb.append('[');
        long disp;
        if (rm == 4) {
            int sib = u8();
            int scale = 1 << (sib >> 6);
            int index = ((sib >> 3) & 7) | x << 3;
            int base = (sib & 7) | b << 3;
            boolean noBase = (sib & 7) == 5 && mod == 0;
            boolean any = false;
            if (!noBase) {
                sb.append(GPR64[base]);
                any = true;
            }
            if (index != 4) {
                sb.append(any ? "+" : "").append(GPR64[index]).append('*').append(scale);
                any = true;
            }
            if (noBase) {
                disp = s32();
                sb.append(any ? (disp < 0 ? "-" : "+") : "").append(hex(any ? Math.abs(disp) : disp & 0xffff_ffffL));
                memText = sb.append(']').toString();
                return;
            }
        } else if (rm == 5 && mod == 0) {
            disp = s32();
            sb.append("rip+").append(hex(disp)); // as objdump: a negative displacement in 64-bit hex
            memText = sb.append(']').toString();
            return;
        } else {
            sb.append(GPR64[rm | b << 3]);
        }
        if (mod == 1) {
            disp = s8();
            sb.append(disp < 0 ? "-" : "+").append(hex(Math.abs(disp)));
        } else if (mod == 2) {
            disp = s32();
            sb.append(disp < 0 ? "-" : "+").append(hex(Math.abs(disp)));
        }
        memText = sb.append(']').toString();
    }

    /** The r/m operand as a register of {@code bits} or memory of {@code memBits}. */
    private String rmOperand(int bits, int memBits) {
        return mod == 3 ? gpr(rm, bits) : sizePtr(memBits) + memText;
    }

    private String rmOperand(int bits) {
        return rmOperand(bits, bits);
    }

    private String xmmRm(int memBits) {
        return mod == 3 ? "xmm" + rm : sizePtr(memBits) + memText;
    }

    private String instruction() {
        for (;;) {
            int c = code[p] & 0xff;
            if (c == 0x66) {
                opsize = true;
            } else if (c == 0xF3) {
                rep = true;
            } else if (c == 0xF2) {
                repne = true;
            } else if (c == 0x64) {
                fs = true;
            } else {
                break;
            }
            p++;
        }
        int c = code[p] & 0xff;
        if (c >= 0x40 && c <= 0x4F) {
            rexPresent = true;
            w = (c & 8) != 0;
            r = (c >> 2) & 1;
            x = (c >> 1) & 1;
            b = c & 1;
            p++;
        }
        int op = u8();
        if (op == 0x0F) {
            return twoByte();
        }
        if (op == 0xC4) {
            return vex();
        }
        int bits = opBits();
        if (op < 0x40 && (op & 7) < 6) {
            String name = ALU[op >> 3];
            switch (op & 7) {
                case 0, 1 -> {
                    int bb = (op & 1) == 0 ? 8 : bits;
                    modrm();
                    return name + " " + rmOperand(bb) + ", " + gpr(reg, bb);
                }
                case 2, 3 -> {
                    int bb = (op & 1) == 0 ? 8 : bits;
                    modrm();
                    return name + " " + gpr(reg, bb) + ", " + rmOperand(bb);
                }
                case 4 -> {
                    return name + " al, " + imm(s8(), 8);
                }
                default -> {
                    long v = bits == 16 ? s16() : s32();
                    return name + " " + gpr(0, bits) + ", " + imm(v, bits);
                }
            }
        }
        if (op >= 0x50 && op <= 0x57) {
            return "push " + GPR64[(op & 7) | b << 3];
        }
        if (op >= 0x58 && op <= 0x5F) {
            return "pop " + GPR64[(op & 7) | b << 3];
        }
        if (op >= 0x70 && op <= 0x7F) {
            int d = s8();
            return "j" + CC[op & 15] + " " + hex(p + d);
        }
        if (op >= 0xB0 && op <= 0xB7) {
            return "mov " + gpr((op & 7) | b << 3, 8) + ", " + imm(s8(), 8);
        }
        if (op >= 0xB8 && op <= 0xBF) {
            int n = (op & 7) | b << 3;
            if (w) {
                return "movabs " + GPR64[n] + ", " + hex(s64());
            }
            long v = bits == 16 ? s16() : s32();
            return "mov " + gpr(n, bits) + ", " + imm(v, bits);
        }
        switch (op) {
            case 0x63 -> {
                modrm();
                return "movsxd " + gpr(reg, bits) + ", " + rmOperand(32);
            }
            case 0x69, 0x6B -> {
                modrm();
                String src = rmOperand(bits);
                long v = op == 0x6B ? s8() : s32();
                return "imul " + gpr(reg, bits) + ", " + src + ", " + imm(v, bits);
            }
            case 0x80, 0x81, 0x83 -> {
                int bb = op == 0x80 ? 8 : bits;
                modrm();
                String dst = rmOperand(bb);
                long v = op == 0x81 ? (bits == 16 ? s16() : s32()) : s8();
                return ALU[reg & 7] + " " + dst + ", " + imm(v, bb);
            }
            case 0x84, 0x85 -> {
                int bb = op == 0x84 ? 8 : bits;
                modrm();
                return "test " + rmOperand(bb) + ", " + gpr(reg, bb);
            }
            case 0x87 -> {
                modrm();
                return "xchg " + rmOperand(bits) + ", " + gpr(reg, bits);
            }
            case 0x88, 0x89 -> {
                int bb = op == 0x88 ? 8 : bits;
                modrm();
                return "mov " + rmOperand(bb) + ", " + gpr(reg, bb);
            }
            case 0x8A, 0x8B -> {
                int bb = op == 0x8A ? 8 : bits;
                modrm();
                return "mov " + gpr(reg, bb) + ", " + rmOperand(bb);
            }
            case 0x8D -> {
                modrm();
                return "lea " + gpr(reg, bits) + ", " + memText;
            }
            case 0x90 -> {
                return opsize ? "xchg ax, ax" : "nop";
            }
            case 0x98 -> {
                return w ? "cdqe" : opsize ? "cbw" : "cwde";
            }
            case 0x99 -> {
                return w ? "cqo" : opsize ? "cwd" : "cdq";
            }
            case 0xC0, 0xC1, 0xD0, 0xD1, 0xD2, 0xD3 -> {
                int bb = (op & 1) == 0 ? 8 : bits;
                modrm();
                String dst = rmOperand(bb);
                String count = op <= 0xC1 ? imm(s8(), 8) : op <= 0xD1 ? "1" : "cl";
                return SHIFT[reg & 7] + " " + dst + ", " + count;
            }
            case 0xC3 -> {
                return "ret";
            }
            case 0xC6, 0xC7 -> {
                int bb = op == 0xC6 ? 8 : bits;
                modrm();
                String dst = rmOperand(bb);
                long v = bb == 8 ? s8() : bb == 16 ? s16() : s32();
                return "mov " + dst + ", " + imm(v, bb);
            }
            case 0xCC -> {
                return "int3";
            }
            case 0xE8, 0xE9 -> {
                int d = s32();
                return (op == 0xE8 ? "call " : "jmp ") + hex(p + d);
            }
            case 0xEB -> {
                int d = s8();
                return "jmp " + hex(p + d);
            }
            case 0xF6, 0xF7 -> {
                int bb = op == 0xF6 ? 8 : bits;
                modrm();
                String dst = rmOperand(bb);
                if ((reg & 7) < 2) {
                    long v = bb == 8 ? s8() : bb == 16 ? s16() : s32();
                    return "test " + dst + ", " + imm(v, bb);
                }
                return GRP3[reg & 7] + " " + dst;
            }
            case 0xFE, 0xFF -> {
                int bb = op == 0xFE ? 8 : bits;
                modrm();
                return switch (reg & 7) {
                    case 0 -> "inc " + rmOperand(bb);
                    case 1 -> "dec " + rmOperand(bb);
                    case 2 -> "call " + rmOperand(64);
                    case 4 -> "jmp " + rmOperand(64);
                    case 6 -> "push " + rmOperand(64);
                    default -> null;
                };
            }
            default -> {
                return null;
            }
        }
    }

    private String sseSuffix() {
        return rep ? "ss" : repne ? "sd" : opsize ? "pd" : "ps";
    }

    private int sseBits() {
        return rep ? 32 : repne ? 64 : 128;
    }

    private String twoByte() {
        int op = u8();
        int bits = opBits();
        if (op >= 0x80 && op <= 0x8F) {
            int d = s32();
            return "j" + CC[op & 15] + " " + hex(p + d);
        }
        if (op >= 0x90 && op <= 0x9F) {
            modrm();
            return "set" + CC[op & 15] + " " + rmOperand(8);
        }
        if (op >= 0x40 && op <= 0x4F) {
            modrm();
            return "cmov" + CC[op & 15] + " " + gpr(reg, bits) + ", " + rmOperand(bits);
        }
        if (op >= 0xC8 && op <= 0xCF) {
            return "bswap " + gpr((op & 7) | b << 3, bits);
        }
        switch (op) {
            case 0x0B -> {
                return "ud2";
            }
            case 0x1F -> {
                modrm();
                return "nop " + rmOperand(bits);
            }
            case 0x10, 0x11 -> {
                modrm();
                String name = rep ? "movss" : repne ? "movsd" : opsize ? "movupd" : "movups";
                String a = "xmm" + reg;
                String m = xmmRm(sseBits());
                return op == 0x10 ? name + " " + a + ", " + m : name + " " + m + ", " + a;
            }
            case 0x28, 0x29 -> {
                modrm();
                String name = opsize ? "movapd" : "movaps";
                String a = "xmm" + reg;
                String m = xmmRm(128);
                return op == 0x28 ? name + " " + a + ", " + m : name + " " + m + ", " + a;
            }
            case 0x2A -> {
                modrm();
                return "cvtsi2" + (rep ? "ss" : "sd") + " xmm" + reg + ", " + rmOperand(w ? 64 : 32);
            }
            case 0x2C, 0x2D -> {
                modrm();
                return (op == 0x2C ? "cvtt" : "cvt") + (rep ? "ss" : "sd") + "2si " + gpr(reg, w ? 64 : 32) + ", "
                        + xmmRm(rep ? 32 : 64);
            }
            case 0x2E, 0x2F -> {
                modrm();
                return (op == 0x2E ? "ucomis" : "comis") + (opsize ? "d" : "s") + " xmm" + reg + ", "
                        + xmmRm(opsize ? 64 : 32);
            }
            case 0x51, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5C, 0x5D, 0x5E, 0x5F -> {
                modrm();
                String name = switch (op) {
                    case 0x51 -> "sqrt";
                    case 0x54 -> "and";
                    case 0x55 -> "andn";
                    case 0x56 -> "or";
                    case 0x57 -> "xor";
                    case 0x58 -> "add";
                    case 0x59 -> "mul";
                    case 0x5C -> "sub";
                    case 0x5D -> "min";
                    case 0x5E -> "div";
                    default -> "max";
                };
                return name + sseSuffix() + " xmm" + reg + ", " + xmmRm(sseBits());
            }
            case 0x5A -> {
                modrm();
                return (rep ? "cvtss2sd" : "cvtsd2ss") + " xmm" + reg + ", " + xmmRm(rep ? 32 : 64);
            }
            case 0x6E -> {
                modrm();
                return (w ? "movq" : "movd") + " xmm" + reg + ", " + rmOperand(w ? 64 : 32);
            }
            case 0x7E -> {
                modrm();
                if (rep) {
                    return "movq xmm" + reg + ", " + xmmRm(64);
                }
                return (w ? "movq " : "movd ") + rmOperand(w ? 64 : 32) + ", xmm" + reg;
            }
            case 0xD6 -> {
                modrm();
                return "movq " + xmmRm(64) + ", xmm" + reg;
            }
            case 0xA3, 0xAB, 0xB3, 0xBB -> {
                modrm();
                String name = switch (op) {
                    case 0xA3 -> "bt";
                    case 0xAB -> "bts";
                    case 0xB3 -> "btr";
                    default -> "btc";
                };
                return name + " " + rmOperand(bits) + ", " + gpr(reg, bits);
            }
            case 0xBA -> {
                modrm();
                String dst = rmOperand(bits);
                String name = BT[reg & 7];
                return name == null ? null : name + " " + dst + ", " + imm(s8(), 8);
            }
            case 0xAF -> {
                modrm();
                return "imul " + gpr(reg, bits) + ", " + rmOperand(bits);
            }
            case 0xB6, 0xB7, 0xBE, 0xBF -> {
                modrm();
                int from = (op & 1) == 0 ? 8 : 16;
                return (op < 0xBE ? "movzx " : "movsx ") + gpr(reg, bits) + ", " + rmOperand(from);
            }
            case 0xB8, 0xBC, 0xBD -> {
                modrm();
                String name = op == 0xB8 ? "popcnt" : op == 0xBC ? (rep ? "tzcnt" : "bsf") : (rep ? "lzcnt" : "bsr");
                return name + " " + gpr(reg, bits) + ", " + rmOperand(bits);
            }
            case 0x3A -> {
                int op3 = u8();
                if (op3 != 0x0A && op3 != 0x0B) {
                    return null;
                }
                modrm();
                String src = xmmRm(op3 == 0x0A ? 32 : 64);
                return (op3 == 0x0A ? "roundss" : "roundsd") + " xmm" + reg + ", " + src + ", " + imm(s8(), 8);
            }
            default -> {
                return null;
            }
        }
    }

    /** Three-byte VEX: the scalar FMA3 forms. */
    private String vex() {
        int b1 = u8();
        int b2 = u8();
        r = ((b1 >> 7) & 1) ^ 1;
        x = ((b1 >> 6) & 1) ^ 1;
        b = ((b1 >> 5) & 1) ^ 1;
        int map = b1 & 31;
        boolean vw = (b2 & 0x80) != 0;
        int vvvv = ((b2 >> 3) & 15) ^ 15;
        int op = u8();
        if (map != 2) {
            return null;
        }
        String order = switch (op) {
            case 0x99 -> "132";
            case 0xA9 -> "213";
            case 0xB9 -> "231";
            default -> null;
        };
        if (order == null) {
            return null;
        }
        modrm();
        return "vfmadd" + order + (vw ? "sd" : "ss") + " xmm" + reg + ", xmm" + vvvv + ", " + xmmRm(vw ? 64 : 32);
    }
}
