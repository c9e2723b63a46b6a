package dev.vex.exec;

import dev.vex.ir.Module;
import java.util.List;

/**
 * Something that runs verified modules: the reference interpreter, or a native target.
 *
 * <p>The run-test runner and the {@code vex} tool drive every engine through this interface, so
 * a result from one engine can be compared bit for bit with the same call on another.
 */
public interface Engine {
    /** The name used on the command line: {@code interp}, {@code x64}, {@code aarch64}. */
    String name();

    /**
     * Null if this engine runs a test file whose {@code target} lines name {@code targetIsas}
     * (empty when it names none); otherwise why it skips such a file.
     */
    String skipReason(List<String> targetIsas);

    /**
     * As {@link #skipReason(List)}, knowing also the file's {@code test} kinds ({@code run},
     * {@code interpret}): Cranelift runs a {@code test run} file that names no target on the host,
     * which a native engine for the host may follow.
     */
    default String skipReason(List<String> targetIsas, List<String> tests) {
        return skipReason(targetIsas);
    }

    /**
     * Null if this engine runs {@code function} (as far as it can tell without compiling it);
     * otherwise why not, such as a feature its code generator does not handle yet. A function
     * given a reason is left out of the module given to {@link #load}.
     */
    default String skipReason(dev.vex.ir.Function function) {
        return null;
    }

    /**
     * Whether this engine's float results that are NaNs have exactly the interpreter's bits. A
     * native engine compiling without NaN canonicalization says no; its NaN results are then
     * compared with any NaN (see {@link ResultEquality}).
     */
    default boolean canonicalNaNs() {
        return true;
    }

    /** Makes a verified module ready to run: compiles and links it, for a native engine. */
    LoadedModule load(Module module);
}
