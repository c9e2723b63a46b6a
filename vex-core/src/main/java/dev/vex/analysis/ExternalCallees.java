package dev.vex.analysis;

import dev.vex.ir.Block;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Libcall;
import dev.vex.ir.Module;
import java.util.ArrayList;
import java.util.List;

/**
 * The functions a module refers to (by {@code call}, {@code func_addr}, {@code await},
 * {@code spawn} and the like) that it neither defines nor finds among the
 * {@link RuntimeBuiltin}s and Cranelift's named {@link Libcall}s (which link to the C library). In-process engines run nothing else: such a reference cannot be
 * linked, whereas an AOT object may leave it to the system linker.
 */
public final class ExternalCallees {
    private ExternalCallees() {
    }

    /** One line per unresolved reference, {@code %main calls %exit}, in layout order. */
    public static List<String> unresolved(Module module) {
        List<String> out = new ArrayList<>();
        for (Function f : module.functions()) {
            for (Block b : f.blocks()) {
                for (Instruction inst : b.instructions()) {
                    if (inst.funcRef() == null) {
                        continue;
                    }
                    String name = inst.funcRef().name();
                    if (module.function(name) == null && RuntimeBuiltin.named(name) == null && Libcall.named(name) == null) {
                        String line = "%" + f.name() + " " + (CallKind.of(inst.opcode()) != null ? "calls" : "refers to")
                                + " %" + name;
                        if (!out.contains(line)) {
                            out.add(line);
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Why {@code module} cannot be linked in this process, in the words the interpreter uses
     * when such a call is reached; null if every reference resolves.
     */
    public static String whyUnlinkable(Module module) {
        List<String> refs = unresolved(module);
        if (refs.isEmpty()) {
            return null;
        }
        return refs.get(0) + ", which is neither in the module nor a runtime builtin"
                + (refs.size() > 1 ? " (and " + (refs.size() - 1) + " more such reference"
                        + (refs.size() > 2 ? "s" : "") + ")" : "");
    }
}
