package dev.vex.async;

import dev.vex.ir.Module;

/**
 * How the lowered module names what the async ABI adds, and which linker symbol each name stands
 * for. One rule, applied by every backend:
 *
 * <ul>
 *   <li>{@code %f$resume}: the resume function of the async function {@code %f}
 *       ({@code vex_poll f$resume(void *frame, vex_task *task)}). If the lowered module defines
 *       it, it is that function, symbol {@code f$resume}. If not, {@code f} is an awaitable the
 *       module does not define (a runtime leaf future such as {@code vex_sleep}, or a C future),
 *       and the symbol is {@code f} itself: the runtime's leaves are named after their builtins
 *       and ARE resume functions.</li>
 *   <li>{@code %f$desc}: the {@code vex_future_desc} of {@code %f} (data, not code), referenced
 *       only by {@code func_addr}. Defined by the backend for each lowered async function
 *       (symbol {@code f$desc}: resume = {@code f$resume}, and frame size, alignment, parameter
 *       and result counts from its {@link AsyncFrameLayout}, name = {@code "f"}); for an awaitable
 *       the module does not define, the runtime's symbol {@code f_desc}.</li>
 *   <li>{@code %vex_frame_alloc}, {@code %vex_frame_free}, {@code %vex_spawn}: the C functions of
 *       those names in vex_runtime.h.</li>
 * </ul>
 *
 * The {@code $} keeps these names apart from anything a front end writes and from the builtin
 * names whose async signatures the verifier checks ({@code %vex_sleep} declared sync would be an
 * error, {@code %vex_sleep$resume} is an ordinary external symbol).
 */
public final class AsyncSymbols {
    /** Suffix of resume functions. */
    public static final String RESUME_SUFFIX = "$resume";
    /** Suffix of future descriptors. */
    public static final String DESC_SUFFIX = "$desc";
    public static final String FRAME_ALLOC = "vex_frame_alloc";
    public static final String FRAME_FREE = "vex_frame_free";
    public static final String SPAWN = "vex_spawn";

    private AsyncSymbols() {
    }

    /** {@code f$resume}. */
    public static String resumeName(String asyncFunction) {
        return asyncFunction + RESUME_SUFFIX;
    }

    /** {@code f$desc}. */
    public static String descriptorName(String asyncFunction) {
        return asyncFunction + DESC_SUFFIX;
    }

    /**
     * The linker symbol a callee name of the lowered module stands for (see the class comment):
     * the name itself, except {@code X$resume} and {@code X$desc} for an {@code X} whose resume
     * function {@code lowered} does not define, which become {@code X} and {@code X_desc}.
     */
    public static String symbolOf(String name, Module lowered) {
        if (name.endsWith(RESUME_SUFFIX)) {
            String base = name.substring(0, name.length() - RESUME_SUFFIX.length());
            return lowered.function(name) != null ? name : base;
        }
        if (name.endsWith(DESC_SUFFIX)) {
            String base = name.substring(0, name.length() - DESC_SUFFIX.length());
            return lowered.function(resumeName(base)) != null ? name : base + "_desc";
        }
        return name;
    }
}
