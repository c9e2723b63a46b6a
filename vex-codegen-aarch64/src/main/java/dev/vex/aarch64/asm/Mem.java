package dev.vex.aarch64.asm;

/**
 * A memory operand: a base register (an X register or sp) and one of the A64 addressing modes.
 * <ul>
 *   <li>{@link Mode#OFFSET}: {@code [base, #offset]}. A load or store encodes it as the unsigned
 *       scaled 12-bit form when the offset is a non-negative multiple of the access size that
 *       fits, else as the unscaled signed 9-bit form (LDUR/STUR), else it is an error.</li>
 *   <li>{@link Mode#PRE_INDEX}: {@code [base, #offset]!}, base updated before the access.</li>
 *   <li>{@link Mode#POST_INDEX}: {@code [base], #offset}, base updated after the access.</li>
 *   <li>{@link Mode#REGISTER}: {@code [base, index{, extend {#amount}}]}: an X index with LSL
 *       (written {@link Extend#UXTX}) or SXTX, or a W index with UXTW or SXTW, optionally scaled
 *       by the access size.</li>
 * </ul>
 * Operands are immutable; build the ones a hot path needs once, up front.
 */
public final class Mem {
    /** The addressing modes. */
    public enum Mode { OFFSET, PRE_INDEX, POST_INDEX, REGISTER }

    private final Reg base;
    private final Mode mode;
    private final long offset;
    private final Reg index;
    private final Extend extend;
    private final boolean scaled;

    private Mem(Reg base, Mode mode, long offset, Reg index, Extend extend, boolean scaled) {
        if (!base.is64()) {
            throw new A64EncodingException("a base register is an X register or sp, not " + base);
        }
        if (base.isZr()) {
            throw new A64EncodingException("xzr cannot be a base register (register 31 is sp there)");
        }
        this.base = base;
        this.mode = mode;
        this.offset = offset;
        this.index = index;
        this.extend = extend;
        this.scaled = scaled;
    }

    /** {@code [base]}. */
    public static Mem at(Reg base) {
        return new Mem(base, Mode.OFFSET, 0, null, null, false);
    }

    /** {@code [base, #offset]}. */
    public static Mem at(Reg base, long offset) {
        return new Mem(base, Mode.OFFSET, offset, null, null, false);
    }

    /** {@code [base, #offset]!}. */
    public static Mem preIndex(Reg base, int offset) {
        return new Mem(base, Mode.PRE_INDEX, offset, null, null, false);
    }

    /** {@code [base], #offset}. */
    public static Mem postIndex(Reg base, int offset) {
        return new Mem(base, Mode.POST_INDEX, offset, null, null, false);
    }

    /** {@code [base, xIndex]}. */
    public static Mem index(Reg base, Reg index) {
        return index(base, index, index.is64() ? Extend.UXTX : Extend.UXTW, false);
    }

    /**
     * {@code [base, index, extend #amount]}: the index extended, then shifted left by log2 of the
     * access size when {@code scaled}. UXTX is the plain LSL of an X index.
     */
    public static Mem index(Reg base, Reg index, Extend extend, boolean scaled) {
        if (index.isSp()) {
            throw new A64EncodingException("sp cannot be an index register");
        }
        switch (extend) {
            case UXTW, SXTW -> {
                if (index.is64()) {
                    throw new A64EncodingException(extend.text() + " takes a W index register, not " + index);
                }
            }
            case UXTX, SXTX -> {
                if (!index.is64()) {
                    throw new A64EncodingException(extend.text() + " takes an X index register, not " + index);
                }
            }
            default -> throw new A64EncodingException("an address index extends by uxtw, sxtw, lsl or sxtx, not " + extend.text());
        }
        return new Mem(base, Mode.REGISTER, 0, index, extend, scaled);
    }

    public Reg base() {
        return base;
    }

    public Mode mode() {
        return mode;
    }

    public long offset() {
        return offset;
    }

    public Reg index() {
        return index;
    }

    public Extend extend() {
        return extend;
    }

    public boolean scaled() {
        return scaled;
    }

    @Override
    public String toString() {
        return switch (mode) {
            case OFFSET -> offset == 0 ? "[" + base + "]" : "[" + base + ", #" + offset + "]";
            case PRE_INDEX -> "[" + base + ", #" + offset + "]!";
            case POST_INDEX -> "[" + base + "], #" + offset;
            case REGISTER -> "[" + base + ", " + index + (extend == Extend.UXTX ? (scaled ? ", lsl" : "") : ", " + extend.text())
                + (scaled ? " #scaled" : "") + "]";
        };
    }
}
