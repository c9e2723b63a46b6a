/**
 * Running a target that is not this machine's: the module compiled to an ELF object, linked with
 * a generated C harness and the runtime cross-built for that target into one executable per test
 * file, and run once under qemu-user ({@link dev.vex.runtime.cross.CrossEngine}).
 */
package dev.vex.runtime.cross;
