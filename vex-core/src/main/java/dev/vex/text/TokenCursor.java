package dev.vex.text;

import dev.vex.diag.SourceLocation;
import java.util.List;

/** A position in a token list, with the small helpers every part of the reader shares. */
final class TokenCursor {
    private final List<Token> tokens;
    private final String file;
    private int pos;

    TokenCursor(List<Token> tokens, String file) {
        this.tokens = tokens;
        this.file = file;
    }

    String file() {
        return file;
    }

    int position() {
        return pos;
    }

    void seek(int position) {
        pos = Math.min(position, tokens.size() - 1);
    }

    /** The token at an index from {@link #position()}. */
    Token tokenAt(int index) {
        return tokens.get(index);
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token previous() {
        return tokens.get(Math.max(pos - 1, 0));
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.EOF) {
            pos++;
        }
        return t;
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.EOF;
    }

    /** Consumes the punctuation or word {@code text} if it is next. */
    boolean accept(String text) {
        if (peek().is(text)) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes {@code text} or fails with "expected 'text' {context}, found ...". */
    Token expect(String text, String context) {
        if (!peek().is(text)) {
            throw expected("'" + text + "'" + (context.isEmpty() ? "" : " " + context));
        }
        return next();
    }

    /** Consumes a word (any identifier) or fails. */
    Token expectIdent(String what) {
        if (peek().kind() != Token.Kind.IDENT) {
            throw expected(what);
        }
        return next();
    }

    /** Whether {@code t} is on the same line as the token before it. */
    boolean onSameLineAsPrevious(Token t) {
        return pos > 0 && t.line() == previous().line();
    }

    SourceLocation location(Token t) {
        return new SourceLocation(file, t.line(), t.column());
    }

    SourceLocation here() {
        return location(peek());
    }

    /** "expected {what}, found {the next token}", located at the next token. */
    ParseException expected(String what) {
        return error(peek(), "expected " + what + ", found " + found(peek()));
    }

    ParseException error(Token at, String message) {
        return new ParseException(location(at), message);
    }

    UnsupportedFeatureException unsupported(Token at, String feature, String detail) {
        return new UnsupportedFeatureException(location(at), feature, detail);
    }

    private static String found(Token t) {
        if (t.kind() == Token.Kind.ERROR) {
            return "the stray character " + t.describe();
        }
        return t.describe();
    }
}
