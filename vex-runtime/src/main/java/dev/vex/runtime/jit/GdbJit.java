package dev.vex.runtime.jit;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import dev.vex.code.elf.ElfMachine;
import dev.vex.code.elf.ElfSymbolFile;
import dev.vex.compile.Target;
import dev.vex.compile.Targets;
import dev.vex.runtime.jna.VexLibrary;
import java.util.ArrayList;
import java.util.List;

/**
 * Announces a module's code to GDB through the JIT interface that libvexrt implements
 * ({@code gdbjit.c}): an in-memory ELF object naming every function at its address, registered
 * when the module is linked and withdrawn before its code is unmapped. A debugger attached then
 * (or later) names the frames in a backtrace and takes breakpoints on the functions.
 */
final class GdbJit {
    private GdbJit() {
    }

    private static final class Calls {
        static final NativeLibrary LIB = VexLibrary.nativeLibrary();
        static final Function REGISTER = LIB.getFunction("vex_gdbjit_register");
        static final Function UNREGISTER = LIB.getFunction("vex_gdbjit_unregister");
    }

    /** The object file the debugger gets for {@code image}. */
    static byte[] symbolFile(JitImage image) {
        Target target = Targets.find(image.module().targetName());
        ElfMachine machine = target == null ? null : target.elfMachine();
        if (machine == null) {
            throw new JitException("no ELF machine for target '" + image.module().targetName() + "'");
        }
        List<ElfSymbolFile.Symbol> symbols = new ArrayList<>();
        for (CodeSymbol s : image.codeSymbols()) {
            symbols.add(new ElfSymbolFile.Symbol(s.name(), s.address() - image.base(), s.size()));
        }
        return ElfSymbolFile.write(machine, image.base(), image.mappedSize(), symbols);
    }

    static void register(JitImage image) {
        byte[] elf = symbolFile(image);
        Pointer entry = Calls.REGISTER.invokePointer(new Object[] {elf, (long) elf.length});
        if (entry == null) {
            throw new JitException("cannot register the code with the debugger interface: out of memory");
        }
        image.beforeUnmap(() -> Calls.UNREGISTER.invokeVoid(new Object[] {entry}));
    }
}
