package dev.vex.aarch64.asm.matrix;

import java.util.HexFormat;

/**
 * One row of the A64 encoding matrix: its shard (instruction family), the instruction as GNU as
 * reads it, and the bytes our assembler emits for it.
 */
public record MatrixRow(String shard, String text, byte[] bytes) {
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }
}
