package dev.vex.verify;

/**
 * One broken rule.
 *
 * @param function the function's name, without {@code %}
 * @param block the block, as {@code block3}, or null if the error is not about one block
 * @param instruction the instruction as CLIF text, or null if the error is not about one
 * @param rule the rule's short name ({@link Rule#text()})
 * @param message what is wrong
 */
public record VerifierError(String function, String block, String instruction, String rule, String message) {
    /** {@code function %f, block3, inst "v5 = iadd v1, v2": [dominance] v2 is used before it is defined}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("function %").append(function);
        if (block != null) {
            sb.append(", ").append(block);
        }
        if (instruction != null) {
            sb.append(", inst \"").append(instruction).append('"');
        }
        return sb.append(": [").append(rule).append("] ").append(message).toString();
    }
}
