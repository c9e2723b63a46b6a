package dev.vex.text;

import dev.vex.diag.SourceLocation;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CLIF text: Cranelift's scalar subset plus the async forms of ASYNC-IR.md.
 *
 * <ul>
 *   <li>{@link #readTestFile} is forgiving: each function reads or fails on its own, and the
 *       result keeps headers, directives and per-function errors for the test runner.</li>
 *   <li>{@link #readModule} and {@link #readFunction} are strict: the first error is thrown.</li>
 * </ul>
 *
 * Every error is a {@link ParseException} (or {@link UnsupportedFeatureException}) located at
 * file:line:column; nothing else escapes, whatever the input.
 */
public final class ClifReader {
    private ClifReader() {
    }

    /** Reads a whole test file; never throws for bad input, which is reported in the result. */
    public static ClifTestFile readTestFile(String text, String fileName) {
        return new FileRead(text, fileName).run();
    }

    /** Reads every function of {@code text} into a module; throws the first error met. */
    public static Module readModule(String text, String fileName) {
        ClifTestFile file = readTestFile(text, fileName);
        ParseException first = null;
        for (ParseException e : file.fileErrors()) {
            first = earlier(first, e);
        }
        for (FunctionEntry e : file.functions()) {
            if (e.error() != null) {
                first = earlier(first, e.error());
            }
        }
        if (first != null) {
            throw first;
        }
        return file.module();
    }

    /** Reads text holding exactly one function. */
    public static Function readFunction(String text, String fileName) {
        Module m = readModule(text, fileName);
        if (m.functions().size() != 1) {
            throw new ParseException(new SourceLocation(fileName, 1, 1),
                    "expected exactly one function, found " + m.functions().size());
        }
        return m.functions().get(0);
    }

    /**
     * Reads a call written as in a run line, {@code %f(1, 0x2)} (optionally followed by
     * {@code == expected}), against the functions of {@code module}. Never throws for bad input:
     * a call that does not read comes back with {@link RunLine#error()} set.
     */
    public static RunLine readInvocation(String text, String source, Module module) {
        SourceLocation at = new SourceLocation(source, 1, 1);
        return RunLineReader.read(source, at, text, text, 1, 1, (name, where) -> {
            Function fn = module.function(name);
            if (fn == null) {
                throw new ParseException(where, "no function %" + name + " in this module");
            }
            return fn;
        });
    }

    private static ParseException earlier(ParseException a, ParseException b) {
        if (a == null) {
            return b;
        }
        SourceLocation x = a.location();
        SourceLocation y = b.location();
        return y.line() < x.line() || (y.line() == x.line() && y.column() < x.column()) ? b : a;
    }

    /** One pass over one file. */
    private static final class FileRead {
        private final String text;
        private final String file;
        private final Lexer lexer;
        private final TokenCursor in;
        private final List<String> tests = new ArrayList<>();
        private final List<String> settings = new ArrayList<>();
        private final List<TargetHeader> targets = new ArrayList<>();
        private final List<FunctionEntry> entries = new ArrayList<>();
        private final List<ParseException> fileErrors = new ArrayList<>();
        /** The text's lines, split only when a header needs them. */
        private String[] lines;

        FileRead(String text, String file) {
            this.text = text == null ? "" : text;
            this.file = file;
            this.lexer = new Lexer(this.text, 1, 1);
            this.in = new TokenCursor(lexer.tokens, file);
        }

        ClifTestFile run() {
            while (!in.atEnd()) {
                Token t = in.peek();
                if (isHeaderStart(t)) {
                    header(t);
                } else if (isFunctionStart()) {
                    function();
                } else {
                    fileErrors.add(in.expected("'function', 'test', 'set' or 'target'"));
                    skipToNextItem();
                }
            }
            Module module = module();
            directives();
            return new ClifTestFile(file, tests, settings, targets, entries, fileErrors, module);
        }

        private boolean isFunctionStart() {
            Token t = in.peek();
            return t.is("function") || (t.is("async") && in.peek(1).is("function"));
        }

        private boolean isHeaderStart(Token t) {
            return (t.is("test") || t.is("set") || t.is("target")) && !in.onSameLineAsPrevious(t);
        }

        private void header(Token keyword) {
            if (lines == null) {
                lines = text.split("\n", -1);
            }
            String line = lines[keyword.line() - 1];
            int comment = line.indexOf(';');
            String rest = (comment < 0 ? line : line.substring(0, comment)).substring(
                    Math.min(keyword.column() - 1 + keyword.text().length(), comment < 0 ? line.length() : comment)).strip();
            List<String> words = rest.isEmpty() ? List.of() : List.of(rest.split("\\s+"));
            SourceLocation at = in.location(keyword);
            switch (keyword.text()) {
                case "test" -> {
                    if (words.isEmpty()) {
                        fileErrors.add(new ParseException(at, "expected a test command after 'test', found end of line"));
                    }
                    tests.addAll(words);
                }
                case "set" -> settings.addAll(words);
                default -> {
                    if (words.isEmpty()) {
                        fileErrors.add(new ParseException(at, "expected an ISA name after 'target', found end of line"));
                    } else {
                        targets.add(new TargetHeader(words.get(0), words.subList(1, words.size()), at));
                    }
                }
            }
            while (!in.atEnd() && in.peek().line() == keyword.line()) {
                in.next();
            }
        }

        private void function() {
            int start = in.position();
            Token first = in.peek();
            SourceLocation at = in.location(first);
            Token nameTok = in.peek(first.is("async") ? 2 : 1);
            String name = nameTok.kind() == Token.Kind.NAME ? nameTok.text() : null;
            try {
                Function f = new FunctionReader(in).read();
                entries.add(new FunctionEntry(name, at, f, null));
            } catch (ParseException e) {
                entries.add(new FunctionEntry(name, at, null, e));
                // Resume at the next function or header. The error may have been found only after
                // the whole function was read, so the next item may already be under the cursor.
                if (in.position() <= start) {
                    in.seek(start + 1);
                }
                while (!in.atEnd() && !isFunctionStart() && !isHeaderStart(in.peek())) {
                    in.next();
                }
            }
        }

        /** Moves past at least one token, to the next function start or header line. */
        private void skipToNextItem() {
            if (!in.atEnd()) {
                in.next();
            }
            while (!in.atEnd() && !isFunctionStart() && !isHeaderStart(in.peek())) {
                in.next();
            }
        }

        private Module module() {
            ModuleBuilder mb = new ModuleBuilder();
            Map<String, Function> seen = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                FunctionEntry e = entries.get(i);
                Function f = e.function();
                if (f == null) {
                    continue;
                }
                if (seen.containsKey(f.name())) {
                    entries.set(i, new FunctionEntry(e.name(), e.location(), null,
                            new ParseException(e.location(), "function %" + f.name() + " is defined twice")));
                    continue;
                }
                seen.put(f.name(), f);
                mb.add(f);
            }
            return mb.build();
        }

        private void directives() {
            for (Comment c : lexer.comments) {
                String body = c.text();
                if (body.startsWith(";")) {
                    continue;
                }
                String trimmed = body.strip();
                int lead = body.indexOf(trimmed.isEmpty() ? " " : trimmed.substring(0, 1));
                SourceLocation at = new SourceLocation(file, c.line(), c.column());
                boolean bareRun = trimmed.equals("run");
                boolean run = trimmed.startsWith("run:");
                boolean error = trimmed.startsWith("error:");
                if (!bareRun && !run && !error) {
                    continue;
                }
                FunctionEntry owner = ownerOf(c.line());
                if (owner == null) {
                    fileErrors.add(new ParseException(at, "a '" + (error ? "error" : "run")
                            + "' directive must follow a function"));
                    continue;
                }
                if (error) {
                    owner.expectedErrors.add(new ErrorDirective(trimmed.substring("error:".length()).strip(), at));
                } else if (bareRun) {
                    owner.runs.add(owner.function() == null
                            ? RunLine.failed(at, body, owner.name(), didNotRead(at, owner))
                            : RunLineReader.bare(at, body, owner.function()));
                } else {
                    int offset = lead + "run:".length();
                    String rest = body.substring(offset);
                    // As in Cranelift, a run line calls the function it follows, whatever name it
                    // writes; its arguments and results are read against that function's
                    // signature, and the runner says so when the names differ.
                    FunctionEntry caller = owner;
                    owner.runs.add(RunLineReader.read(file, at, body, rest, c.line(), c.column() + 1 + offset,
                            (name, where) -> followed(caller, name, where)));
                }
            }
        }

        /** The function a run line runs: the one it follows, once the name it writes is known. */
        private Function followed(FunctionEntry owner, String name, SourceLocation at) {
            if (entries.stream().noneMatch(e -> name.equals(e.name()))) {
                throw new ParseException(at, "no function %" + name + " in this file");
            }
            if (owner.function() == null) {
                throw didNotRead(at, owner);
            }
            return owner.function();
        }

        private static ParseException didNotRead(SourceLocation at, FunctionEntry e) {
            String why = e.error() == null ? "" : ": " + e.error().getMessage();
            return new ParseException(at, "%" + e.name() + " did not read" + why);
        }

        private FunctionEntry ownerOf(int line) {
            FunctionEntry owner = null;
            for (FunctionEntry e : entries) {
                if (e.location().line() <= line) {
                    owner = e;
                }
            }
            return owner;
        }
    }
}
