/* Forced into libvexrt.so's build (-include), not the tests' or the archive's: binds the pthread
 * functions that glibc 2.32 and 2.34 moved into libc, with new symbol versions, to their original
 * versions, which every glibc since keeps.  The shared library then runs on glibc 2.17 and later
 * (the newest version it names; RuntimeExtractTest checks it) instead of only on the build host's.
 * The functions are the same; only the version in the reference differs.  A static archive needs
 * nothing of the kind: the user's own link picks the versions of the user's glibc.  The library also
 * names libpthread.so.0 (the Makefile), where glibc before 2.34 defines these functions. */
#ifndef VEX_GLIBC_COMPAT_H
#define VEX_GLIBC_COMPAT_H

#if defined(__x86_64__)
#define VEX_GLIBC_BASE "GLIBC_2.2.5"
#elif defined(__aarch64__)
#define VEX_GLIBC_BASE "GLIBC_2.17"
#endif

#ifdef VEX_GLIBC_BASE
#define VEX_OLD_VERSION(fn) __asm__(".symver " #fn "," #fn "@" VEX_GLIBC_BASE)
VEX_OLD_VERSION(pthread_create);
VEX_OLD_VERSION(pthread_join);
VEX_OLD_VERSION(pthread_detach);
VEX_OLD_VERSION(pthread_once);
VEX_OLD_VERSION(pthread_attr_getstack);
VEX_OLD_VERSION(pthread_attr_getguardsize);
VEX_OLD_VERSION(pthread_getattr_np);
VEX_OLD_VERSION(pthread_sigmask);
#endif

#endif
