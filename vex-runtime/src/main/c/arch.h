/* arch.h: the few facts of the runtime that differ between x86-64 and AArch64. */
#ifndef VEX_ARCH_H
#define VEX_ARCH_H

/* For a C function that generated code may call with a stack that is not 16-byte aligned (a
 * trap site before the frame exists).  x86-64 realigns in the callee; AArch64 needs nothing,
 * since its hardware keeps sp 16-byte aligned whenever it is used for a memory access. */
#if defined(__x86_64__) || defined(__i386__)
#define VEX_REALIGN_STACK __attribute__((force_align_arg_pointer))
#else
#define VEX_REALIGN_STACK
#endif

#endif
