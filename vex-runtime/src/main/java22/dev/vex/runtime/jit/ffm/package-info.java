/**
 * The JDK 22+ call binding, compiled for release 22 into the jar's {@code META-INF/versions/22}:
 * {@link dev.vex.runtime.jit.ffm.FfmSlotInvoker} reaches {@code vex_invoke} through a
 * {@code java.lang.foreign} downcall handle. {@code dev.vex.runtime.jit.CallBinding} loads it on
 * JDK 22 and later; JDK 17 never sees these classes.
 */
package dev.vex.runtime.jit.ffm;
