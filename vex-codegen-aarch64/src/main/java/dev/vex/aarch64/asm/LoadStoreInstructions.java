package dev.vex.aarch64.asm;

import dev.vex.code.CodeBuffer;
import dev.vex.code.FixupFormat;
import dev.vex.code.Label;
import java.util.Set;

/**
 * Loads and stores of every size in every addressing mode, pairs, the load-acquire,
 * store-release and exclusive forms, and the LSE atomics.
 */
public abstract sealed class LoadStoreInstructions extends BranchInstructions permits FloatingPointInstructions {
    LoadStoreInstructions(CodeBuffer buf, Set<Feature> features) {
        super(buf, features);
    }

    // ---- single registers ----------------------------------------------------------------------

    private A64Assembler loadStore(LoadStore kind, int rt, Mem mem, boolean unscaledOnly) {
        int rn = sp("address", mem.base());
        int scale = kind.log2Size();
        long off = mem.offset();
        Encoding e;
        int operands;
        switch (mem.mode()) {
            case OFFSET -> {
                if (!unscaledOnly && off >= 0 && (off & ((1L << scale) - 1)) == 0 && (off >> scale) < 4096) {
                    e = kind.encoding(LoadStore.AddressForm.UNSIGNED_OFFSET);
                    operands = Field.IMM12.put((int) (off >> scale));
                } else if (off >= -256 && off < 256) {
                    e = kind.encoding(LoadStore.AddressForm.UNSCALED);
                    operands = Field.IMM9.put((int) off);
                } else {
                    throw new A64EncodingException(kind.encoding(LoadStore.AddressForm.UNSIGNED_OFFSET).mnemonic() + ": offset " + off
                        + " is neither a multiple of " + (1 << scale) + " in [0, " + (4095L << scale)
                        + "] nor in [-256, 255]" + (unscaledOnly ? " (unscaled: [-256, 255] only)" : ""));
                }
            }
            case PRE_INDEX, POST_INDEX -> {
                checkRange(kind.encoding(LoadStore.AddressForm.PRE_INDEX).mnemonic(), "index offset", off, -256, 255);
                e = kind.encoding(mem.mode() == Mem.Mode.PRE_INDEX ? LoadStore.AddressForm.PRE_INDEX : LoadStore.AddressForm.POST_INDEX);
                operands = Field.IMM9.put((int) off);
            }
            default -> {
                e = kind.encoding(LoadStore.AddressForm.REGISTER);
                operands = Field.RM.put(mem.index().number()) | Field.OPTION.put(mem.extend().code())
                    | Field.S.put(mem.scaled() ? 1 : 0);
            }
        }
        if (unscaledOnly && mem.mode() != Mem.Mode.OFFSET) {
            throw new A64EncodingException(e.mnemonic() + ": the unscaled form takes [base, #offset] only");
        }
        return emit(e.bits() | operands | Field.RN.put(rn) | Field.RD.put(rt));
    }

    private static void checkKind(LoadStore kind, LoadStore.RegKind actual, Object reg) {
        if (kind.regKind() != actual) {
            throw new A64EncodingException(kind + " moves a " + kind.regKind() + " register, not " + reg);
        }
    }

    private static LoadStore.RegKind kindOf(Reg r) {
        return r.is64() ? LoadStore.RegKind.X : LoadStore.RegKind.W;
    }

    private static LoadStore.RegKind kindOf(VReg r) {
        return switch (r.size()) {
            case S -> LoadStore.RegKind.S;
            case D -> LoadStore.RegKind.D;
            case Q -> LoadStore.RegKind.Q;
        };
    }

    /** A load or store of a general register; the offset form is chosen as {@link Mem} says. */
    public A64Assembler loadStore(LoadStore kind, Reg t, Mem mem) {
        checkKind(kind, kindOf(t), t);
        return loadStore(kind, zr(kind.name(), t), mem, false);
    }

    /** A load or store of an FP/SIMD register. */
    public A64Assembler loadStore(LoadStore kind, VReg t, Mem mem) {
        checkKind(kind, kindOf(t), t);
        return loadStore(kind, t.number(), mem, false);
    }

    /** The unscaled form (LDUR, STUR, ...) whatever the offset: [base, #offset] in [-256, 255]. */
    public A64Assembler loadStoreUnscaled(LoadStore kind, Reg t, Mem mem) {
        checkKind(kind, kindOf(t), t);
        return loadStore(kind, zr(kind.name(), t), mem, true);
    }

    public A64Assembler loadStoreUnscaled(LoadStore kind, VReg t, Mem mem) {
        checkKind(kind, kindOf(t), t);
        return loadStore(kind, t.number(), mem, true);
    }

    public A64Assembler ldr(Reg t, Mem mem) {
        return loadStore(t.is64() ? LoadStore.LDR_X : LoadStore.LDR_W, t, mem);
    }

    public A64Assembler str(Reg t, Mem mem) {
        return loadStore(t.is64() ? LoadStore.STR_X : LoadStore.STR_W, t, mem);
    }

    public A64Assembler ldr(VReg t, Mem mem) {
        return loadStore(switch (t.size()) { case S -> LoadStore.LDR_S; case D -> LoadStore.LDR_D; case Q -> LoadStore.LDR_Q; }, t, mem);
    }

    public A64Assembler str(VReg t, Mem mem) {
        return loadStore(switch (t.size()) { case S -> LoadStore.STR_S; case D -> LoadStore.STR_D; case Q -> LoadStore.STR_Q; }, t, mem);
    }

    /** Zero-extending byte load into a W register (the X register's upper half is cleared too). */
    public A64Assembler ldrb(Reg t, Mem mem) {
        return loadStore(LoadStore.LDRB, t, mem);
    }

    public A64Assembler ldrh(Reg t, Mem mem) {
        return loadStore(LoadStore.LDRH, t, mem);
    }

    /** Sign-extending byte load into a W or an X register. */
    public A64Assembler ldrsb(Reg t, Mem mem) {
        return loadStore(t.is64() ? LoadStore.LDRSB_X : LoadStore.LDRSB_W, t, mem);
    }

    public A64Assembler ldrsh(Reg t, Mem mem) {
        return loadStore(t.is64() ? LoadStore.LDRSH_X : LoadStore.LDRSH_W, t, mem);
    }

    public A64Assembler ldrsw(Reg t, Mem mem) {
        return loadStore(LoadStore.LDRSW, t, mem);
    }

    public A64Assembler strb(Reg t, Mem mem) {
        return loadStore(LoadStore.STRB, t, mem);
    }

    public A64Assembler strh(Reg t, Mem mem) {
        return loadStore(LoadStore.STRH, t, mem);
    }

    public A64Assembler ldur(Reg t, Mem mem) {
        return loadStoreUnscaled(t.is64() ? LoadStore.LDR_X : LoadStore.LDR_W, t, mem);
    }

    public A64Assembler stur(Reg t, Mem mem) {
        return loadStoreUnscaled(t.is64() ? LoadStore.STR_X : LoadStore.STR_W, t, mem);
    }

    // ---- literals ------------------------------------------------------------------------------

    private A64Assembler literal(LoadLiteral row, int rt, Label target) {
        int at = buf.position();
        buf.put4(row.encoding().bits() | Field.RD.put(rt));
        buf.useLabel(target, FixupFormat.PC_REL19_AT5_SCALED4, at, 0);
        return self();
    }

    private A64Assembler literal(LoadLiteral row, int rt, long offset) {
        if (!FixupFormat.PC_REL19_AT5_SCALED4.fits(offset)) {
            throw new A64EncodingException(row.encoding().mnemonic() + ": literal offset " + offset
                + " is not a multiple of 4 within +-1 MiB");
        }
        return emit(row.encoding().bits() | Field.IMM19.put((int) (offset >> 2)) | Field.RD.put(rt));
    }

    private static LoadLiteral literalRow(Reg t) {
        return t.is64() ? LoadLiteral.LDR_X : LoadLiteral.LDR_W;
    }

    private static LoadLiteral literalRow(VReg t) {
        return switch (t.size()) {
            case S -> LoadLiteral.LDR_S;
            case D -> LoadLiteral.LDR_D;
            case Q -> LoadLiteral.LDR_Q;
        };
    }

    /** LDR (literal): the word or doubleword at {@code target}. */
    public A64Assembler ldr(Reg t, Label target) {
        return literal(literalRow(t), zr("ldr", t), target);
    }

    /** LDR (literal) by a byte offset from this instruction. */
    public A64Assembler ldrLiteral(Reg t, long offset) {
        return literal(literalRow(t), zr("ldr", t), offset);
    }

    public A64Assembler ldr(VReg t, Label target) {
        return literal(literalRow(t), t.number(), target);
    }

    public A64Assembler ldrLiteral(VReg t, long offset) {
        return literal(literalRow(t), t.number(), offset);
    }

    /** LDRSW (literal): the sign-extended word at {@code target}. */
    public A64Assembler ldrsw(Reg t, Label target) {
        requireX("ldrsw", t);
        return literal(LoadLiteral.LDRSW, zr("ldrsw", t), target);
    }

    public A64Assembler ldrswLiteral(Reg t, long offset) {
        requireX("ldrsw", t);
        return literal(LoadLiteral.LDRSW, zr("ldrsw", t), offset);
    }

    // ---- pairs ---------------------------------------------------------------------------------

    private A64Assembler pair(LoadStorePair kind, int rt, int rt2, Mem mem) {
        int scale = kind.log2Size();
        long off = mem.offset();
        String m = kind.encoding(LoadStorePair.PairForm.OFFSET).mnemonic();
        if ((off & ((1L << scale) - 1)) != 0 || (off >> scale) < -64 || (off >> scale) > 63) {
            throw new A64EncodingException(m + ": offset " + off + " is not a multiple of " + (1 << scale) + " in ["
                + (-64L << scale) + ", " + (63L << scale) + "]");
        }
        LoadStorePair.PairForm form = switch (mem.mode()) {
            case OFFSET -> LoadStorePair.PairForm.OFFSET;
            case PRE_INDEX -> LoadStorePair.PairForm.PRE_INDEX;
            case POST_INDEX -> LoadStorePair.PairForm.POST_INDEX;
            case REGISTER -> throw new A64EncodingException(m + " has no register-offset form");
        };
        return emit(kind.encoding(form).bits() | Field.IMM7.put((int) (off >> scale)) | Field.RT2.put(rt2)
            | Field.RN.put(sp(m, mem.base())) | Field.RD.put(rt));
    }

    public A64Assembler pair(LoadStorePair kind, Reg t1, Reg t2, Mem mem) {
        sameWidth(kind.name(), t1, t2);
        if (kind.regKind() != kindOf(t1)) {
            throw new A64EncodingException(kind + " moves " + kind.regKind() + " registers, not " + t1);
        }
        return pair(kind, zr(kind.name(), t1), zr(kind.name(), t2), mem);
    }

    public A64Assembler pair(LoadStorePair kind, VReg t1, VReg t2, Mem mem) {
        if (kind.regKind() != kindOf(t1) || t1.size() != t2.size()) {
            throw new A64EncodingException(kind + " moves two " + kind.regKind() + " registers, not " + t1 + " and " + t2);
        }
        return pair(kind, t1.number(), t2.number(), mem);
    }

    public A64Assembler ldp(Reg t1, Reg t2, Mem mem) {
        return pair(t1.is64() ? LoadStorePair.LDP_X : LoadStorePair.LDP_W, t1, t2, mem);
    }

    public A64Assembler stp(Reg t1, Reg t2, Mem mem) {
        return pair(t1.is64() ? LoadStorePair.STP_X : LoadStorePair.STP_W, t1, t2, mem);
    }

    public A64Assembler ldpsw(Reg t1, Reg t2, Mem mem) {
        return pair(LoadStorePair.LDPSW, t1, t2, mem);
    }

    public A64Assembler ldp(VReg t1, VReg t2, Mem mem) {
        return pair(switch (t1.size()) { case S -> LoadStorePair.LDP_S; case D -> LoadStorePair.LDP_D; case Q -> LoadStorePair.LDP_Q; },
            t1, t2, mem);
    }

    public A64Assembler stp(VReg t1, VReg t2, Mem mem) {
        return pair(switch (t1.size()) { case S -> LoadStorePair.STP_S; case D -> LoadStorePair.STP_D; case Q -> LoadStorePair.STP_Q; },
            t1, t2, mem);
    }

    // ---- acquire, release, exclusive -----------------------------------------------------------

    private static void checkSizedReg(String m, int log2Size, Reg t) {
        if (t.is64() != (log2Size == 3)) {
            throw new A64EncodingException(m + ": " + t + " does not fit an access of " + (1 << log2Size) + " bytes");
        }
    }

    /** A load-acquire, store-release or load-exclusive row of {@code 1 << log2Size} bytes at [base]. */
    public A64Assembler ordered(Ordered row, int log2Size, Reg t, Reg base) {
        Encoding e = row.encoding();
        String m = e.mnemonic();
        checkSizedReg(m, log2Size, t);
        requireX(m, base);
        return emit(e.bits() | Field.SIZE.put(log2Size) | Field.RN.put(sp(m, base)) | Field.RD.put(zr(m, t)));
    }

    public A64Assembler storeExclusive(Ordered row, int log2Size, Reg status, Reg t, Reg base) {
        Encoding e = row.encoding();
        String m = e.mnemonic();
        checkSizedReg(m, log2Size, t);
        requireW(m, status);
        requireX(m, base);
        if (status.number() == t.number() || status.number() == base.number() && !base.isSp()) {
            throw new A64EncodingException(m + ": the status register must differ from the data and base registers");
        }
        return emit(e.bits() | Field.SIZE.put(log2Size) | Field.RS.put(zr(m, status)) | Field.RN.put(sp(m, base))
            | Field.RD.put(zr(m, t)));
    }

    public A64Assembler ldar(Reg t, Reg base) {
        return ordered(Ordered.LDAR, t.is64() ? 3 : 2, t, base);
    }

    public A64Assembler ldarb(Reg t, Reg base) {
        return ordered(Ordered.LDAR, 0, t, base);
    }

    public A64Assembler ldarh(Reg t, Reg base) {
        return ordered(Ordered.LDAR, 1, t, base);
    }

    public A64Assembler stlr(Reg t, Reg base) {
        return ordered(Ordered.STLR, t.is64() ? 3 : 2, t, base);
    }

    public A64Assembler stlrb(Reg t, Reg base) {
        return ordered(Ordered.STLR, 0, t, base);
    }

    public A64Assembler stlrh(Reg t, Reg base) {
        return ordered(Ordered.STLR, 1, t, base);
    }

    public A64Assembler ldxr(Reg t, Reg base) {
        return ordered(Ordered.LDXR, t.is64() ? 3 : 2, t, base);
    }

    public A64Assembler ldxrb(Reg t, Reg base) {
        return ordered(Ordered.LDXR, 0, t, base);
    }

    public A64Assembler ldxrh(Reg t, Reg base) {
        return ordered(Ordered.LDXR, 1, t, base);
    }

    public A64Assembler ldaxr(Reg t, Reg base) {
        return ordered(Ordered.LDAXR, t.is64() ? 3 : 2, t, base);
    }

    public A64Assembler ldaxrb(Reg t, Reg base) {
        return ordered(Ordered.LDAXR, 0, t, base);
    }

    public A64Assembler ldaxrh(Reg t, Reg base) {
        return ordered(Ordered.LDAXR, 1, t, base);
    }

    /** STXR: status (a W register) is 0 when the store happened, 1 when it did not. */
    public A64Assembler stxr(Reg status, Reg t, Reg base) {
        return storeExclusive(Ordered.STXR, t.is64() ? 3 : 2, status, t, base);
    }

    public A64Assembler stxrb(Reg status, Reg t, Reg base) {
        return storeExclusive(Ordered.STXR, 0, status, t, base);
    }

    public A64Assembler stxrh(Reg status, Reg t, Reg base) {
        return storeExclusive(Ordered.STXR, 1, status, t, base);
    }

    /** STLXR: status (a W register) is 0 when the store happened, 1 when it did not. */
    public A64Assembler stlxr(Reg status, Reg t, Reg base) {
        return storeExclusive(Ordered.STLXR, t.is64() ? 3 : 2, status, t, base);
    }

    public A64Assembler stlxrb(Reg status, Reg t, Reg base) {
        return storeExclusive(Ordered.STLXR, 0, status, t, base);
    }

    public A64Assembler stlxrh(Reg status, Reg t, Reg base) {
        return storeExclusive(Ordered.STLXR, 1, status, t, base);
    }

    // ---- LSE atomics ---------------------------------------------------------------------------

    /**
     * An LSE atomic row of {@code 1 << log2Size} bytes at [base]: for the memory operations, t
     * receives the old value and s is the operand; for CAS, s is the expected value (and
     * receives the old one) and t the new value.
     */
    public A64Assembler atomic(Atomic row, AtomicOrder order, int log2Size, Reg s, Reg t, Reg base) {
        Encoding e = row.encoding();
        requireFeature(e);
        String m = e.mnemonic();
        checkSizedReg(m, log2Size, s);
        checkSizedReg(m, log2Size, t);
        requireX(m, base);
        int ordering = e.form() == Form.COMPARE_AND_SWAP
            ? Field.L.put(order.acquire() ? 1 : 0) | Field.O0.put(order.release() ? 1 : 0)
            : Field.AR.put((order.acquire() ? 2 : 0) | (order.release() ? 1 : 0));
        return emit(e.bits() | Field.SIZE.put(log2Size) | ordering | Field.RS.put(zr(m, s)) | Field.RN.put(sp(m, base))
            | Field.RD.put(zr(m, t)));
    }

    public A64Assembler ldadd(AtomicOrder order, Reg s, Reg t, Reg base) {
        return atomic(Atomic.LDADD, order, s.is64() ? 3 : 2, s, t, base);
    }

    public A64Assembler ldaddb(AtomicOrder order, Reg s, Reg t, Reg base) {
        return atomic(Atomic.LDADD, order, 0, s, t, base);
    }

    public A64Assembler ldaddh(AtomicOrder order, Reg s, Reg t, Reg base) {
        return atomic(Atomic.LDADD, order, 1, s, t, base);
    }

    public A64Assembler ldclr(AtomicOrder order, Reg s, Reg t, Reg base) {
        return atomic(Atomic.LDCLR, order, s.is64() ? 3 : 2, s, t, base);
    }

    public A64Assembler ldclrb(AtomicOrder order, Reg s, Reg t, Reg base) {
        return atomic(Atomic.LDCLR, order, 0, s, t, base);
    }

    public A64Assembler ldclrh(AtomicOrder order, Reg s, Reg t, Reg base) {
        return atomic(Atomic.LDCLR, order, 1, s, t, base);
    }

    public A64Assembler ldeor(AtomicOrder order, Reg s, Reg t, Reg base) {
        return atomic(Atomic.LDEOR, order, s.is64() ? 3 : 2, s, t, base);
    }

    public A64Assembler ldeorb(AtomicOrder order, Reg s, Reg t, Reg base) {
        return atomic(Atomic.LDEOR, order, 0, s, t, base);
    }

    public A64Assembler ldeorh(AtomicOrder order, Reg s, Reg t, Reg base) {
        return atomic(Atomic.LDEOR, order, 1, s, t, base);
    }

    public A64Assembler ldset(AtomicOrder order, Reg s, Reg t, Reg base) {
        return atomic(Atomic.LDSET, order, s.is64() ? 3 : 2, s, t, base);
    }

    public A64Assembler ldsetb(AtomicOrder order, Reg s, Reg t, Reg base) {
        return atomic(Atomic.LDSET, order, 0, s, t, base);
    }

    public A64Assembler ldseth(AtomicOrder order, Reg s, Reg t, Reg base) {
        return atomic(Atomic.LDSET, order, 1, s, t, base);
    }

    public A64Assembler swp(AtomicOrder order, Reg s, Reg t, Reg base) {
        return atomic(Atomic.SWP, order, s.is64() ? 3 : 2, s, t, base);
    }

    public A64Assembler swpb(AtomicOrder order, Reg s, Reg t, Reg base) {
        return atomic(Atomic.SWP, order, 0, s, t, base);
    }

    public A64Assembler swph(AtomicOrder order, Reg s, Reg t, Reg base) {
        return atomic(Atomic.SWP, order, 1, s, t, base);
    }

    public A64Assembler cas(AtomicOrder order, Reg s, Reg t, Reg base) {
        return atomic(Atomic.CAS, order, s.is64() ? 3 : 2, s, t, base);
    }

    public A64Assembler casb(AtomicOrder order, Reg s, Reg t, Reg base) {
        return atomic(Atomic.CAS, order, 0, s, t, base);
    }

    public A64Assembler cash(AtomicOrder order, Reg s, Reg t, Reg base) {
        return atomic(Atomic.CAS, order, 1, s, t, base);
    }
}
