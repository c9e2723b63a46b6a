/**
 * JNA bindings of the C runtime's public header {@code vex_runtime.h}: one interface that mirrors
 * the header function by function, and the loader that finds {@code libvexrt.so} in the jar.
 * Nothing here adds behaviour; {@link dev.vex.runtime.VexRuntime} is the Java API built on it.
 */
package dev.vex.runtime.jna;
