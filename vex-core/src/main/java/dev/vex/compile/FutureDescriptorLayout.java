package dev.vex.compile;

/**
 * The C runtime's {@code struct vex_future_desc} (vex_runtime.h) on a 64-bit machine, as plain
 * data: a resume pointer, four {@code uint32_t} (frame size, frame alignment, parameter count,
 * result count) and a name pointer. The runtime's C tests check these numbers against the header
 * with {@code offsetof}/{@code sizeof} ({@code test_abi_constants.c}).
 */
public final class FutureDescriptorLayout {
    public static final int RESUME_OFFSET = 0;
    public static final int FRAME_SIZE_OFFSET = 8;
    public static final int FRAME_ALIGN_OFFSET = 12;
    public static final int NPARAMS_OFFSET = 16;
    public static final int NRESULTS_OFFSET = 20;
    public static final int NAME_OFFSET = 24;
    /** {@code sizeof(vex_future_desc)}. */
    public static final int SIZE = 32;
    /** {@code _Alignof(vex_future_desc)}. */
    public static final int ALIGN = 8;

    private FutureDescriptorLayout() {
    }
}
