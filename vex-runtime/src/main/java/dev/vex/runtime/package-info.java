/** The native side of Vex: the C runtime's bindings, executable memory and the JIT API. */
package dev.vex.runtime;
