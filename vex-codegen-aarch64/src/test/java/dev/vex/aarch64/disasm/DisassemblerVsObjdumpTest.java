package dev.vex.aarch64.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.aarch64.asm.matrix.EncodingMatrix;
import dev.vex.aarch64.asm.matrix.GnuAs;
import dev.vex.aarch64.asm.matrix.MatrixRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The listing's disassembler against {@code aarch64-linux-gnu-objdump} on the whole encoding
 * matrix (every row of the table in every operand form, each at its own address), instruction
 * by instruction, preferred aliases included. Runs when the cross binutils are installed.
 */
class DisassemblerVsObjdumpTest {
    @Test
    void decodesLikeObjdump() throws IOException {
        if (!GnuAs.available(GnuAs.OBJDUMP)) {
            System.out.println("NOT RUN: DisassemblerVsObjdumpTest needs " + GnuAs.OBJDUMP);
            Assumptions.abort(GnuAs.OBJDUMP + " not installed");
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (MatrixRow r : EncodingMatrix.generate()) {
            all.writeBytes(r.bytes());
        }
        byte[] code = all.toByteArray();
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (String line : GnuAs.disassemble(code)) {
            String[] parts = line.split("\t", 3);
            if (parts.length < 3 || !parts[0].trim().endsWith(":")) {
                continue;
            }
            int at = Integer.parseInt(parts[0].trim().replace(":", ""), 16);
            int word = (code[at] & 0xFF) | (code[at + 1] & 0xFF) << 8 | (code[at + 2] & 0xFF) << 16 | (code[at + 3] & 0xFF) << 24;
            String theirs = normalize(parts[2]);
            String ours = normalize(A64Disassembler.decode(word, at));
            compared++;
            if (!ours.equals(theirs)) {
                mismatches.add(String.format("%x: %08x | objdump: %s | ours: %s", at, word, theirs, ours));
            }
        }
        mismatches.stream().limit(200).forEach(System.out::println);
        System.out.println("A64 disassembler vs objdump: " + compared + " instructions, " + mismatches.size() + " differences");
        assertTrue(compared >= 20_000, "too few instructions compared: " + compared);
        assertEquals(List.of(), mismatches.subList(0, Math.min(40, mismatches.size())), mismatches.size() + " differences (first 40)");
    }

    /**
     * Random words: wherever our disassembler claims a word (matches a row), it must print what
     * objdump prints, so that no row matches a word of another instruction. Words near the
     * table's rows are drawn more often than uniformly random ones, which are mostly SIMD.
     */
    @Test
    void claimsOnlyWhatObjdumpAgreesWith() throws IOException {
        if (!GnuAs.available(GnuAs.OBJDUMP)) {
            System.out.println("NOT RUN: DisassemblerVsObjdumpTest needs " + GnuAs.OBJDUMP);
            Assumptions.abort(GnuAs.OBJDUMP + " not installed");
        }
        java.util.Random random = new java.util.Random(20261203);
        List<dev.vex.aarch64.asm.Encoding> rows = dev.vex.aarch64.asm.EncodingTable.all();
        int count = 100_000;
        byte[] code = new byte[4 * count];
        for (int i = 0; i < count; i++) {
            int word = random.nextInt();
            if (i % 2 == 0) { // a row's fixed bits with random operands, and a few fixed bits flipped
                dev.vex.aarch64.asm.Encoding e = rows.get(random.nextInt(rows.size()));
                word = e.bits() | (word & e.form().operandMask());
                if (i % 6 == 0) {
                    word ^= 1 << random.nextInt(32);
                }
            }
            code[4 * i] = (byte) word;
            code[4 * i + 1] = (byte) (word >>> 8);
            code[4 * i + 2] = (byte) (word >>> 16);
            code[4 * i + 3] = (byte) (word >>> 24);
        }
        List<String> mismatches = new ArrayList<>();
        int claimed = 0;
        for (String line : GnuAs.disassemble(code)) {
            String[] parts = line.split("\t", 3);
            if (parts.length < 3 || !parts[0].trim().endsWith(":")) {
                continue;
            }
            int at = Integer.parseInt(parts[0].trim().replace(":", ""), 16);
            int word = (code[at] & 0xFF) | (code[at + 1] & 0xFF) << 8 | (code[at + 2] & 0xFF) << 16 | (code[at + 3] & 0xFF) << 24;
            String ours = normalize(A64Disassembler.decode(word, at));
            if (ours.startsWith(".inst")) {
                continue;
            }
            claimed++;
            String theirs = normalize(parts[2]);
            if (!ours.equals(theirs)) {
                mismatches.add(String.format("%x: %08x | objdump: %s | ours: %s", at, word, theirs, ours));
            }
        }
        mismatches.stream().limit(200).forEach(System.out::println);
        System.out.println("A64 disassembler vs objdump on random words: " + claimed + " claimed of " + count + ", "
            + mismatches.size() + " differences");
        assertTrue(claimed >= 25_000, "too few words claimed: " + claimed);
        assertEquals(List.of(), mismatches.subList(0, Math.min(40, mismatches.size())), mismatches.size() + " differences (first 40)");
    }

    /** objdump's text without its comments, with one space between mnemonic and operands. */
    static String normalize(String s) {
        String t = s;
        int comment = t.indexOf("//");
        if (comment >= 0) {
            t = t.substring(0, comment);
        }
        int semicolon = t.indexOf(';');
        if (semicolon >= 0) {
            t = t.substring(0, semicolon);
        }
        return t.replace('\t', ' ').trim().replaceAll(" +", " ");
    }
}
