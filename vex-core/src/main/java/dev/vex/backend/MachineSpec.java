package dev.vex.backend;

/**
 * What a target tells the allocator about its registers. Physical registers are numbered
 * {@code 0 .. numRegs()-1} (at most 64, so that sets of them are {@code long} masks).
 *
 * <p>Argument and return registers are not described here: isel expresses them as fixed-register
 * operands, and calls list the registers they clobber (normally {@link #callerSaved()}).
 */
public interface MachineSpec {
    /** Number of physical registers, at most 64. */
    int numRegs();

    RegClass regClass(int preg);

    String regName(int preg);

    /**
     * The registers the allocator may assign for a class, in order of preference. Put the
     * caller-saved registers first: they cost nothing when no call is crossed.
     */
    int[] allocationOrder(RegClass cls);

    /** Registers a call may overwrite. */
    long callerSaved();

    /** Registers a function must preserve: the prologue saves the ones the allocation uses. */
    long calleeSaved();

    /**
     * A register of the class that is never allocated, for breaking cycles of moves and for
     * moves between two spill slots.
     */
    int scratch(RegClass cls);

    /** Bytes of a spill slot of the class (8 for integers, 8 or 16 for floats). */
    int spillSlotSize(RegClass cls);

    /**
     * Bytes between the caller's 16-byte aligned stack pointer and the frame: the return address
     * and the saved frame pointer on both x86-64 and AArch64.
     */
    default int bytesAboveFrame() {
        return 16;
    }
}
