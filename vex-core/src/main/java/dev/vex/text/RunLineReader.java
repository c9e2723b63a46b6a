package dev.vex.text;

import dev.vex.diag.SourceLocation;
import dev.vex.ir.AbiParam;
import dev.vex.ir.Signature;
import dev.vex.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of a {@code ; run:} directive in Cranelift's grammar:
 *
 * <pre>
 * run      := NAME '(' [literal {',' literal}] ')' [('==' | '!=') results]
 * results  := literal | '[' [literal {',' literal}] ']'
 * literal  := integer | float | 'true' | 'false'
 * </pre>
 *
 * Literals are typed by the called function's signature.
 */
final class RunLineReader {
    private RunLineReader() {
    }

    /**
     * Reads {@code body}, which starts at {@code line}:{@code column}; {@code lookup} finds a
     * function of the file by name, or throws a ParseException saying why it cannot.
     */
    static RunLine read(String file, SourceLocation at, String text, String body, int line, int column,
            java.util.function.BiFunction<String, SourceLocation, dev.vex.ir.Function> lookup) {
        Lexer lx = new Lexer(body, line, column);
        TokenCursor in = new TokenCursor(lx.tokens, file);
        String name = null;
        try {
            Token nameTok = in.peek();
            if (nameTok.kind() != Token.Kind.NAME) {
                throw in.expected("a function to call like %f(...)");
            }
            in.next();
            name = nameTok.text();
            dev.vex.ir.Function fn = lookup.apply(name, in.location(nameTok));
            Signature sig = fn.signature();
            in.expect("(", "to open the arguments");
            List<Token> argToks = new ArrayList<>();
            if (!in.peek().is(")")) {
                do {
                    argToks.add(literalToken(in));
                } while (in.accept(","));
            }
            in.expect(")", "to close the arguments");
            if (argToks.size() != sig.params().size()) {
                throw in.error(nameTok, (name.equals(fn.name()) ? "" : "the line runs %" + fn.name()
                        + ", the function it follows, not %" + name + ": ") + "%" + fn.name() + " takes " + sig.params().size() + " argument"
                        + (sig.params().size() == 1 ? "" : "s") + ", but the run line passes " + argToks.size());
            }
            List<Long> args = new ArrayList<>();
            for (int i = 0; i < argToks.size(); i++) {
                literal(in, argToks.get(i), sig.paramType(i), args);
            }
            if (in.atEnd()) {
                return new RunLine(at, text, name, args, RunLine.Comparison.NONE, List.of(), null);
            }
            RunLine.Comparison cmp;
            Token c = in.peek();
            if (c.is("=") && in.peek(1).is("=")) {
                cmp = RunLine.Comparison.EQUALS;
            } else if (c.kind() == Token.Kind.ERROR && c.text().equals("!") && in.peek(1).is("=")) {
                cmp = RunLine.Comparison.NOT_EQUALS;
            } else {
                throw in.expected("'==' or '!=' after the call");
            }
            in.next();
            in.next();
            Token open = in.peek();
            List<Token> resToks = new ArrayList<>();
            if (in.accept("[")) {
                if (!in.peek().is("]")) {
                    do {
                        resToks.add(literalToken(in));
                    } while (in.accept(","));
                }
                in.expect("]", "to close the expected results");
            } else {
                resToks.add(literalToken(in));
            }
            if (!in.atEnd()) {
                throw in.expected("the end of the run line");
            }
            List<AbiParam> rets = sig.returns();
            if (resToks.size() != rets.size()) {
                throw in.error(open, "%" + name + " returns " + rets.size() + " value" + (rets.size() == 1 ? "" : "s")
                        + ", but the run line expects " + resToks.size());
            }
            List<Long> expected = new ArrayList<>();
            for (int i = 0; i < resToks.size(); i++) {
                literal(in, resToks.get(i), rets.get(i).type(), expected);
            }
            return new RunLine(at, text, name, args, cmp, expected, null);
        } catch (ParseException e) {
            return RunLine.failed(at, text, name, e);
        }
    }

    /** A bare {@code ; run}: calls {@code fn}, which must take nothing and return an integer. */
    static RunLine bare(SourceLocation at, String text, dev.vex.ir.Function fn) {
        Signature sig = fn.signature();
        if (!sig.params().isEmpty() || sig.returns().size() != 1 || !sig.returnType(0).isInt()) {
            return RunLine.failed(at, text, fn.name(), new ParseException(at,
                    "a bare '; run' needs a function of type () -> iN, but %" + fn.name() + " is " + sig));
        }
        return new RunLine(at, text, fn.name(), List.of(), RunLine.Comparison.NON_ZERO, List.of(), null);
    }

    private static Token literalToken(TokenCursor in) {
        Token t = in.peek();
        if (t.kind() == Token.Kind.NUMBER || t.is("true") || t.is("false")) {
            return in.next();
        }
        throw in.expected("a literal");
    }

    /** Adds the bits of literal {@code t} of {@code type} to {@code out}: two longs for a wide type. */
    private static void literal(TokenCursor in, Token t, Type type, List<Long> out) {
        SourceLocation at = in.location(t);
        if (t.kind() == Token.Kind.IDENT) {
            if (!type.isInt()) {
                throw new ParseException(at, "expected a " + type + " literal, found '" + t.text() + "'");
            }
            out.add(t.text().equals("true") ? 1L : 0L);
            if (type.isWide()) {
                out.add(0L);
            }
            return;
        }
        if (type.isFloat()) {
            for (long half : Literals.floatBitsOfType(t.text(), type, at)) {
                out.add(half);
            }
            return;
        }
        if (type.isWide()) {
            for (long half : Literals.integer128(t.text(), at)) {
                out.add(half);
            }
            return;
        }
        out.add(Literals.integerOfType(t.text(), type, at));
    }
}
