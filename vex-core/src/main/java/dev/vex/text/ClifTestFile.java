package dev.vex.text;

import dev.vex.ir.Module;
import java.util.List;

/**
 * A CLIF test file as read: its {@code test}, {@code set} and {@code target} headers, its
 * functions in order (each read or failed, with its directives), errors outside any function,
 * and the module of all functions that read.
 */
public final class ClifTestFile {
    private final String fileName;
    private final List<String> tests;
    private final List<String> settings;
    private final List<TargetHeader> targets;
    private final List<FunctionEntry> functions;
    private final List<ParseException> fileErrors;
    private final Module module;

    ClifTestFile(String fileName, List<String> tests, List<String> settings, List<TargetHeader> targets,
            List<FunctionEntry> functions, List<ParseException> fileErrors, Module module) {
        this.fileName = fileName;
        this.tests = List.copyOf(tests);
        this.settings = List.copyOf(settings);
        this.targets = List.copyOf(targets);
        this.functions = List.copyOf(functions);
        this.fileErrors = List.copyOf(fileErrors);
        this.module = module;
    }

    /** The name the file was read under, for messages. */
    public String fileName() {
        return fileName;
    }

    /** The words after each {@code test} ({@code run}, {@code interpret}...). */
    public List<String> tests() {
        return tests;
    }

    /** The words after each {@code set}, like {@code opt_level=speed}, in order. */
    public List<String> settings() {
        return settings;
    }

    /** The {@code target} lines, in order. */
    public List<TargetHeader> targets() {
        return targets;
    }

    /** Every function of the file, in order, read or not. */
    public List<FunctionEntry> functions() {
        return functions;
    }

    /** Problems outside any function: stray text, directives before the first function. */
    public List<ParseException> fileErrors() {
        return fileErrors;
    }

    /** All functions that read, in order; they refer to each other by name. */
    public Module module() {
        return module;
    }

    /** The entry of the function named {@code name}, or null. */
    public FunctionEntry function(String name) {
        for (FunctionEntry e : functions) {
            if (name.equals(e.name())) {
                return e;
            }
        }
        return null;
    }
}
