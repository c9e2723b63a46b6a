package dev.vex.x64.asm.matrix;

import java.util.HexFormat;

/**
 * One row of the encoding matrix: the shard (instruction family) it belongs to, the instruction
 * as GNU as reads it (Intel syntax, noprefix) and its bytes.
 */
public record MatrixRow(String shard, String text, byte[] bytes) {
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }
}
