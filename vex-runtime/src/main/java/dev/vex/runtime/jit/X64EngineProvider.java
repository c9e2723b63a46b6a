package dev.vex.runtime.jit;

import dev.vex.exec.Engine;
import dev.vex.exec.EngineProvider;

/** The {@code x64} engine for the run-test runner and the {@code vex} tool (found by ServiceLoader). */
public final class X64EngineProvider implements EngineProvider {
    @Override
    public String name() {
        return "x64";
    }

    @Override
    public Engine create() {
        return new NativeEngine("x64", "x86_64", () -> Targets.named("x64"));
    }
}
