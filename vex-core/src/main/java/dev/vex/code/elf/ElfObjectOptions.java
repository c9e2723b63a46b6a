package dev.vex.code.elf;

import java.util.Set;

/**
 * How {@link ElfObjectWriter} names and binds symbols.
 *
 * @param prefix           prepended to every symbol the object defines (and to the object's own
 *                         references to them), so two objects can define the same function
 *                         names; {@code ""} for none
 * @param weakTls          undefined thread-local symbols the object defines itself, weak and
 *                         zero-initialised in {@code .tbss}: with {@code vex_stack_limit} at 0 the
 *                         generated stack checks never fire, so code links without libvexrt, and a
 *                         program that links libvexrt too uses libvexrt's (strong) definition
 * @param weakUndefined    undefined symbols referenced weakly: the link succeeds without them
 *                         ({@code vex_trap}; a trap then jumps to address 0 unless the program
 *                         defines it)
 */
public record ElfObjectOptions(String prefix, Set<String> weakTls, Set<String> weakUndefined) {
    /** No prefix, every undefined symbol a strong reference: link with libvexrt. */
    public static final ElfObjectOptions DEFAULT = new ElfObjectOptions("", Set.of(), Set.of());

    /** Checks the prefix and keeps copies of the sets. */
    public ElfObjectOptions {
        if (prefix == null) {
            throw new IllegalArgumentException("prefix must not be null");
        }
        weakTls = Set.copyOf(weakTls);
        weakUndefined = Set.copyOf(weakUndefined);
    }

    /** The same, with {@code p} prepended to every defined symbol. */
    public ElfObjectOptions withPrefix(String p) {
        return new ElfObjectOptions(p, weakTls, weakUndefined);
    }

    /**
     * The same, for an object of sync functions that links with no runtime: the runtime's stack
     * limit ({@code vex_stack_limit}) gets a weak zero definition and its trap handler
     * ({@code vex_trap}) a weak reference.
     */
    public ElfObjectOptions withoutRuntime() {
        return new ElfObjectOptions(prefix, Set.of("vex_stack_limit"), Set.of("vex_trap"));
    }
}
