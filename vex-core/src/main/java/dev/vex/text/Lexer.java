package dev.vex.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CLIF text into {@link Token}s and {@link Comment}s. Never fails: a character that
 * starts no token becomes an {@code ERROR} token, which the reader reports where it matters.
 */
final class Lexer {
    private final String src;
    private int pos;
    private int line;
    private int lineStart;
    private final int columnBase;
    final List<Token> tokens = new ArrayList<>();
    final List<Comment> comments = new ArrayList<>();

    /** Lexes {@code src}, whose first character is at {@code line}:{@code column}. */
    Lexer(String src, int line, int column) {
        this.src = src;
        this.line = line;
        this.columnBase = column;
        run();
    }

    private int column() {
        return pos - lineStart + (line == firstLine ? columnBase : 1);
    }

    private int firstLine = -1;

    private void run() {
        firstLine = line;
        int n = src.length();
        while (pos < n) {
            char c = src.charAt(pos);
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
            } else if (isDigit(c) || ((c == '-' || c == '+') && pos + 1 < n && startsNumber(src.charAt(pos + 1)))) {
                number();
            } else if (isIdentStart(c)) {
                ident();
            } else if (c == '-' && pos + 1 < n && src.charAt(pos + 1) == '>') {
                add(Token.Kind.PUNCT, "->", 2);
            } else if ("(){}[],:=.".indexOf(c) >= 0) {
                add(Token.Kind.PUNCT, String.valueOf(c), 1);
            } else {
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
        while (pos < src.length() && (isIdentPart(src.charAt(pos)) || src.charAt(pos) == '.' || src.charAt(pos) == '$')) {
            pos++;
        }
        if (pos == start + 1) {
            tokens.add(new Token(Token.Kind.ERROR, "%", line, col));
            return;
        }
        tokens.add(new Token(Token.Kind.NAME, src.substring(start + 1, pos), line, col));
    }

    private void ident() {
        int start = pos;
        int col = column();
        while (pos < src.length() && isIdentPart(src.charAt(pos))) {
            pos++;
        }
        String word = src.substring(start, pos);
        if (word.equals("Inf") || word.equals("NaN") || word.equals("sNaN")) {
            pos = start;
            number();
            return;
        }
        tokens.add(new Token(Token.Kind.IDENT, word, line, col));
    }

    /** A numeric literal: sign, digits, letters, '.', '_', exponent signs, and NaN payloads. */
    private void number() {
        int start = pos;
        int col = column();
        if (src.charAt(pos) == '-' || src.charAt(pos) == '+') {
            pos++;
        }
        boolean hex = src.startsWith("0x", pos) || src.startsWith("0X", pos);
        while (pos < src.length()) {
            char c = src.charAt(pos);
            char prev = src.charAt(pos - 1);
            if (isIdentPart(c) || c == '.') {
                pos++;
            } else if ((c == '-' || c == '+') && (hex ? prev == 'p' || prev == 'P' : prev == 'e' || prev == 'E')
                    && pos + 1 < src.length() && isDigit(src.charAt(pos + 1))) {
                pos++;
            } else if (c == ':' && endsWithNaN(start, pos) && src.startsWith("0x", pos + 1)) {
                pos++;
                hex = true;
            } else {
                break;
            }
        }
        tokens.add(new Token(Token.Kind.NUMBER, src.substring(start, pos), line, col));
    }

    private boolean endsWithNaN(int start, int end) {
        String s = src.substring(start, end);
        return s.endsWith("NaN");
    }

    private static boolean startsNumber(char c) {
        return isDigit(c) || c == 'I' || c == 'N' || c == 's';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }
}
