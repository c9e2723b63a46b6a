/** The AArch64 target: A64 assembler, instruction selection and AAPCS64. Not yet written. */
package dev.vex.aarch64;
