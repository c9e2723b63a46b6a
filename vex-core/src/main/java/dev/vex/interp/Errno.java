package dev.vex.interp;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;

/**
 * The Linux errno values the I/O builtins return negated, and the mapping from what Java NIO
 * throws to them, so that the interpreter reports the same {@code -errno} as the C runtime.
 * NIO keeps the errno only in the exception's message (the strerror text), so the mapping reads
 * the message first and the exception's class second.
 */
final class Errno {
    static final long EIO = 5;
    static final long EBADF = 9;
    static final long EACCES = 13;
    static final long EFAULT = 14;
    static final long EBUSY = 16;
    static final long EINVAL = 22;
    static final long EMFILE = 24;
    static final long EPIPE = 32;
    static final long ENOTSOCK = 88;
    static final long ENOPROTOOPT = 92;
    static final long EMSGSIZE = 90;
    static final long EOPNOTSUPP = 95;
    static final long EAFNOSUPPORT = 97;
    static final long EADDRINUSE = 98;
    static final long EADDRNOTAVAIL = 99;
    static final long ENETUNREACH = 101;
    static final long ECONNABORTED = 103;
    static final long ECONNRESET = 104;
    static final long ENOTCONN = 107;
    static final long ETIMEDOUT = 110;
    static final long ECONNREFUSED = 111;
    static final long EHOSTUNREACH = 113;

    private Errno() {
    }

    /** The errno (positive) behind {@code e}; EIO when nothing identifies it. */
    static long of(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("Connection reset")) {
            return ECONNRESET;
        }
        if (m.contains("Broken pipe")) {
            return EPIPE;
        }
        if (m.contains("Connection refused")) {
            return ECONNREFUSED;
        }
        if (m.contains("Address already in use")) {
            return EADDRINUSE;
        }
        if (m.contains("Cannot assign requested address")) {
            return EADDRNOTAVAIL;
        }
        if (m.contains("Permission denied")) {
            return EACCES;
        }
        if (m.contains("Network is unreachable")) {
            return ENETUNREACH;
        }
        if (m.contains("No route to host")) {
            return EHOSTUNREACH;
        }
        if (m.contains("timed out")) {
            return ETIMEDOUT;
        }
        if (m.contains("Too many open files")) {
            return EMFILE;
        }
        if (m.contains("not connected")) {
            return ENOTCONN;
        }
        if (m.contains("Connection aborted")) {
            return ECONNABORTED;
        }
        if (m.contains("Invalid argument")) {
            return EINVAL;
        }
        if (m.contains("Bad file descriptor")) {
            return EBADF;
        }
        if (m.contains("Message too long")) {
            return EMSGSIZE;
        }
        if (m.contains("Bad address")) {
            return EFAULT;
        }
        if (e instanceof ClosedChannelException) {
            return EBADF;
        }
        if (e instanceof ConnectException) {
            return ECONNREFUSED;
        }
        if (e instanceof BindException) {
            return EADDRINUSE;
        }
        if (e instanceof NoRouteToHostException) {
            return EHOSTUNREACH;
        }
        if (e instanceof SocketTimeoutException) {
            return ETIMEDOUT;
        }
        return EIO;
    }

    /** The errno for the unchecked exceptions NIO throws on a bad address or a bound socket. */
    static long of(RuntimeException e) {
        if (e instanceof UnresolvedAddressException || e instanceof IllegalArgumentException) {
            return EINVAL;
        }
        if (e instanceof AlreadyBoundException) {
            return EINVAL;
        }
        return EIO;
    }
}
