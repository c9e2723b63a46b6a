package dev.vex.interp;

import dev.vex.analysis.RuntimeBuiltin;

/** What a {@code call}, {@code await}, {@code spawn} or function address refers to. */
sealed interface Callee {
    String name();

    /** A function of the module, by its index in {@link Program}. */
    record ModuleFunction(int index, String name) implements Callee {}

    /** A runtime builtin. */
    record Runtime(RuntimeBuiltin builtin) implements Callee {
        @Override
        public String name() {
            return builtin.symbol();
        }
    }

    /** A Java function an {@link InterpreterSession} supplies under this name. */
    record Host(String name, HostFunction function) implements Callee {}

    /** One of Cranelift's named libcalls ({@code %CeilF32}...), computed by {@link Libcalls}. */
    record Library(dev.vex.ir.Libcall libcall) implements Callee {
        @Override
        public String name() {
            return libcall.clifName();
        }
    }

    /** A name neither the module nor the runtime defines: calling it fails the run. */
    record Undefined(String name) implements Callee {}
}
