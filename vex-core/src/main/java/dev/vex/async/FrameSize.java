package dev.vex.async;

/**
 * The size and alignment of an awaitable's frame, in bytes: what the awaiting caller reserves
 * for it (embedded) or asks {@code vex_frame_alloc} for (boxed).
 *
 * @param size  at least 8 (the state word)
 * @param align a power of two, at least 8
 */
public record FrameSize(int size, int align) {
    public FrameSize {
        if (size < 8) {
            throw new IllegalArgumentException("a frame holds at least its 8-byte state word, not " + size + " bytes");
        }
        if (align < 8 || Integer.bitCount(align) != 1) {
            throw new IllegalArgumentException("a frame's alignment is a power of two of at least 8, not " + align);
        }
    }
}
