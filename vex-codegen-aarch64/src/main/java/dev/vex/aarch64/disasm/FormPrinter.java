package dev.vex.aarch64.disasm;

import dev.vex.aarch64.asm.BarrierOption;
import dev.vex.aarch64.asm.BitmaskImmediate;
import dev.vex.aarch64.asm.Encoding;
import dev.vex.aarch64.asm.Field;
import dev.vex.aarch64.asm.LoadStore;
import dev.vex.aarch64.asm.LoadStorePair;
import java.util.Locale;

/**
 * Prints a word of a known row by its form, choosing the preferred alias as the A64 manual
 * defines it (and objdump prints it): MOV, CMP, CMN, TST, NEG, MVN, the shift and extension
 * aliases of the bitfield moves, CSET and its kin, MUL and the long multiplies, ST&lt;op&gt; for
 * atomics whose result is discarded.
 */
final class FormPrinter {
    private static final String[] COND = {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"};
    private static final String[] SHIFT = {"lsl", "lsr", "asr", "ror"};
    private static final String[] EXTEND = {"uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx"};
    private static final String[] SIZE_SUFFIX = {"b", "h", "", ""};

    private FormPrinter() {
    }

    /** Whether the operand fields hold an allocated (not reserved) combination for the row. */
    static boolean valid(Encoding e, int w) {
        boolean sf = Field.SF.get(w) == 1;
        return switch (e.form()) {
            case ADDSUB_SHIFTED -> Field.SHIFT.get(w) != 3 && (sf || Field.IMM6.get(w) < 32);
            case LOGICAL_SHIFTED -> sf || Field.IMM6.get(w) < 32;
            case ADDSUB_EXTENDED -> Field.IMM3.get(w) <= 4;
            case LOGICAL_IMM -> (sf || Field.N.get(w) == 0) && decodable(w, sf);
            case MOVE_WIDE -> sf || Field.HW.get(w) < 2;
            case BITFIELD, EXTRACT -> Field.N.get(w) == Field.SF.get(w) && (sf || Field.IMMR.get(w) < 32 && Field.IMMS.get(w) < 32);
            case LOAD_STORE_REG -> (Field.OPTION.get(w) & 2) != 0;
            case FP2, FP1, FP3, FP_COMPARE, FP_COMPARE_ZERO, FP_COND_SELECT, FP_MOVE_IMM, FP_INT -> Field.FTYPE.get(w) < 2;
            // objdump rejects the unpredictable LDPSW forms: one register twice, or writeback onto one
            case LOAD_STORE_PAIR -> !(e.mnemonic().equals("ldpsw") && (Field.RD.get(w) == Field.RT2.get(w) || (w >>> 23 & 1) == 1
                && Field.RN.get(w) != 31 && (Field.RN.get(w) == Field.RD.get(w) || Field.RN.get(w) == Field.RT2.get(w))));
            default -> true;
        };
    }

    private static boolean decodable(int w, boolean sf) {
        try {
            BitmaskImmediate.decode(w >>> 10 & 0x1FFF, sf);
            return true;
        } catch (RuntimeException ex) {
            return false;
        }
    }

    // ---- names ---------------------------------------------------------------------------------

    /** A general register where 31 is the zero register. */
    private static String zr(int n, boolean x) {
        return n == 31 ? (x ? "xzr" : "wzr") : (x ? "x" : "w") + n;
    }

    /** A general register where 31 is sp. */
    private static String sp(int n, boolean x) {
        return n == 31 ? (x ? "sp" : "wsp") : (x ? "x" : "w") + n;
    }

    private static String fp(int n, boolean dbl) {
        return (dbl ? "d" : "s") + n;
    }

    private static String hex(long v) {
        return "#0x" + Long.toHexString(v);
    }

    private static String target(long pc, long offset) {
        return "0x" + Long.toHexString(pc + offset);
    }

    private static String shiftSuffix(int w) {
        int type = Field.SHIFT.get(w);
        int amount = Field.IMM6.get(w);
        return type == 0 && amount == 0 ? "" : ", " + SHIFT[type] + " #" + amount;
    }

    private static String regKindName(LoadStore.RegKind kind, int n) {
        return switch (kind) {
            case W -> zr(n, false);
            case X -> zr(n, true);
            case S -> "s" + n;
            case D -> "d" + n;
            case Q -> "q" + n;
        };
    }

    // ---- printing ------------------------------------------------------------------------------

    static void print(Encoding e, int w, long pc, LoadStore lsKind, LoadStorePair pairKind, StringBuilder out) {
        String m = e.mnemonic();
        boolean x = Field.SF.get(w) == 1;
        int rd = Field.RD.get(w);
        int rn = Field.RN.get(w);
        int rm = Field.RM.get(w);
        switch (e.form()) {
            case ADDSUB_IMM -> {
                boolean flags = m.endsWith("s");
                String imm = hex(Field.IMM12.get(w)) + (Field.SH.get(w) == 1 ? ", lsl #12" : "");
                if (m.equals("add") && Field.SH.get(w) == 0 && Field.IMM12.get(w) == 0 && (rd == 31 || rn == 31)) {
                    out.append("mov ").append(sp(rd, x)).append(", ").append(sp(rn, x));
                } else if (flags && rd == 31) {
                    out.append(m.equals("adds") ? "cmn " : "cmp ").append(sp(rn, x)).append(", ").append(imm);
                } else {
                    out.append(m).append(' ').append(flags ? zr(rd, x) : sp(rd, x)).append(", ").append(sp(rn, x)).append(", ").append(imm);
                }
            }
            case ADDSUB_SHIFTED -> {
                String tail = zr(rm, x) + shiftSuffix(w);
                if (m.equals("subs") && rd == 31) {
                    out.append("cmp ").append(zr(rn, x)).append(", ").append(tail);
                } else if (m.equals("adds") && rd == 31) {
                    out.append("cmn ").append(zr(rn, x)).append(", ").append(tail);
                } else if ((m.equals("sub") || m.equals("subs")) && rn == 31) {
                    out.append(m.equals("sub") ? "neg " : "negs ").append(zr(rd, x)).append(", ").append(tail);
                } else {
                    out.append(m).append(' ').append(zr(rd, x)).append(", ").append(zr(rn, x)).append(", ").append(tail);
                }
            }
            case ADDSUB_EXTENDED -> {
                boolean flags = m.endsWith("s");
                int option = Field.OPTION.get(w);
                int amount = Field.IMM3.get(w);
                String index = zr(rm, x && (option & 3) == 3);
                boolean spInvolved = flags ? rn == 31 : rd == 31 || rn == 31;
                String ext;
                if (spInvolved && option == (x ? 3 : 2)) {
                    ext = amount == 0 ? "" : ", lsl #" + amount;
                } else {
                    ext = ", " + EXTEND[option] + (amount == 0 ? "" : " #" + amount);
                }
                if (flags && rd == 31) {
                    out.append(m.equals("adds") ? "cmn " : "cmp ").append(sp(rn, x)).append(", ").append(index).append(ext);
                } else {
                    out.append(m).append(' ').append(flags ? zr(rd, x) : sp(rd, x)).append(", ").append(sp(rn, x)).append(", ")
                        .append(index).append(ext);
                }
            }
            case LOGICAL_SHIFTED -> {
                String tail = zr(rm, x) + shiftSuffix(w);
                if (m.equals("orr") && rn == 31 && Field.SHIFT.get(w) == 0 && Field.IMM6.get(w) == 0) {
                    out.append("mov ").append(zr(rd, x)).append(", ").append(zr(rm, x));
                } else if (m.equals("orn") && rn == 31) {
                    out.append("mvn ").append(zr(rd, x)).append(", ").append(tail);
                } else if (m.equals("ands") && rd == 31) {
                    out.append("tst ").append(zr(rn, x)).append(", ").append(tail);
                } else {
                    out.append(m).append(' ').append(zr(rd, x)).append(", ").append(zr(rn, x)).append(", ").append(tail);
                }
            }
            case LOGICAL_IMM -> {
                int bits = w >>> 10 & 0x1FFF;
                long imm = BitmaskImmediate.decode(bits, x);
                if (m.equals("orr") && rn == 31 && !wideConstant(imm, x) && !wideConstant(~imm, x)) {
                    out.append("mov ").append(sp(rd, x)).append(", ").append(hex(imm));
                } else if (m.equals("ands") && rd == 31) {
                    out.append("tst ").append(zr(rn, x)).append(", ").append(hex(imm));
                } else {
                    out.append(m).append(' ').append(m.equals("ands") ? zr(rd, x) : sp(rd, x)).append(", ").append(zr(rn, x))
                        .append(", ").append(hex(imm));
                }
            }
            case MOVE_WIDE -> {
                int imm16 = Field.IMM16.get(w);
                int hw = Field.HW.get(w);
                long value = (long) imm16 << (16 * hw);
                boolean alias = !(imm16 == 0 && hw != 0);
                if (m.equals("movz") && alias) {
                    out.append("mov ").append(zr(rd, x)).append(", ").append(hex(value));
                } else if (m.equals("movn") && alias && !(!x && imm16 == 0xFFFF)) {
                    out.append("mov ").append(zr(rd, x)).append(", ").append(hex(x ? ~value : ~value & 0xFFFF_FFFFL));
                } else {
                    out.append(m).append(' ').append(zr(rd, x)).append(", ").append(hex(imm16));
                    if (hw != 0) {
                        out.append(", lsl #").append(16 * hw);
                    }
                }
            }
            case BITFIELD -> bitfield(m, w, x, rd, rn, out);
            case EXTRACT -> {
                int lsb = Field.IMMS.get(w);
                if (rn == rm) {
                    out.append("ror ").append(zr(rd, x)).append(", ").append(zr(rn, x)).append(", #").append(lsb);
                } else {
                    out.append("extr ").append(zr(rd, x)).append(", ").append(zr(rn, x)).append(", ").append(zr(rm, x))
                        .append(", #").append(lsb);
                }
            }
            case COND_SELECT -> {
                int cond = Field.COND.get(w);
                String inverted = COND[cond ^ 1];
                boolean aliasable = cond < 14 && rn == rm;
                if (m.equals("csinc") && aliasable && rn == 31) {
                    out.append("cset ").append(zr(rd, x)).append(", ").append(inverted);
                } else if (m.equals("csinc") && aliasable) {
                    out.append("cinc ").append(zr(rd, x)).append(", ").append(zr(rn, x)).append(", ").append(inverted);
                } else if (m.equals("csinv") && aliasable && rn == 31) {
                    out.append("csetm ").append(zr(rd, x)).append(", ").append(inverted);
                } else if (m.equals("csinv") && aliasable) {
                    out.append("cinv ").append(zr(rd, x)).append(", ").append(zr(rn, x)).append(", ").append(inverted);
                } else if (m.equals("csneg") && aliasable) {
                    out.append("cneg ").append(zr(rd, x)).append(", ").append(zr(rn, x)).append(", ").append(inverted);
                } else {
                    out.append(m).append(' ').append(zr(rd, x)).append(", ").append(zr(rn, x)).append(", ").append(zr(rm, x))
                        .append(", ").append(COND[cond]);
                }
            }
            case COND_COMPARE_IMM -> out.append(m).append(' ').append(zr(rn, x)).append(", ").append(hex(Field.IMM5.get(w)))
                .append(", ").append(hex(Field.NZCV.get(w))).append(", ").append(COND[Field.COND.get(w)]);
            case COND_COMPARE_REG -> out.append(m).append(' ').append(zr(rn, x)).append(", ").append(zr(rm, x))
                .append(", ").append(hex(Field.NZCV.get(w))).append(", ").append(COND[Field.COND.get(w)]);
            case LOAD_LITERAL -> out.append(m).append(' ').append(regKindName(literalKind(w), rd)).append(", ")
                .append(target(pc, 4L * Field.IMM19.getSigned(w)));
            case DP2 -> {
                String name = m.endsWith("div") ? m : m.substring(0, m.length() - 1); // LSLV prints as LSL
                out.append(name).append(' ').append(zr(rd, x)).append(", ").append(zr(rn, x)).append(", ").append(zr(rm, x));
            }
            case DP1, DP1_FIXED -> out.append(m).append(' ').append(zr(rd, x)).append(", ").append(zr(rn, x));
            case DP3 -> {
                int ra = Field.RA.get(w);
                if (ra == 31) {
                    out.append(m.equals("madd") ? "mul " : "mneg ").append(zr(rd, x)).append(", ").append(zr(rn, x)).append(", ")
                        .append(zr(rm, x));
                } else {
                    out.append(m).append(' ').append(zr(rd, x)).append(", ").append(zr(rn, x)).append(", ").append(zr(rm, x))
                        .append(", ").append(zr(ra, x));
                }
            }
            case DP3_LONG -> {
                int ra = Field.RA.get(w);
                if (ra == 31) {
                    String alias = m.charAt(0) + "m" + (m.contains("add") ? "ull" : "negl");
                    out.append(alias).append(' ');
                } else {
                    out.append(m).append(' ');
                }
                out.append(zr(rd, true)).append(", ").append(zr(rn, false)).append(", ").append(zr(rm, false));
                if (ra != 31) {
                    out.append(", ").append(zr(ra, true));
                }
            }
            case DP3_HIGH -> out.append(m).append(' ').append(zr(rd, true)).append(", ").append(zr(rn, true)).append(", ")
                .append(zr(rm, true));
            case BRANCH26 -> out.append(m).append(' ').append(target(pc, 4L * Field.IMM26.getSigned(w)));
            case BRANCH_COND -> out.append("b.").append(COND[Field.BCOND.get(w)]).append(' ')
                .append(target(pc, 4L * Field.IMM19.getSigned(w)));
            case COMPARE_BRANCH -> out.append(m).append(' ').append(zr(rd, x)).append(", ")
                .append(target(pc, 4L * Field.IMM19.getSigned(w)));
            case TEST_BRANCH -> {
                int bit = Field.B5.get(w) << 5 | Field.B40.get(w);
                out.append(m).append(' ').append(zr(rd, Field.B5.get(w) == 1)).append(", #").append(bit).append(", ")
                    .append(target(pc, 4L * Field.IMM14.getSigned(w)));
            }
            case BRANCH_REG -> {
                out.append(m);
                if (!(m.equals("ret") && rn == 30)) {
                    out.append(' ').append(zr(rn, true));
                }
            }
            case PC_REL -> {
                long imm = (long) Field.IMMHI.getSigned(w) << 2 | Field.IMMLO.get(w);
                long to = m.equals("adrp") ? (pc & ~0xFFFL) + (imm << 12) : pc + imm;
                out.append(m).append(' ').append(zr(rd, true)).append(", 0x").append(Long.toHexString(to));
            }
            case LOAD_STORE_UIMM -> {
                long off = (long) Field.IMM12.get(w) << lsKind.log2Size();
                out.append(m).append(' ').append(regKindName(lsKind.regKind(), rd)).append(", [").append(sp(rn, true));
                if (off != 0) {
                    out.append(", #").append(off);
                }
                out.append(']');
            }
            case LOAD_STORE_IMM9 -> {
                int off = Field.IMM9.getSigned(w);
                int mode = w >>> 10 & 3;
                out.append(m).append(' ').append(regKindName(lsKind.regKind(), rd)).append(", [").append(sp(rn, true));
                if (mode == 0) {
                    out.append(off == 0 ? "]" : ", #" + off + "]");
                } else if (mode == 1) {
                    out.append("], #").append(off);
                } else {
                    out.append(", #").append(off).append("]!");
                }
            }
            case LOAD_STORE_REG -> {
                int option = Field.OPTION.get(w);
                boolean scaled = Field.S.get(w) == 1;
                out.append(m).append(' ').append(regKindName(lsKind.regKind(), rd)).append(", [").append(sp(rn, true)).append(", ")
                    .append(zr(rm, (option & 1) == 1));
                String amount = scaled ? " #" + lsKind.log2Size() : "";
                if (option == 3) {
                    out.append(scaled ? ", lsl" + amount : "");
                } else {
                    out.append(", ").append(EXTEND[option]).append(amount);
                }
                out.append(']');
            }
            case LOAD_STORE_PAIR -> {
                long off = (long) Field.IMM7.getSigned(w) << pairKind.log2Size();
                int mode = w >>> 23 & 3;
                out.append(m).append(' ').append(regKindName(pairKind.regKind(), rd)).append(", ")
                    .append(regKindName(pairKind.regKind(), Field.RT2.get(w))).append(", [").append(sp(rn, true));
                if (mode == 2) {
                    out.append(off == 0 ? "]" : ", #" + off + "]");
                } else if (mode == 1) {
                    out.append("], #").append(off);
                } else {
                    out.append(", #").append(off).append("]!");
                }
            }
            case LOAD_STORE_ORDERED -> {
                int size = Field.SIZE.get(w);
                out.append(m).append(SIZE_SUFFIX[size]).append(' ').append(zr(rd, size == 3)).append(", [").append(sp(rn, true))
                    .append(']');
            }
            case STORE_EXCLUSIVE -> {
                int size = Field.SIZE.get(w);
                out.append(m).append(SIZE_SUFFIX[size]).append(' ').append(zr(Field.RS.get(w), false)).append(", ")
                    .append(zr(rd, size == 3)).append(", [").append(sp(rn, true)).append(']');
            }
            case ATOMIC -> {
                int size = Field.SIZE.get(w);
                int ar = Field.AR.get(w);
                String order = (ar & 2) != 0 ? ((ar & 1) != 0 ? "al" : "a") : ((ar & 1) != 0 ? "l" : "");
                boolean x64 = size == 3;
                if (rd == 31 && (ar & 2) == 0 && !m.equals("swp")) {
                    out.append("st").append(m.substring(2)).append(order).append(SIZE_SUFFIX[size]).append(' ')
                        .append(zr(Field.RS.get(w), x64)).append(", [").append(sp(rn, true)).append(']');
                } else {
                    out.append(m).append(order).append(SIZE_SUFFIX[size]).append(' ').append(zr(Field.RS.get(w), x64)).append(", ")
                        .append(zr(rd, x64)).append(", [").append(sp(rn, true)).append(']');
                }
            }
            case COMPARE_AND_SWAP -> {
                int size = Field.SIZE.get(w);
                String order = (Field.L.get(w) == 1 ? "a" : "") + (Field.O0.get(w) == 1 ? "l" : "");
                boolean x64 = size == 3;
                out.append(m).append(order).append(SIZE_SUFFIX[size]).append(' ').append(zr(Field.RS.get(w), x64)).append(", ")
                    .append(zr(rd, x64)).append(", [").append(sp(rn, true)).append(']');
            }
            case FP2 -> {
                boolean d = Field.FTYPE.get(w) == 1;
                out.append(m).append(' ').append(fp(rd, d)).append(", ").append(fp(rn, d)).append(", ").append(fp(rm, d));
            }
            case FP1 -> {
                boolean d = Field.FTYPE.get(w) == 1;
                out.append(m).append(' ').append(fp(rd, d)).append(", ").append(fp(rn, d));
            }
            case FP1_FIXED -> {
                boolean toDouble = (w & 0x00C00000) == 0; // FCVT Dd, Sn has ftype S
                out.append(m).append(' ').append(fp(rd, toDouble)).append(", ").append(fp(rn, !toDouble));
            }
            case FP3 -> {
                boolean d = Field.FTYPE.get(w) == 1;
                out.append(m).append(' ').append(fp(rd, d)).append(", ").append(fp(rn, d)).append(", ").append(fp(rm, d))
                    .append(", ").append(fp(Field.RA.get(w), d));
            }
            case FP_COMPARE -> {
                boolean d = Field.FTYPE.get(w) == 1;
                out.append(m).append(' ').append(fp(rn, d)).append(", ").append(fp(rm, d));
            }
            case FP_COMPARE_ZERO -> out.append(m).append(' ').append(fp(rn, Field.FTYPE.get(w) == 1)).append(", #0.0");
            case FP_COND_SELECT -> {
                boolean d = Field.FTYPE.get(w) == 1;
                out.append(m).append(' ').append(fp(rd, d)).append(", ").append(fp(rn, d)).append(", ").append(fp(rm, d))
                    .append(", ").append(COND[Field.COND.get(w)]);
            }
            case FP_MOVE_IMM -> out.append(m).append(' ').append(fp(rd, Field.FTYPE.get(w) == 1)).append(", #")
                .append(String.format(Locale.ROOT, "%.18e", fpImmediateValue(Field.IMM8.get(w))));
            case FP_INT -> {
                boolean d = Field.FTYPE.get(w) == 1;
                if (m.endsWith("cvtf")) {
                    out.append(m).append(' ').append(fp(rd, d)).append(", ").append(zr(rn, x));
                } else {
                    out.append(m).append(' ').append(zr(rd, x)).append(", ").append(fp(rn, d));
                }
            }
            case FP_INT_FIXED -> {
                boolean x64 = x;
                boolean toFp = (w & 0x00010000) != 0;
                if (toFp) {
                    out.append(m).append(' ').append(fp(rd, x64)).append(", ").append(zr(rn, x64));
                } else {
                    out.append(m).append(' ').append(zr(rd, x64)).append(", ").append(fp(rn, x64));
                }
            }
            case SIMD_FIXED -> {
                if (m.equals("cnt")) {
                    out.append("cnt v").append(rd).append(".8b, v").append(rn).append(".8b");
                } else {
                    out.append(m).append(" b").append(rd).append(", v").append(rn).append(".8b");
                }
            }
            case BARRIER -> {
                int crm = Field.CRM.get(w);
                BarrierOption o = BarrierOption.ofCrm(crm);
                if (m.equals("dsb") && (crm == 0 || crm == 4)) {
                    out.append(crm == 0 ? "ssbb" : "pssbb"); // the speculative store bypass barriers
                } else {
                    out.append(m).append(' ').append(o != null ? o.text() : String.format("#0x%02x", crm));
                }
            }
            case EXCEPTION -> out.append(m).append(' ').append(hex(Field.IMM16.get(w)));
            case PERMANENTLY_UNDEFINED -> out.append(m).append(" #").append(Field.UDF16.get(w));
            case NO_OPERANDS -> out.append(m);
        }
    }

    /** The register a literal load writes: opc (bits 31:30) and the SIMD bit (26). */
    private static LoadStore.RegKind literalKind(int w) {
        int opc = w >>> 30;
        if ((w & 1 << 26) != 0) {
            return opc == 0 ? LoadStore.RegKind.S : opc == 1 ? LoadStore.RegKind.D : LoadStore.RegKind.Q;
        }
        return opc == 0 ? LoadStore.RegKind.W : LoadStore.RegKind.X;
    }

    private static void bitfield(String m, int w, boolean x, int rd, int rn, StringBuilder out) {
        int width = x ? 64 : 32;
        int immr = Field.IMMR.get(w);
        int imms = Field.IMMS.get(w);
        String d = zr(rd, x);
        String n = zr(rn, x);
        switch (m) {
            case "ubfm" -> {
                if (imms != width - 1 && imms + 1 == immr) {
                    out.append("lsl ").append(d).append(", ").append(n).append(", #").append(width - 1 - imms);
                } else if (imms == width - 1) {
                    out.append("lsr ").append(d).append(", ").append(n).append(", #").append(immr);
                } else if (imms < immr) {
                    field(out, "ubfiz", d, n, (width - immr) & (width - 1), imms + 1);
                } else if (bfxPreferred(x, true, imms, immr)) {
                    field(out, "ubfx", d, n, immr, imms - immr + 1);
                } else {
                    out.append(imms == 7 ? "uxtb " : "uxth ").append(d).append(", ").append(zr(rn, false));
                }
            }
            case "sbfm" -> {
                if (imms == width - 1) {
                    out.append("asr ").append(d).append(", ").append(n).append(", #").append(immr);
                } else if (imms < immr) {
                    field(out, "sbfiz", d, n, (width - immr) & (width - 1), imms + 1);
                } else if (bfxPreferred(x, false, imms, immr)) {
                    field(out, "sbfx", d, n, immr, imms - immr + 1);
                } else {
                    out.append(imms == 7 ? "sxtb " : imms == 15 ? "sxth " : "sxtw ").append(d).append(", ").append(zr(rn, false));
                }
            }
            default -> {
                if (imms < immr) {
                    int lsb = (width - immr) & (width - 1);
                    if (rn == 31) {
                        out.append("bfc ").append(d).append(", #").append(lsb).append(", #").append(imms + 1);
                    } else {
                        field(out, "bfi", d, n, lsb, imms + 1);
                    }
                } else {
                    field(out, "bfxil", d, n, immr, imms - immr + 1);
                }
            }
        }
    }

    private static void field(StringBuilder out, String m, String d, String n, int lsb, int width) {
        out.append(m).append(' ').append(d).append(", ").append(n).append(", #").append(lsb).append(", #").append(width);
    }

    /** The manual's BFXPreferred: whether UBFX/SBFX is the alias to print. */
    private static boolean bfxPreferred(boolean sf, boolean unsigned, int imms, int immr) {
        if (imms < immr) {
            return false;
        }
        if (imms == (sf ? 63 : 31)) {
            return false;
        }
        if (immr == 0) {
            if (!sf && (imms == 7 || imms == 15)) {
                return false;
            }
            if (sf && !unsigned && (imms == 7 || imms == 15 || imms == 31)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether MOVZ could load {@code value} (one halfword at most is non-zero): objdump prints
     * an ORR of such a value, or of its inverse, as ORR, not as MOV (binutils' rule, slightly
     * stricter than the manual's MoveWidePreferred).
     */
    private static boolean wideConstant(long value, boolean sf) {
        long v = sf ? value : value & 0xFFFF_FFFFL;
        int nonZero = 0;
        for (int i = 0; i < (sf ? 4 : 2); i++) {
            if (((v >>> (16 * i)) & 0xFFFF) != 0) {
                nonZero++;
            }
        }
        return nonZero <= 1;
    }

    private static double fpImmediateValue(int imm8) {
        int sign = imm8 >>> 7;
        int b = (imm8 >>> 6) & 1;
        int cd = (imm8 >>> 4) & 3;
        int exp = b == 0 ? cd + 1 : cd - 3;
        double v = (16 + (imm8 & 15)) / 16.0 * Math.pow(2, exp);
        return sign == 1 ? -v : v;
    }
}
