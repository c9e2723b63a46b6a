package dev.vex.ir;

/**
 * The frame of a future the module awaits but does not define (a C future), as its declaration
 * states it: {@code fn0 = async %my_future(i64) -> i64 frame 32 align 8}. An awaiting caller
 * embeds a frame of this size and alignment (or asks {@code vex_frame_alloc} for one, boxed), so
 * the numbers must be the C future's own ({@code sizeof} and {@code _Alignof} of its frame
 * struct). The verifier checks the numbers ({@code dev.vex.verify}); this record only holds them.
 *
 * @param size  bytes, the state word, parameters and results included
 * @param align bytes, a power of two
 */
public record FutureFrame(long size, long align) {
    /** The largest frame alignment: what {@code vex_frame_alloc} accepts. */
    public static final long MAX_ALIGN = 4096;
    /** The largest frame, as for any frame Vex lays out ({@code FrameLayout.MAX_FRAME_BYTES}). */
    public static final long MAX_SIZE = 1L << 30;

    /**
     * The bytes every awaitable's frame starts with, by the async ABI: the state word, a 64-bit
     * slot per parameter, and one per result after the first (which the poll returns).
     */
    public static int headerSize(int paramCount, int resultCount) {
        return 8 + 8 * paramCount + 8 * Math.max(0, resultCount - 1);
    }

    /** The declaration clause, {@code frame 32 align 8}. */
    @Override
    public String toString() {
        return "frame " + size + " align " + align;
    }
}
