package dev.vex.aarch64.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vex.aarch64.asm.A64Assembler;
import dev.vex.aarch64.asm.Cond;
import dev.vex.aarch64.asm.Mem;
import dev.vex.aarch64.asm.Reg;
import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;
import org.junit.jupiter.api.Test;

/** The listing a person reads: addresses, words and the objdump-style text, aliases preferred. */
class ListingTest {
    @Test
    void listsAFunction() {
        CodeBuffer buf = new CodeBuffer();
        A64Assembler a = new A64Assembler(buf);
        Label loop = new Label();
        a.stp(Reg.FP, Reg.LR, Mem.preIndex(Reg.SP, -16)).mov(Reg.FP, Reg.SP).mov(Reg.X1, 0).bind(loop)
            .add(Reg.X1, Reg.X1, Reg.X0).subs(Reg.X0, Reg.X0, 1).bcond(Cond.NE, loop).mov(Reg.X0, Reg.X1)
            .ldp(Reg.FP, Reg.LR, Mem.postIndex(Reg.SP, 16)).ret();
        a.buffer().put4(0xFFFFFFFF);
        String expected = String.join("\n",
            "    1000:  a9bf7bfd  stp x29, x30, [sp, #-16]!",
            "    1004:  910003fd  mov x29, sp",
            "    1008:  d2800001  mov x1, #0x0",
            "    100c:  8b000021  add x1, x1, x0",
            "    1010:  f1000400  subs x0, x0, #0x1",
            "    1014:  54ffffc1  b.ne 0x100c",
            "    1018:  aa0103e0  mov x0, x1",
            "    101c:  a8c17bfd  ldp x29, x30, [sp], #16",
            "    1020:  d65f03c0  ret",
            "    1024:  ffffffff  .inst 0xffffffff", "");
        assertEquals(expected, A64Disassembler.listing(buf.finish(), 0x1000));
    }
}
