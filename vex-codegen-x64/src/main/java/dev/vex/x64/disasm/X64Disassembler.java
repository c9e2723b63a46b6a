package dev.vex.x64.disasm;

import dev.vex.x64.asm.Encoding;
import dev.vex.x64.asm.Format;
import dev.vex.x64.asm.Operand;
import java.util.List;

/**
 * Decodes x86-64 instructions back into Intel-syntax text, for listings, with the assembler's
 * own encoding rows ({@link dev.vex.x64.asm.EncodingTable}): whatever the assembler can emit, it
 * can read back, and nothing else. Text follows GNU objdump's Intel syntax
 * ({@code mov rax, qword ptr [rsp+0x8]}); branch targets are code offsets. Bytes that match no
 * row decode as {@code (unknown)} of length 1, never an error.
 *
 * <p>Decoding reads the prefixes (66, F2, F3, F0, the fs segment), REX or VEX, and the opcode bytes,
 * then takes the first row of {@link DecodeIndex} whose prefixes, REX.W/VEX.W, opcode extension
 * and register-or-memory operand agree with the bytes.
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

    private final byte[] code;
    private int p;
    // prefixes, REX and VEX of the instruction being decoded
    private boolean opsize;
    private boolean rep;
    private boolean repne;
    private boolean fs;
    private boolean lock;
    private boolean rexPresent;
    private boolean vex;
    private boolean w;
    private int r;
    private int x;
    private int b;
    private int vvvv;
    // the decoded ModRM operand
    private int mod;
    private int reg;
    private int rm;
    private String memText;
    private Encoding matched;

    private X64Disassembler(byte[] code, int at) {
        this.code = code;
        this.p = at;
    }

    /** Decodes the instruction at {@code at}; its text goes to {@code out}, its length is returned. */
    public static int decode(byte[] code, int at, StringBuilder out) {
        X64Disassembler d = new X64Disassembler(code, at);
        String text = d.tryInstruction();
        if (text == null) {
            out.append("(unknown)");
            return 1;
        }
        out.append(text);
        return d.p - at;
    }

    /** The row the instruction at {@code at} decodes with, or null if none matches. */
    public static Encoding form(byte[] code, int at) {
        X64Disassembler d = new X64Disassembler(code, at);
        return d.tryInstruction() == null ? null : d.matched;
    }

    private String tryInstruction() {
        try {
            return instruction();
        } catch (RuntimeException e) {
            return null; // ran off the end of the code
        }
    }

    private int u8() {
        return code[p++] & 0xff;
    }

    private long signed(int bytes) {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v |= (code[p + i] & 0xffL) << (8 * i);
        }
        p += bytes;
        int unused = 64 - 8 * bytes;
        return v << unused >> unused;
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
            } else if (c == 0xF0) {
                lock = true;
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
        int space;
        if ((op == 0xC4 || op == 0xC5) && !rexPresent) {
            vex = true;
            int b1 = u8();
            r = ((b1 >> 7) & 1) ^ 1;
            int b2;
            if (op == 0xC4) {
                x = ((b1 >> 6) & 1) ^ 1;
                b = ((b1 >> 5) & 1) ^ 1;
                space = 4 + (b1 & 31);
                b2 = u8();
                w = (b2 & 0x80) != 0;
            } else {
                space = 4 + 1;
                b2 = b1;
            }
            vvvv = ((b2 >> 3) & 15) ^ 15;
            int pp = b2 & 3;
            opsize = pp == 1;
            rep = pp == 2;
            repne = pp == 3;
            if (space >= DecodeIndex.SPACES) {
                return null;
            }
            op = u8();
        } else if (op == 0x0F) {
            op = u8();
            if (op == 0x38 || op == 0x3A) {
                space = op == 0x38 ? 2 : 3;
                op = u8();
            } else {
                space = 1;
            }
        } else {
            space = 0;
        }
        for (Encoding f : DecodeIndex.candidates(space, op)) {
            if (matches(f)) {
                matched = f;
                return text(f, op);
            }
        }
        return null;
    }

    private boolean matches(Encoding f) {
        if (f.w() != w || f.p66() != opsize || f.pF2() != repne || f.pF3() != rep || f.lock() != lock) {
            return false;
        }
        if (f.fixedModRm() >= 0) {
            return (code[p] & 0xff) == f.fixedModRm() && (r | x | b) == 0;
        }
        if (f.format() == Format.ZO && (r | x | b) != 0) {
            return false; // 41 90 is xchg r8d, eax, not nop
        }
        if (!f.format().hasModRm()) {
            return true;
        }
        int m = code[p] & 0xff;
        if (f.modrm() >= 0 && ((m >> 3) & 7) != f.modrm()) {
            return false;
        }
        Operand rmOperand = f.operands().get(f.format().slots.indexOf(Format.Slot.RM));
        return (m >> 6) == 3 ? rmOperand.acceptsRegister() : rmOperand.acceptsMemory();
    }

    private String text(Encoding f, int op) {
        if (f.format().hasModRm()) {
            modrm();
        } else if (f.fixedModRm() >= 0) {
            p++;
        }
        StringBuilder sb = new StringBuilder(f.mnemonic());
        List<Operand> operands = f.operands();
        List<Format.Slot> slots = f.format().slots;
        for (int i = 0; i < operands.size(); i++) {
            Operand o = operands.get(i);
            sb.append(i == 0 ? " " : ", ");
            switch (slots.get(i)) {
                case REG -> sb.append(register(o, reg));
                case VVVV -> sb.append(register(o, vvvv));
                case OPCODE_REG -> sb.append(register(o, (op - f.opcodeByte()) | b << 3));
                case RM -> sb.append(mod == 3 ? register(o, rm) : sizePtr(o.bits) + memText);
                case IMPLIED -> sb.append(o.fixedText());
                case IMM -> sb.append(immediate(o, i == 0 ? o.bits : operands.get(0).bits));
            }
        }
        return sb.toString();
    }

    private String register(Operand o, int n) {
        return o.kind == Operand.Kind.XMM || o.kind == Operand.Kind.XMM_OR_MEM ? "xmm" + n : gpr(n, o.bits);
    }

    /** An immediate, displacement or address; a signed immediate shows at the width of the operation. */
    private String immediate(Operand o, int operationBits) {
        int bytes = o.bits / 8;
        long v = signed(bytes);
        return switch (o.kind) {
            case REL -> hex(p + v);
            case MOFFS -> "ds:" + hex(v);
            case UIMM -> imm(v, o.bits);
            default -> imm(v, operationBits);
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
                disp = signed(4);
                sb.append(any ? (disp < 0 ? "-" : "+") : "").append(hex(any ? Math.abs(disp) : disp & 0xffff_ffffL));
                memText = sb.append(']').toString();
                return;
            }
        } else if (rm == 5 && mod == 0) {
            disp = signed(4);
            sb.append("rip+").append(hex(disp)); // as objdump: a negative displacement in 64-bit hex
            memText = sb.append(']').toString();
            return;
        } else {
            sb.append(GPR64[rm | b << 3]);
        }
        if (mod == 1) {
            disp = signed(1);
            sb.append(disp < 0 ? "-" : "+").append(hex(Math.abs(disp)));
        } else if (mod == 2) {
            disp = signed(4);
            sb.append(disp < 0 ? "-" : "+").append(hex(Math.abs(disp)));
        }
        memText = sb.append(']').toString();
    }
}
