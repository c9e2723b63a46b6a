package dev.vex.text;

/**
 * A lexical token of CLIF, with its 1-based line and column.
 *
 * <p>{@code text} is the token as written. Offsets and signed numbers are single tokens
 * ({@code +8}, {@code -0x1.8p3}, {@code -Inf}, {@code NaN:0x1}); {@code iconst.i32} is three
 * ({@code iconst}, {@code .}, {@code i32}).
 */
record Token(Kind kind, String text, int line, int column) {
    enum Kind {
        /** A word: opcodes, keywords, {@code v3}, {@code block0}, types, condition codes. */
        IDENT,
        /** {@code %name}; the text excludes the {@code %}. */
        NAME,
        /** An integer or float literal, possibly signed. */
        NUMBER,
        /** One of {@code ( ) { } [ ] , : = .}, or {@code ->}. */
        PUNCT,
        /** A character that starts no token; the text is that character. */
        ERROR,
        EOF
    }

    /** A word made of {@code prefix} and 1 to 9 digits, like {@code v12} or {@code block3}. */
    boolean isNumbered(String prefix) {
        int n = text.length() - prefix.length();
        if (kind != Kind.IDENT || n < 1 || n > 9 || !text.startsWith(prefix)) {
            return false;
        }
        for (int i = prefix.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    boolean is(String punctOrWord) {
        return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(punctOrWord);
    }

    /** How the token is quoted in messages: {@code 'v3'}, or {@code end of file}. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of file";
            case NAME -> "'%" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
