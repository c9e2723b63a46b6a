package dev.vex.runtime.jit;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;

/**
 * One private anonymous mapping that holds code. It starts read-write, takes the linked bytes,
 * and is then sealed read-execute: it is never writable and executable at once. {@link #close()}
 * unmaps it; the caller makes sure no thread still runs its code.
 */
public final class ExecutableMemory implements AutoCloseable {
    private final long address;
    private final long size;
    private boolean sealed;
    private boolean closed;

    private ExecutableMemory(long address, long size) {
        this.address = address;
        this.size = size;
    }

    /** Maps at least {@code bytes} bytes (whole pages), read-write. */
    public static ExecutableMemory map(long bytes) {
        long page = LibC.getpagesize();
        long size = Math.max(page, (bytes + page - 1) / page * page);
        long address;
        try {
            address = LibC.mmap(0, size, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS, -1, 0);
        } catch (LastErrorException e) {
            throw new JitException("cannot map " + size + " bytes for code: " + e.getMessage());
        }
        if (address == LibC.MAP_FAILED || address == 0) {
            throw new JitException("cannot map " + size + " bytes for code");
        }
        return new ExecutableMemory(address, size);
    }

    /** The first byte of the mapping. */
    public long address() {
        return address;
    }

    /** The mapped size, whole pages. */
    public long size() {
        return size;
    }

    /** Copies {@code bytes} to {@code offset}; only before {@link #seal()}. */
    public synchronized void write(long offset, byte[] bytes) {
        if (sealed || closed) {
            throw new IllegalStateException("the code memory is no longer writable");
        }
        if (offset < 0 || offset + bytes.length > size) {
            throw new IndexOutOfBoundsException("write of " + bytes.length + " bytes at " + offset + " in " + size);
        }
        new Pointer(address).write(offset, bytes, 0, bytes.length);
    }

    /**
     * Makes the mapping read-execute; it cannot be written after this. On AArch64 the
     * instruction cache is flushed for the mapping first ({@link InstructionCache}).
     */
    public synchronized void seal() {
        if (closed) {
            throw new IllegalStateException("the code memory is unmapped");
        }
        InstructionCache.flush(address, size);
        try {
            LibC.mprotect(address, size, LibC.PROT_READ | LibC.PROT_EXEC);
        } catch (LastErrorException e) {
            throw new JitException("cannot make code executable: " + e.getMessage());
        }
        sealed = true;
    }

    /** Whether the mapping is read-execute already. */
    public synchronized boolean isSealed() {
        return sealed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            LibC.munmap(address, size);
        } catch (LastErrorException e) {
            throw new JitException("cannot unmap code memory: " + e.getMessage());
        }
    }
}
