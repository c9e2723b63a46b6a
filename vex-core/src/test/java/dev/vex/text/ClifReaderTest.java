package dev.vex.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.Block;
import dev.vex.ir.FloatCC;
import dev.vex.ir.FuncRef;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.IntCC;
import dev.vex.ir.MemFlags;
import dev.vex.ir.Module;
import dev.vex.ir.Opcode;
import dev.vex.ir.ParamFlag;
import dev.vex.ir.StructuralEquality;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClifReaderTest {

    private static final String EVERYTHING = """
            test run
            test interpret   ; two test commands
            set opt_level=speed
            set enable_probestack
            target x86_64 has_avx has_fma=false
            target aarch64

            ; A function using most of the syntax.
            function %everything(i32 sext, i64 uext, f32, f64) -> i64, i8 system_v {
                ss0 = explicit_slot 16
                ss1 = explicit_slot 8, align = 8   ; aligned slot
                sig0 = (i64) -> i64 tail
                fn0 = %callee(i64) -> i64
                fn1 = colocated %near sig0
                fn2 = %multi(i32, i64) -> i32, i64 windows_fastcall

            block0(v0: i32, v1: i64, v2: f32, v3: f64):
                v4 = iconst.i32 0xffff_fffd
                v5 = iconst.i64 -42
                v6 = f32const 0x1.8p3
                v7 = f64const -0x0.0
                v8 = iadd v0, v4          ; a comment after an instruction
                v9 = icmp_imm slt v8, 10
                v10 = fcmp uno v2, v2
                v11, v12 = sadd_overflow v1, v5
                v13 = stack_addr.i64 ss0+8
                store notrap aligned v1, v13-8
                v14 = load.i64 notrap v13
                stack_store v1, ss1
                v15 = stack_load.i64 ss1+4
                v16 = func_addr.i64 fn0
                v17 = call_indirect.i64 sig0, v16(v15)
                v18 = call fn0(v17)
                v19, v20 = call fn2(v0, v18)
                v30 -> v18
                v21 = uextend.i64 v0
                v22 = bitcast.i32 v2
                v23 = select v9, v1, v30
                trapz v9, user7
                v24 = uadd_overflow_trap v0, v0, int_ovf
                brif v9, block1(v23), block2
            ; between blocks
            block1(v25: i64) cold:
                v26 = ireduce.i8 v25
                return v25, v26
            block2 cold:
                v27 = iconst.i32 3
                br_table v27, block3, [block1(v14), block3, block1(v1)]
            block3:
                jump block1(v1)
            }
            """;

    @Test
    void readsEverySyntaxForm() {
        ClifTestFile file = ClifReader.readTestFile(EVERYTHING, "all.clif");
        assertEquals(List.of("run", "interpret"), file.tests());
        assertEquals(List.of("opt_level=speed", "enable_probestack"), file.settings());
        assertEquals(2, file.targets().size());
        assertEquals("x86_64", file.targets().get(0).isa());
        assertEquals(List.of("has_avx", "has_fma=false"), file.targets().get(0).flags());
        assertEquals("all.clif:5:1", file.targets().get(0).location().toString());
        assertTrue(file.fileErrors().isEmpty(), String.valueOf(file.fileErrors()));

        FunctionEntry entry = file.functions().get(0);
        assertNull(entry.error(), () -> entry.error().getMessage());
        assertEquals("all.clif:9:1", entry.location().toString());
        Function f = entry.function();
        assertEquals("everything", f.name());
        assertFalse(f.isAsync());
        assertEquals("system_v", f.signature().callConv());
        assertTrue(f.signature().params().get(0).has(ParamFlag.SEXT));
        assertTrue(f.signature().params().get(1).has(ParamFlag.UEXT));
        assertEquals(List.of(Type.I64, Type.I8), f.signature().returns().stream().map(p -> p.type()).toList());

        assertEquals(2, f.stackSlots().size());
        assertEquals(8, f.stackSlots().get(1).align());
        assertEquals(16, f.stackSlots().get(0).size());
        assertEquals("tail", f.sigRefNumbered(0).signature().callConv());
        FuncRef fn1 = f.funcRefNumbered(1);
        assertTrue(fn1.isColocated());
        assertSame(f.sigRefNumbered(0), fn1.sigRef());
        assertEquals("windows_fastcall", f.funcRefNumbered(2).signature().callConv());

        Block b0 = f.entryBlock();
        List<Instruction> insts = b0.instructions();
        assertEquals(0xffff_fffdL, insts.get(0).imm());
        assertEquals(Type.I32, insts.get(0).controllingType());
        assertEquals(-42, insts.get(1).imm());
        assertEquals(Float.floatToRawIntBits(12.0f), insts.get(2).ieee32Bits());
        assertEquals(Double.doubleToRawLongBits(-0.0), insts.get(3).ieee64Bits());
        assertEquals(IntCC.SLT, insts.get(5).intCC());
        assertEquals(10, insts.get(5).imm());
        assertEquals(FloatCC.UNO, insts.get(6).floatCC());
        assertEquals(2, insts.get(7).resultCount());
        assertEquals(8, insts.get(8).offset());
        Instruction store = insts.get(9);
        assertEquals(MemFlags.of(MemFlags.Flag.NOTRAP, MemFlags.Flag.ALIGNED), store.memFlags());
        assertEquals(-8, store.offset());
        assertEquals("v1", store.operand(0).toString());
        assertEquals(4, insts.get(12).offset());
        Instruction ci = insts.get(14);
        assertEquals(Opcode.CALL_INDIRECT, ci.opcode());
        assertEquals(Type.I64, ci.controllingType());
        assertEquals("v16", ci.operand(0).toString());
        Instruction select = insts.get(19);
        assertEquals(Opcode.SELECT, select.opcode());
        assertEquals("v18", select.operand(2).toString(), "the alias v30 reads as v18");
        assertEquals(TrapCode.user(7), insts.get(20).trapCode());
        assertEquals(TrapCode.INTEGER_OVERFLOW, insts.get(21).trapCode());

        Instruction brif = b0.terminator();
        assertEquals(Opcode.BRIF, brif.opcode());
        assertEquals(List.of(1, 2), brif.successors().stream().map(Block::number).toList());
        Block b1 = f.blockNumbered(1);
        assertTrue(b1.isCold());
        assertTrue(f.blockNumbered(2).isCold());
        assertFalse(f.blockNumbered(3).isCold());
        Instruction table = f.blockNumbered(2).terminator();
        assertEquals(List.of(3, 1, 3, 1), table.successors().stream().map(Block::number).toList());
        assertEquals("v14", table.destination(1).args().get(0).toString());
        assertEquals(List.of(0, 1, 2, 3), f.blocks().stream().map(Block::number).toList());
    }

    @Test
    void printedFormReadsBackIdentically() {
        Module m = ClifReader.readModule(EVERYTHING, "all.clif");
        String printed = ClifPrinter.print(m);
        Module again = ClifReader.readModule(printed, "printed.clif");
        assertNull(StructuralEquality.difference(m, again));
        assertEquals(printed, ClifPrinter.print(again));
        assertTrue(printed.contains("    ss1 = explicit_slot 8, align = 8\n"), printed);
        assertTrue(printed.contains("    fn1 = colocated %near sig0\n"), printed);
        assertTrue(printed.contains("v6 = f32const 0x1.800000p3"), printed);
        assertTrue(printed.contains("v7 = f64const -0.0"), printed);
        assertTrue(printed.contains("store notrap aligned v1, v13-8"), printed);
        assertTrue(printed.contains("block1(v25: i64) cold:"), printed);
        assertTrue(printed.contains("br_table v27, block3, [block1(v14), block3, block1(v1)]"), printed);
        assertTrue(printed.contains("v17 = call_indirect sig0, v16(v15)"), printed);
    }

    @Test
    void readsAsyncExtensions() {
        String text = """
                async function %leaf(i64 borrow, i64 borrow_mut) -> i64 guard {
                block0(v0: i64, v1: i64):
                    return v0
                }

                async function %main(i64) -> i64 {
                    fn0 = async %leaf(i64 borrow, i64 borrow_mut) -> i64 guard
                    fn1 = async %vex_yield()
                block0(v0: i64):
                    await fn1()
                    v1 = await fn0(v0, v0)
                    v2 = await_boxed fn0(v1, v1)
                    v3 = spawn fn0(v2, v2)
                    return v3
                }
                """;
        Module m = ClifReader.readModule(text, "async.clif");
        Function leaf = m.function("leaf");
        assertTrue(leaf.isAsync());
        assertTrue(leaf.signature().params().get(0).has(ParamFlag.BORROW));
        assertTrue(leaf.signature().params().get(1).has(ParamFlag.BORROW_MUT));
        assertTrue(leaf.signature().returns().get(0).has(ParamFlag.GUARD));
        Function main = m.function("main");
        FuncRef fn0 = main.funcRefNumbered(0);
        assertTrue(fn0.isAsync());
        assertTrue(fn0.signature().returns().get(0).has(ParamFlag.GUARD));
        assertSame(leaf, m.resolve(fn0));
        assertNull(m.resolve(main.funcRefNumbered(1)), "a builtin is not in the module");
        List<Instruction> insts = main.entryBlock().instructions();
        assertEquals(Opcode.AWAIT, insts.get(0).opcode());
        assertEquals(0, insts.get(0).resultCount());
        assertEquals(Opcode.AWAIT_BOXED, insts.get(2).opcode());
        assertEquals(Opcode.SPAWN, insts.get(3).opcode());
        assertEquals(Type.I64, insts.get(3).result().type());
        Module again = ClifReader.readModule(ClifPrinter.print(m), "p.clif");
        assertNull(StructuralEquality.difference(m, again));
        assertTrue(ClifPrinter.print(m).contains("async function %leaf(i64 borrow, i64 borrow_mut) -> i64 guard {"));
    }

    @Test
    void forwardReferencesAcrossBlocksAndTypeSuffixOnPrint() {
        String text = """
                function %fwd(i32) -> i32 {
                block0(v0: i32):
                    jump block2
                block1:
                    v3 = iadd.i32 v2, v0
                    return v3
                block2:
                    v2 = iconst.i32 7
                    jump block1
                }
                """;
        Function f = ClifReader.readFunction(text, "fwd.clif");
        String printed = ClifPrinter.print(f);
        assertTrue(printed.contains("v3 = iadd.i32 v2, v0"), "the suffix stays when v2 comes later:\n" + printed);
        assertTrue(StructuralEquality.equal(f, ClifReader.readFunction(printed, "p.clif")));
        ParseException e = assertThrows(ParseException.class,
                () -> ClifReader.readFunction(text.replace("iadd.i32", "iadd"), "fwd.clif"));
        assertEquals("fwd.clif:5:10: function %fwd, block1, iadd: cannot infer the controlling type: "
                + "v2 is not defined yet; write iadd.T", e.getMessage());
    }

    // ---- Errors ----------------------------------------------------------------------------

    private static ParseException error(String text) {
        return assertThrows(ParseException.class, () -> ClifReader.readModule(text, "t.clif"));
    }

    @Test
    void errorMessagesSayWhatWasExpectedWhere() {
        String head = "function %f(i32) -> i32 {\nblock0(v0: i32):\n";
        assertEquals("t.clif:3:18: expected ',' after operand, found 'v0'",
                error(head + "    v1 = iadd v0 v0\n    return v1\n}\n").getMessage());
        assertEquals("t.clif:3:10: unknown opcode 'frobnicate'",
                error(head + "    v1 = frobnicate v0\n    return v1\n}\n").getMessage());
        assertEquals("t.clif:4:1: expected '}' to close function %f, found end of file",
                error(head + "    return v0\n").getMessage());
        assertEquals("t.clif:3:12: function %f: v9 is used but never defined",
                error(head + "    return v9\n}\n").getMessage());
        assertEquals("t.clif:3:10: block5 is not defined in this function",
                error(head + "    jump block5\n}\n").getMessage());
        assertEquals("t.clif:4:5: function %f, block0, return: needs i32, but operand v1 has type i64",
                error(head + "    v1 = iconst.i64 1\n    return v1\n}\n").getMessage());
        assertEquals("t.clif:3:21: integer '0x1_0000_0000_0000_0000' does not fit in 64 bits",
                error(head + "    v1 = iconst.i64 0x1_0000_0000_0000_0000\n}\n").getMessage());
        assertEquals("t.clif:3:10: function %f, block0, iconst: immediate 300 does not fit in i8",
                error(head + "    v1 = iconst.i8 300\n    return v0\n}\n").getMessage());
        assertEquals("t.clif:3:17: expected a type, found 'x'",
                error(head + "    v1 = iconst.x 3\n}\n").getMessage());
        assertEquals("t.clif:1:17: expected a type, found ')'",
                error("function %f(i32,) {\nblock0:\n return\n}\n").getMessage());
        assertEquals("t.clif:1:10: expected a function name like %name, found 'f'",
                error("function f() {\n}\n").getMessage());
        assertEquals("t.clif:3:22: expected the end of the iadd instruction, found 'v0'",
                error(head + "    v1 = iadd v0, v0 v0\n}\n").getMessage());
        assertEquals("t.clif:4:10: function %f, block0, iconst: v1 is defined twice",
                error(head + "    v1 = iconst.i32 1\n    v1 = iconst.i32 2\n    return v1\n}\n").getMessage());
        assertEquals("t.clif:3:5: function %f, ss0 is declared twice",
                error("function %f() {\n    ss0 = explicit_slot 4\n    ss0 = explicit_slot 8\nblock0:\n    return\n}\n")
                        .getMessage());
        assertEquals("t.clif:1:1: expected 'function', 'test', 'set' or 'target', found 'garbage'",
                error("garbage\n").getMessage());
        assertEquals("t.clif:3:15: expected a value like 'v1', found the stray character '@'",
                error(head + "    v1 = iadd @, v0\n}\n").getMessage());
    }

    @Test
    void wordsThatAreNotVectorTypesAreNotTypes() {
        for (String word : List.of("i12x4", "i32x", "ix4", "f32xN", "i32x4xM", "u32x4", "i32x4x")) {
            ParseException e = error("function %f(" + word + ") {\nblock0:\n return\n}\n");
            assertFalse(e instanceof UnsupportedFeatureException, e.getMessage());
            assertEquals("t.clif:1:13: expected a type, found '" + word + "'", e.getMessage());
        }
    }

    @Test
    void aNumberAtTheVeryStartOfATextIsAnErrorNotACrash() {
        // The lexer once read the character before a number's first one, index -1 at the start.
        for (String t : List.of("1", "NaN", "Inf", "0x1p3")) {
            assertEquals("t.clif:1:1: expected 'function', 'test', 'set' or 'target', found '" + t + "'",
                    error(t).getMessage());
        }
        ClifTestFile file = ClifReader.readTestFile("function %f() {\nblock0:\n return\n}\n; run:1\n", "t.clif");
        assertNotNull(file.functions().get(0).runs().get(0).error(), "a run line '1' calls nothing");
    }

    @Test
    void charactersBeyondAsciiKeepColumnsAndComments() {
        String head = "function %f(i32) -> i32 {\nblock0(v0: i32):\n";
        // One column per char, as before: é is one, and a character beyond the BMP is two.
        assertEquals("t.clif:3:15: expected a value like 'v1', found the stray character '\u00e9'",
                error(head + "    v1 = iadd \u00e9, v0\n}\n").getMessage());
        assertEquals("t.clif:3:15: expected a value like 'v1', found the stray character '\u20ac'",
                error(head + "    v1 = iadd \u20ac, v0\n}\n").getMessage());
        assertEquals("t.clif:3:15: expected a value like 'v1', found the stray character '\ud83d\ude00'",
                error(head + "    v1 = iadd \ud83d\ude00, v0\n}\n").getMessage());
        assertEquals("t.clif:3:10: expected an opcode, found the stray character '\ud83d\ude00'",
                error(head + "    v1 = \ud83d\ude00 v0\n}\n").getMessage());
        // A '?' of its own is a stray character too, not a stand-in for a wide one.
        assertEquals("t.clif:3:15: expected a value like 'v1', found the stray character '?'",
                error(head + "    v1 = iadd ?, v0\n}\n").getMessage());
        // Comments keep every character, and what follows them on later lines keeps its columns.
        ClifTestFile file = ClifReader.readTestFile("; caf\u00e9 \ud83d\ude00 \u20ac\n" + head
                + "    v1 = iadd v0, v0 ; \u00e9t\u00e9\n    return v1\n}\n; run: %f(2) == 4\n", "t.clif");
        assertTrue(file.fileErrors().isEmpty(), String.valueOf(file.fileErrors()));
        assertNotNull(file.functions().get(0).function(), () -> file.functions().get(0).error().getMessage());
        assertEquals(1, file.functions().get(0).runs().size());
    }

    @Test
    void unsupportedFeaturesAreNamed() {
        record Case(String text, String feature) {
        }
        List<Case> cases = List.of(
                new Case("function %f(i8x16) {\nblock0(v0: i8x16):\n return\n}\n", "vector type i8x16"),
                new Case("function %f(i32x4) {\nblock0(v0: i32x4):\n return\n}\n", "vector type i32x4"),
                new Case("function %f(i64) {\nblock0(v0: i64):\n v1 = get_frame_pointer.i64\n return\n}\n", "frame introspection"),
                new Case("function %f() {\n gv0 = symbol %foo\nblock0:\n return\n}\n", "global values"),
                new Case("function %f(i64 sret) {\nblock0(v0: i64):\n return\n}\n", "parameter purpose sret"),
                new Case("function %f(i32) {\nblock0(v0: i32):\n v1 = splat.i32x4 v0\n return\n}\n", "vectors"),
                new Case("function %f(f64x2) {\nblock0(v0: f64x2):\n return\n}\n", "vector type f64x2"),
                new Case("function %f(i128x1) {\nblock0(v0: i128x1):\n return\n}\n", "vector type i128x1"),
                new Case("function %f(i32x4xN) {\nblock0(v0: i32x4xN):\n return\n}\n", "dynamic vector type i32x4xN"),
                new Case("function %f(r64) {\nblock0(v0: r64):\n return\n}\n", "reference type r64"));
        for (Case c : cases) {
            ParseException e = error(c.text());
            UnsupportedFeatureException u = assertInstanceOf(UnsupportedFeatureException.class, e, e.getMessage());
            assertEquals(c.feature(), u.feature(), e.getMessage());
            assertTrue(e.getMessage().startsWith("t.clif:"), e.getMessage());
        }
    }

    @Test
    void oneBadFunctionDoesNotStopTheFile() {
        String text = """
                function %a() -> i32 {
                block0:
                    v0 = iconst.i32 1
                    return v0
                }
                ; run: %a() == 1

                function %b(i64x2) -> i64x2 {
                block0(v0: i64x2):
                    return v0
                }
                ; run: %b(1) == 1

                function %c() -> i32 {
                block0:
                    v0 = iconst.i32 (
                }
                ; error: expected

                function %d() -> i32 {
                block0:
                    v0 = iconst.i32 4
                    return v0
                }
                ; run: %d() == 4
                """;
        ClifTestFile file = ClifReader.readTestFile(text, "m.clif");
        assertEquals(List.of("a", "b", "c", "d"), file.functions().stream().map(FunctionEntry::name).toList());
        assertNotNull(file.function("a").function());
        assertTrue(file.function("b").isUnsupported());
        assertEquals("m.clif:8:13", file.function("b").error().location().toString());
        assertFalse(file.function("c").isUnsupported());
        assertEquals("m.clif:16:21: expected an integer immediate, found '('", file.function("c").error().getMessage());
        assertEquals("expected", file.function("c").expectedErrors().get(0).text());
        assertEquals("m.clif:18:1", file.function("c").expectedErrors().get(0).location().toString());
        assertNotNull(file.function("d").function());
        assertEquals(List.of("a", "d"), file.module().functions().stream().map(Function::name).toList());
        RunLine bRun = file.function("b").runs().get(0);
        assertFalse(bRun.isValid());
        assertTrue(bRun.error().getMessage().contains("%b did not read"), bRun.error().getMessage());
        assertEquals(List.of(4L), file.function("d").runs().get(0).expected());
    }

    // ---- Run lines -------------------------------------------------------------------------

    private static ClifTestFile runFile(String sig, String... runs) {
        String text = "function %f" + sig + " {\nblock0:\n    trap user1\n}\n" + String.join("\n", runs) + "\n";
        return ClifReader.readTestFile(text, "r.clif");
    }

    private static RunLine run(String sig, String runLine) {
        return runFile(sig, runLine).functions().get(0).runs().get(0);
    }

    @Test
    void runLinesAreTypedBitPatterns() {
        RunLine r = run("(i8, i16, i32, i64) -> i8", "; run: %f(-1, 0xffff, -2147483648, 18446744073709551615) == 255");
        assertNull(r.error(), () -> r.error().getMessage());
        assertEquals("f", r.functionName());
        assertEquals(List.of(0xffL, 0xffffL, 0x8000_0000L, -1L), r.args());
        assertEquals(RunLine.Comparison.EQUALS, r.comparison());
        assertEquals(List.of(0xffL), r.expected());

        RunLine multi = run("(f32, f64) -> i32, f32", "; run: %f(-0x0.0, NaN) != [-1, +Inf]");
        assertNull(multi.error(), () -> multi.error().getMessage());
        assertEquals(RunLine.Comparison.NOT_EQUALS, multi.comparison());
        assertEquals(List.of(0x8000_0000L, 0x7ff8_0000_0000_0000L), multi.args());
        assertEquals(List.of(0xffff_ffffL, 0x7f80_0000L), multi.expected());

        RunLine bools = run("(i8) -> i8", "; run: %f(true) == false");
        assertEquals(List.of(1L), bools.args());
        assertEquals(List.of(0L), bools.expected());

        RunLine bare = run("() -> i8", "; run");
        assertEquals(RunLine.Comparison.NON_ZERO, bare.comparison());
        RunLine noCmp = run("(i32)", "; run: %f(7)");
        assertEquals(RunLine.Comparison.NONE, noCmp.comparison());
        assertEquals(List.of(7L), noCmp.args());
    }

    @Test
    void badRunLinesAreLocated() {
        assertEquals("r.clif:5:8: %f takes 1 argument, but the run line passes 2",
                run("(i32) -> i32", "; run: %f(1, 2) == 3").error().getMessage());
        assertEquals("r.clif:5:11: integer '256' does not fit in i8",
                run("(i8) -> i8", "; run: %f(256) == 1").error().getMessage());
        assertEquals("r.clif:5:8: no function %g in this file",
                run("(i8) -> i8", "; run: %g(1) == 1").error().getMessage());
        assertEquals("r.clif:5:17: %f returns 1 value, but the run line expects 2",
                run("(i8) -> i8", "; run: %f(1) == [1, 2]").error().getMessage());
        assertEquals("r.clif:5:14: expected '==' or '!=' after the call, found the stray character '<'",
                run("(i8) -> i8", "; run: %f(1) < 2").error().getMessage());
        assertEquals("r.clif:5:1: a bare '; run' needs a function of type () -> iN, but %f is (i8) -> i8",
                run("(i8) -> i8", "; run").error().getMessage());
    }
}
