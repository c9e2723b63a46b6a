package dev.vex.runtime.jit;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/** The few libc calls executable memory needs, bound with JNA direct mapping (Linux values). */
final class LibC {
    static final int PROT_READ = 1;
    static final int PROT_WRITE = 2;
    static final int PROT_EXEC = 4;
    static final int MAP_PRIVATE = 0x02;
    static final int MAP_ANONYMOUS = 0x20;
    static final long MAP_FAILED = -1L;

    static {
        Native.register(LibC.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private LibC() {
    }

    static native long mmap(long addr, long length, int prot, int flags, int fd, long offset) throws LastErrorException;

    static native int mprotect(long addr, long length, int prot) throws LastErrorException;

    static native int munmap(long addr, long length) throws LastErrorException;

    static native int getpagesize();

    static final int O_RDONLY = 0;

    static native int open(String path, int flags) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;
}
