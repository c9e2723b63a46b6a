package dev.vex.text;

/**
 * The strings of token texts, shared so that the lexer does not make a new {@code String} for
 * every {@code v3}, {@code iadd} or {@code i64} it meets: a direct-mapped cache per thread, keyed
 * by the token's bytes. A miss makes the string and takes the slot; nothing is ever wrong, only
 * sometimes new. Strings are immutable, so handing the same one to many modules is safe.
 */
final class TokenTexts {
    private static final int SIZE = 2048; // a power of two
    private static final ThreadLocal<TokenTexts> PER_THREAD = ThreadLocal.withInitial(TokenTexts::new);

    private final String[] texts = new String[SIZE];

    private TokenTexts() {
    }

    static TokenTexts forThisThread() {
        return PER_THREAD.get();
    }

    /** The text of the ASCII bytes {@code [start, end)} of {@code src}. */
    String text(byte[] src, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + src[i];
        }
        int slot = (h ^ (h >>> 11)) & (SIZE - 1);
        String s = texts[slot];
        if (s != null && equal(s, src, start, end)) {
            return s;
        }
        s = new String(src, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        texts[slot] = s;
        return s;
    }

    private static boolean equal(String s, byte[] src, int start, int end) {
        int n = end - start;
        if (s.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) != src[start + i]) {
                return false;
            }
        }
        return true;
    }
}
