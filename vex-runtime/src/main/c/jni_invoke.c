/* jni_invoke.c: vex_invoke as a JNI native method of dev.vex.runtime.jit.JniSlotInvoker, for calls
 * from Java that pass only primitives (the argument and result slots are the thread's native
 * buffer): a plain JNI transition, no JNA dispatch and no array copies. The Java side loads this
 * library with System.load so the JVM links the method by its JNI name. jni.h is not needed:
 * on Linux a JNI function is a C function taking the JNIEnv and class pointers first. */
#include <stddef.h>
#include <stdint.h>

#include "vex_runtime.h"

VEX_API int32_t Java_dev_vex_runtime_jit_JniSlotInvoker_invokeEntry(void *env, void *cls, int64_t entry,
                                                                    int64_t args, int64_t results) {
    (void)env;
    (void)cls;
    if (entry == 0) {
        return -1; /* the Java side's link check */
    }
    return vex_invoke((vex_array_entry)(uintptr_t)entry, (const uint64_t *)(uintptr_t)args,
                      (uint64_t *)(uintptr_t)results, NULL);
}
