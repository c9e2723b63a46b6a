package dev.vex.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of functions that may call each other by name, in the order they were added. Made by
 * {@link ModuleBuilder}; immutable.
 */
public final class Module {
    private final Map<String, Function> byName;
    private final List<Function> functions;

    Module(List<Function> functions) {
        this.byName = new LinkedHashMap<>();
        for (Function f : functions) {
            byName.put(f.name(), f);
        }
        this.functions = Collections.unmodifiableList(new ArrayList<>(functions));
    }

    /** The functions in order. */
    public List<Function> functions() {
        return functions;
    }

    /** The function named {@code name} (without {@code %}), or null. */
    public Function function(String name) {
        return byName.get(name);
    }

    /** The function a callee reference names, or null if it is not in this module (a builtin). */
    public Function resolve(FuncRef ref) {
        return byName.get(ref.name());
    }

    /** The module in CLIF text. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < functions.size(); i++) {
            sb.append(i == 0 ? "" : "\n").append(IrPrinter.print(functions.get(i)));
        }
        return sb.toString();
    }
}
