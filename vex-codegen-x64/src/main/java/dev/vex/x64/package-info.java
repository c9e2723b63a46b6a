/** The x86-64 target: assembler, instruction selection and the System V ABI. */
package dev.vex.x64;
