package dev.vex.x64.asm;

import static dev.vex.x64.asm.Gpr.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vex.code.CodeBuffer;
import dev.vex.code.CodeException;
import dev.vex.code.FixupFormat;
import dev.vex.code.Label;
import dev.vex.code.Relocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelAndRelocationTest {
    private final CodeBuffer buf = new CodeBuffer();
    private final X64Assembler asm = new X64Assembler(buf, CpuFeatures.all());

    /** The target of the rel32 branch whose displacement field ends at {@code fieldEnd}. */
    private int rel32Target(int fieldEnd) {
        return fieldEnd + buf.intAt(fieldEnd - 4);
    }

    @Test
    void forwardBranchesAreNearAndPatchedOnBind() {
        Label done = asm.newLabel();
        asm.jcc(Cond.E, done).jmp(done).call(done);
        assertEquals(6 + 5 + 5, buf.position());
        asm.nop(3).bind(done);
        assertEquals(19, done.position());
        assertEquals(19, rel32Target(6));
        assertEquals(19, rel32Target(11));
        assertEquals(19, rel32Target(16));
        assertEquals(0x0F, buf.byteAt(0));
        assertEquals(0x84, buf.byteAt(1));
    }

    @Test
    void backwardBranchesAreShortWhenTheyReach() {
        Label top = asm.newLabel();
        asm.bind(top).nop(100).jcc(Cond.NE, top);
        assertEquals(0x75, buf.byteAt(100));
        assertEquals(-102, (byte) buf.byteAt(101));
        asm.nop(200);
        int at = buf.position();
        asm.jmp(top);
        assertEquals(0xE9, buf.byteAt(at));
        assertEquals(0, rel32Target(at + 5));
    }

    @Test
    void shortForwardBranchesThrowWhenTheTargetIsOutOfReach() {
        Label near = asm.newLabel();
        asm.jccShort(Cond.L, near).nop(127).bind(near);
        assertEquals(127, buf.byteAt(1));
        Label far = asm.newLabel();
        asm.jmpShort(far).nop(128);
        assertThrows(CodeException.class, () -> asm.bind(far));
        Label back = asm.newLabel();
        asm.bind(back).nop(127);
        assertThrows(CodeException.class, () -> asm.jmpShort(back));
    }

    @Test
    void ripRelativeLabelsCountFromTheEndOfTheInstructionIncludingItsImmediate() {
        Label data = asm.newLabel();
        asm.mov(Mem.rip(data).withBits(32), 7); // C7 05 disp32 imm32: 10 bytes
        asm.lea(RAX, Mem.rip(data));           // 48 8D 05 disp32: 7 bytes
        asm.bind(data);
        assertEquals(17, data.position());
        assertEquals(17 - 10, buf.intAt(2));
        assertEquals(17 - 17, buf.intAt(13));
    }

    @Test
    void unboundLabelsAreReportedByFinish() {
        asm.jmp(asm.newLabel());
        assertThrows(CodeException.class, buf::finish);
    }

    @Test
    void symbolsGetRelocations() {
        asm.defineSymbol("f").call("vex_yield").jmp("vex_exit").movabs(R11, "vex_table", 8);
        List<Relocation> r = buf.relocations();
        assertEquals(List.of(
            new Relocation(1, FixupFormat.PC_REL32, "vex_yield", -4),
            new Relocation(6, FixupFormat.PC_REL32, "vex_exit", -4),
            new Relocation(12, FixupFormat.ABS64, "vex_table", 8)), r);
        assertEquals(0, buf.symbols().get(0).offset());
        assertEquals(20, buf.position());
    }
}
