package dev.vex.backend;

/**
 * Operands packed into one {@code int}, so that an instruction's operands are a slice of an int
 * array and the allocator reads them without allocating.
 *
 * <p>Bits 0–19 hold the vreg, bit 20 is set for a def, bit 21 for the late point (uses default to
 * early, defs to late), bits 22–23 the {@link OperandConstraint}, bits 24–30 its payload: the
 * physical register of {@code FIXED_REG} or the operand index of {@code REUSE_INPUT}.
 *
 * <p>An early def is written before the instruction reads all its uses, so it never shares a
 * location with a use; a late use is still read when defs are written, so it never shares a
 * location with a def.
 */
public final class Operand {
    public static final int MAX_VREGS = 1 << 20;
    private static final int VREG_MASK = MAX_VREGS - 1;
    private static final int DEF_BIT = 1 << 20;
    private static final int LATE_BIT = 1 << 21;
    private static final int CONSTRAINT_SHIFT = 22;
    private static final int PAYLOAD_SHIFT = 24;
    private static final int MAX_PAYLOAD = 127;

    private Operand() {}

    public static int of(int vreg, boolean def, boolean late, OperandConstraint constraint, int payload) {
        if (vreg < 0 || vreg > VREG_MASK) {
            throw new IllegalArgumentException("vreg out of range: " + vreg);
        }
        if (payload < 0 || payload > MAX_PAYLOAD) {
            throw new IllegalArgumentException("operand payload out of range: " + payload);
        }
        return vreg | (def ? DEF_BIT : 0) | (late ? LATE_BIT : 0)
                | constraint.ordinal() << CONSTRAINT_SHIFT | payload << PAYLOAD_SHIFT;
    }

    /** An early use in any register. */
    public static int use(int vreg) {
        return of(vreg, false, false, OperandConstraint.REG, 0);
    }

    /** An early use in a register or spill slot. */
    public static int useAny(int vreg) {
        return of(vreg, false, false, OperandConstraint.REG_OR_STACK, 0);
    }

    /** An early use in the given physical register. */
    public static int useFixed(int vreg, int preg) {
        return of(vreg, false, false, OperandConstraint.FIXED_REG, preg);
    }

    /** A use still read when the defs are written. */
    public static int lateUse(int vreg) {
        return of(vreg, false, true, OperandConstraint.REG, 0);
    }

    /** A late def in any register. */
    public static int def(int vreg) {
        return of(vreg, true, true, OperandConstraint.REG, 0);
    }

    /** A late def in a register or spill slot. */
    public static int defAny(int vreg) {
        return of(vreg, true, true, OperandConstraint.REG_OR_STACK, 0);
    }

    /** A late def in the given physical register. */
    public static int defFixed(int vreg, int preg) {
        return of(vreg, true, true, OperandConstraint.FIXED_REG, preg);
    }

    /** A def written before the uses are all read: never shares a register with a use. */
    public static int earlyDef(int vreg) {
        return of(vreg, true, false, OperandConstraint.REG, 0);
    }

    /** A def in the register of use operand {@code operandIndex} (two-address forms). */
    public static int defReuse(int vreg, int operandIndex) {
        return of(vreg, true, true, OperandConstraint.REUSE_INPUT, operandIndex);
    }

    public static int vreg(int operand) {
        return operand & VREG_MASK;
    }

    public static boolean isDef(int operand) {
        return (operand & DEF_BIT) != 0;
    }

    public static boolean isLate(int operand) {
        return (operand & LATE_BIT) != 0;
    }

    public static OperandConstraint constraint(int operand) {
        return OperandConstraint.of((operand >>> CONSTRAINT_SHIFT) & 3);
    }

    /** The register of a {@code FIXED_REG} operand. */
    public static int fixedReg(int operand) {
        return operand >>> PAYLOAD_SHIFT;
    }

    /** The reused operand index of a {@code REUSE_INPUT} def. */
    public static int reuseIndex(int operand) {
        return operand >>> PAYLOAD_SHIFT;
    }

    public static String toString(int operand, MachineSpec spec) {
        StringBuilder sb = new StringBuilder();
        sb.append(isDef(operand) ? "def " : "use ").append('v').append(vreg(operand));
        switch (constraint(operand)) {
            case REG -> {}
            case FIXED_REG -> sb.append('@').append(spec == null ? "p" + fixedReg(operand) : spec.regName(fixedReg(operand)));
            case REG_OR_STACK -> sb.append(":any");
            case REUSE_INPUT -> sb.append(":reuse").append(reuseIndex(operand));
        }
        if (isDef(operand) != isLate(operand)) {
            sb.append(isLate(operand) ? ":late" : ":early");
        }
        return sb.toString();
    }
}
