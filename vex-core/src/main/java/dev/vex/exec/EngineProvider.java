package dev.vex.exec;

/**
 * Makes engines that live outside vex-core (the native targets), found with
 * {@link java.util.ServiceLoader}. vex-core itself names no concrete target.
 */
public interface EngineProvider {
    /** The engine's command-line name. */
    String name();

    /** A new engine of this kind. */
    Engine create();
}
