package dev.vex.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CLIF text into {@link Token}s and {@link Comment}s. Never fails: a character that
 * starts no token becomes an {@code ERROR} token, which the reader reports where it matters.
 *
 * <p>The scan runs over the text's Latin-1 bytes, one byte per {@code char} (a char above
 * {@code 0xFF} becomes {@code '?'}), so byte offsets are char offsets and columns need no
 * conversion. Every token but an error is ASCII, so its text is read from the bytes (through
 * {@link TokenTexts}, which shares the strings of repeated words); comments and stray characters,
 * which may be anything, are taken from the string itself.
 */
final class Lexer {
    private static final int EOF_BYTE = -1;
    private static final String[] PUNCT = new String[128];

    static {
        for (char c : "(){}[],:=.".toCharArray()) {
            PUNCT[c] = String.valueOf(c).intern();
        }
    }

    private final String src;
    private final byte[] in;
    private final int n;
    private final TokenTexts texts = TokenTexts.forThisThread();
    private int pos;
    private int line;
    private int lineStart;
    private final int firstLine;
    private final int columnBase;
    final List<Token> tokens;
    final List<Comment> comments = new ArrayList<>();

    /** Lexes {@code src}, whose first character is at {@code line}:{@code column}. */
    Lexer(String src, int line, int column) {
        this.src = src;
        this.in = latin1(src);
        this.n = in.length;
        this.tokens = new ArrayList<>(16 + n / 5); // CLIF runs at about five characters a token
        this.line = line;
        this.firstLine = line;
        this.columnBase = column;
        run();
    }

    /** One byte per char: the char itself up to 0xFF, else {@code '?'}. */
    private static byte[] latin1(String src) {
        byte[] b = src.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length == src.length()) {
            return b;
        }
        // The encoder turns a surrogate pair into one '?': map char by char instead.
        b = new byte[src.length()];
        for (int i = 0; i < b.length; i++) {
            char c = src.charAt(i);
            b[i] = (byte) (c <= 0xFF ? c : '?');
        }
        return b;
    }

    private int column() {
        return pos - lineStart + (line == firstLine ? columnBase : 1);
    }

    /** The byte at {@code i}, or {@link #EOF_BYTE} past the end. */
    private int at(int i) {
        return i < n ? in[i] : EOF_BYTE;
    }

    private void run() {
        while (pos < n) {
            int c = in[pos];
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == ';') {
                int col = column();
                int end = src.indexOf('\n', pos);
                end = end < 0 ? n : end;
                comments.add(new Comment(src.substring(pos + 1, end), line, col));
                pos = end;
            } else if (c == '%') {
                name();
            } else if (isDigit(c) || ((c == '-' || c == '+') && startsNumber(at(pos + 1)))) {
                number();
            } else if (isIdentStart(c)) {
                ident();
            } else if (c == '-' && at(pos + 1) == '>') {
                add(Token.Kind.PUNCT, "->", 2);
            } else if (c > 0 && PUNCT[c] != null) {
                add(Token.Kind.PUNCT, PUNCT[c], 1);
            } else {
                // Anything else, non-ASCII included: the character itself, from the string.
                int cp = src.codePointAt(pos);
                add(Token.Kind.ERROR, new String(Character.toChars(cp)), Character.charCount(cp));
            }
        }
        tokens.add(new Token(Token.Kind.EOF, "", line, column()));
    }

    private void add(Token.Kind kind, String text, int length) {
        tokens.add(new Token(kind, text, line, column()));
        pos += length;
    }

    private void name() {
        int start = pos;
        int col = column();
        pos++;
        while (pos < n && (isIdentPart(in[pos]) || in[pos] == '.' || in[pos] == '$')) {
            pos++;
        }
        if (pos == start + 1) {
            tokens.add(new Token(Token.Kind.ERROR, "%", line, col));
            return;
        }
        tokens.add(new Token(Token.Kind.NAME, texts.text(in, start + 1, pos), line, col));
    }

    private void ident() {
        int start = pos;
        int col = column();
        while (pos < n && isIdentPart(in[pos])) {
            pos++;
        }
        if (isFloatWord(start, pos)) {
            pos = start;
            number();
            return;
        }
        tokens.add(new Token(Token.Kind.IDENT, texts.text(in, start, pos), line, col));
    }

    /** {@code Inf}, {@code NaN} or {@code sNaN}: words that start a float literal. */
    private boolean isFloatWord(int start, int end) {
        return switch (end - start) {
            case 3 -> (in[start] == 'I' && in[start + 1] == 'n' && in[start + 2] == 'f') || endsWithNaN(start, end);
            case 4 -> in[start] == 's' && endsWithNaN(start, end);
            default -> false;
        };
    }

    /** A numeric literal: sign, digits, letters, '.', '_', exponent signs, and NaN payloads. */
    private void number() {
        int start = pos;
        int col = column();
        if (in[pos] == '-' || in[pos] == '+') {
            pos++;
        }
        boolean hex = at(pos) == '0' && (at(pos + 1) == 'x' || at(pos + 1) == 'X');
        while (pos < n) {
            int c = in[pos];
            if (isIdentPart(c) || c == '.') {
                pos++;
            } else if ((c == '-' || c == '+') && isExponentMark(in[pos - 1], hex)
                    && isDigit(at(pos + 1))) {
                pos++;
            } else if (c == ':' && endsWithNaN(start, pos) && at(pos + 1) == '0' && at(pos + 2) == 'x') {
                pos++;
                hex = true;
            } else {
                break;
            }
        }
        tokens.add(new Token(Token.Kind.NUMBER, texts.text(in, start, pos), line, col));
    }

    /**
     * Whether {@code prev} ends a mantissa before a signed exponent. Read only at a sign inside a
     * number, so never before the text's first character (a literal at the very start of the
     * text, {@code Inf} say, made the old lexer read index -1).
     */
    private static boolean isExponentMark(int prev, boolean hex) {
        return hex ? prev == 'p' || prev == 'P' : prev == 'e' || prev == 'E';
    }

    /** Whether the bytes {@code [start, end)} end with {@code NaN}. */
    private boolean endsWithNaN(int start, int end) {
        return end - start >= 3 && in[end - 3] == 'N' && in[end - 2] == 'a' && in[end - 1] == 'N';
    }

    private static boolean startsNumber(int c) {
        return isDigit(c) || c == 'I' || c == 'N' || c == 's';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentPart(int c) {
        return isIdentStart(c) || isDigit(c);
    }
}
