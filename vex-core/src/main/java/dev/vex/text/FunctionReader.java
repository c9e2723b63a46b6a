package dev.vex.text;

import dev.vex.diag.SourceLocation;
import dev.vex.ir.AbiParam;
import dev.vex.ir.AtomicRmwOp;
import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.FloatCC;
import dev.vex.ir.FuncRef;
import dev.vex.ir.FutureFrame;
import dev.vex.ir.Function;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.GlobalValue;
import dev.vex.ir.Instruction;
import dev.vex.ir.InstructionFormat;
import dev.vex.ir.InstructionSpec;
import dev.vex.ir.IntCC;
import dev.vex.ir.IrBuildException;
import dev.vex.ir.MemFlags;
import dev.vex.ir.Opcode;
import dev.vex.ir.ParamFlag;
import dev.vex.ir.SigRef;
import dev.vex.ir.Signature;
import dev.vex.ir.StackSlot;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;
import dev.vex.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one function, from {@code [async] function} to its closing brace, into a
 * {@link FunctionBuilder}. Recursive descent, one method per grammar rule:
 *
 * <pre>
 * function  := ['async'] 'function' NAME signature '{' preamble* block* '}'
 * signature := '(' [param {',' param}] ')' ['->' param {',' param}] [callconv]
 * param     := type {flag}
 * preamble  := 'ssN' '=' 'explicit_slot' N [',' 'align' '=' N]
 *            | 'sigN' '=' signature
 *            | 'fnN' '=' {'colocated' | 'async'} NAME (signature | 'sigN') ['frame' N 'align' N]
 * block     := 'blockN' ['(' 'vN' ':' type {',' ...} ')'] ['cold'] ':' line*
 * line      := 'vN' '->' 'vM' | [results '='] opcode ['.' type] operands
 * </pre>
 *
 * Problems are {@link ParseException}s located at the offending token; type errors the builder
 * finds are reported at the instruction (or value) they concern.
 */
final class FunctionReader {
    /** The keyword of a future's frame clause, which no calling convention may be named. */
    private static final String FRAME_CLAUSE = "frame";

    private final TokenCursor in;
    private FunctionBuilder b;
    private final Map<Integer, Block> blocks = new HashMap<>();
    // Where errors the builder finds late are placed, kept as token indexes: the SourceLocation
    // of each is made only for an error.
    private final FirstUses firstUse = new FirstUses();
    private final List<Instruction> emitted = new ArrayList<>();
    private int[] emittedAt = new int[16];
    private int[] results = new int[4];
    private SourceLocation functionAt;

    FunctionReader(TokenCursor in) {
        this.in = in;
    }

    /** Reads the function starting at the cursor (at {@code function} or {@code async}). */
    Function read() {
        Token start = in.peek();
        functionAt = in.location(start);
        boolean isAsync = in.accept("async");
        in.expect("function", isAsync ? "after 'async'" : "");
        Token nameTok = in.peek();
        if (nameTok.kind() != Token.Kind.NAME) {
            if (nameTok.isNumbered("u") && in.peek(1).is(":")) {
                throw in.unsupported(nameTok, "user function names", "write the name as %name");
            }
            throw in.expected("a function name like %name");
        }
        in.next();
        Signature sig = signature(true);
        in.expect("{", "to open the function body");
        b = new FunctionBuilder(nameTok.text(), sig, isAsync);
        try {
            while (isPreambleEntry()) {
                preambleEntry();
            }
            declareBlocks();
            while (!in.peek().is("}")) {
                if (in.atEnd()) {
                    throw in.expected("'}' to close function %" + nameTok.text());
                }
                block();
            }
            in.next();
            return b.build();
        } catch (IrBuildException e) {
            throw located(e);
        }
    }

    // ---- Signatures ------------------------------------------------------------------------

    /** {@code inHeader}: a calling convention may sit on a later line (before the '{'). */
    private Signature signature(boolean inHeader) {
        in.expect("(", "to open the parameter list");
        List<AbiParam> params = new ArrayList<>();
        if (!in.peek().is(")")) {
            do {
                params.add(abiParam(true));
            } while (in.accept(","));
        }
        in.expect(")", "after the parameters");
        List<AbiParam> returns = new ArrayList<>();
        if (in.accept("->")) {
            do {
                returns.add(abiParam(inHeader));
            } while (in.accept(","));
        }
        String callConv = null;
        Token t = in.peek();
        if (t.kind() == Token.Kind.IDENT && !t.is(FRAME_CLAUSE) && (inHeader || in.onSameLineAsPrevious(t))) {
            callConv = in.next().text();
        }
        return new Signature(params, returns, callConv);
    }

    private AbiParam abiParam(boolean flagsOnAnyLine) {
        AbiParam p = AbiParam.of(type());
        while (in.peek().kind() == Token.Kind.IDENT && (flagsOnAnyLine || in.onSameLineAsPrevious(in.peek()))) {
            Token w = in.peek();
            ParamFlag f = ParamFlag.fromText(w.text());
            if (f == null) {
                String feature = Unsupported.purposeFeature(w.text());
                if (feature != null) {
                    throw in.unsupported(w, feature, "Vex has no such parameter purpose");
                }
                break;
            }
            in.next();
            p = p.with(f);
        }
        return p;
    }

    private Type type() {
        Token t = in.peek();
        if (t.kind() == Token.Kind.IDENT) {
            Type type = Type.parse(t.text());
            if (type != null) {
                in.next();
                return type;
            }
            String feature = Unsupported.typeFeature(t.text());
            if (feature != null) {
                throw in.unsupported(t, feature, "Vex supports i8 to i128 and f16 to f128");
            }
        }
        throw in.expected("a type");
    }

    // ---- Preamble --------------------------------------------------------------------------

    private boolean isPreambleEntry() {
        Token t = in.peek();
        if (t.kind() != Token.Kind.IDENT || !in.peek(1).is("=")) {
            return false;
        }
        return entityPrefix(t.text()) != null;
    }

    /** The letters of an entity like {@code ss3}, {@code gv0}, or the whole word {@code stack_limit}. */
    private static String entityPrefix(String word) {
        if (word.equals("stack_limit")) {
            return word;
        }
        int i = word.length();
        while (i > 0 && Character.isDigit(word.charAt(i - 1))) {
            i--;
        }
        if (i == word.length() || i == 0) {
            return null;
        }
        String prefix = word.substring(0, i);
        return prefix.equals("ss") || prefix.equals("sig") || prefix.equals("fn") || prefix.equals("gv")
                || Unsupported.entityFeature(prefix) != null ? prefix : null;
    }

    private void preambleEntry() {
        Token name = in.next();
        String prefix = entityPrefix(name.text());
        String feature = Unsupported.entityFeature(prefix);
        if (feature != null) {
            throw in.unsupported(name, feature, name.text() + " is not part of Vex's CLIF subset");
        }
        int number = entityNumber(name, prefix);
        in.expect("=", "after " + name.text());
        try {
            switch (prefix) {
                case "ss" -> stackSlot(number, name);
                case "sig" -> b.declareSignature(number, signature(false));
                case "gv" -> globalValue(number);
                default -> funcRef(number);
            }
        } catch (IrBuildException e) {
            throw new ParseException(in.location(name), e.getMessage());
        }
    }

    /** {@code vmctx} or {@code load.T flags gvN[+offset]}; the other forms are unsupported. */
    private void globalValue(int number) {
        Token kind = in.expectIdent("a global value: vmctx or load.T");
        if (kind.text().equals("vmctx")) {
            b.declareGlobalValue(number, null, null, null, 0);
            return;
        }
        if (!kind.text().equals("load")) {
            throw in.unsupported(kind, "global values", "Vex reads only 'vmctx' and 'load' global values");
        }
        in.expect(".", "after load");
        Type t = type();
        MemFlags flags = memFlags();
        Token base = in.peek();
        if (!base.isNumbered("gv")) {
            throw in.expected("the base global value like 'gv0'");
        }
        in.next();
        GlobalValue g = b.declaredGlobalValue(entityNumber(base, "gv"));
        if (g == null) {
            throw in.error(base, base.text() + " is not declared before its use");
        }
        b.declareGlobalValue(number, t, flags, g, offset());
    }

    private int entityNumber(Token t, String prefix) {
        String digits = t.text().substring(prefix.length());
        if (digits.length() > 9 || (digits.length() > 1 && digits.startsWith("0"))) {
            throw in.error(t, "bad entity number in '" + t.text() + "'");
        }
        return Integer.parseInt(digits);
    }

    private void stackSlot(int number, Token name) {
        Token kind = in.expectIdent("a stack slot kind such as explicit_slot");
        if (!kind.text().equals("explicit_slot")) {
            if (kind.text().equals("explicit_dynamic_slot")) {
                throw in.unsupported(kind, "dynamic stack slots", "use explicit_slot");
            }
            throw in.error(kind, "expected 'explicit_slot', found '" + kind.text() + "'");
        }
        int size = smallNumber("a slot size in bytes");
        int align = 0;
        if (in.accept(",")) {
            in.expect("align", "after ','");
            in.expect("=", "after 'align'");
            Token at = in.peek();
            align = smallNumber("an alignment in bytes");
            if (align == 0 || (align & (align - 1)) != 0) {
                throw in.error(at, "the alignment of " + name.text() + " must be a power of two, not " + align);
            }
        }
        b.declareStackSlot(number, size, align);
    }

    private int smallNumber(String what) {
        Token t = in.peek();
        if (t.kind() != Token.Kind.NUMBER || t.text().startsWith("-") || t.text().startsWith("+")) {
            throw in.expected(what);
        }
        long v = Literals.integer(t.text(), in.location(t));
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw in.error(t, what + " must be below 2^31, not " + t.text());
        }
        in.next();
        return (int) v;
    }

    private void funcRef(int number) {
        boolean colocated = false;
        boolean isAsync = false;
        while (true) {
            if (in.accept("colocated")) {
                colocated = true;
            } else if (in.accept("async")) {
                isAsync = true;
            } else {
                break;
            }
        }
        Token name = in.peek();
        if (name.kind() != Token.Kind.NAME) {
            if (name.isNumbered("u") && in.peek(1).is(":")) {
                throw in.unsupported(name, "user function names", "write the callee as %name");
            }
            throw in.expected("a callee name like %name");
        }
        if (Unsupported.isLibcall(name.text())) {
            throw in.unsupported(name, "libcalls", "%" + name.text() + " is one of Cranelift's named libcalls");
        }
        in.next();
        SigRef sig;
        if (in.peek().is("(")) {
            sig = b.importSignature(signature(false));
        } else {
            Token s = in.peek();
            if (!s.isNumbered("sig")) {
                throw in.expected("a signature '(...)' or a reference 'sigN' after %" + name.text());
            }
            in.next();
            sig = lookupSig(s);
        }
        FutureFrame frame = null;
        Token clause = in.peek();
        if (in.accept(FRAME_CLAUSE)) {
            if (!isAsync) {
                throw in.error(clause, "only an async callee (a future) states its frame: write fn" + number
                        + " = async %" + name.text() + " ... frame N align M");
            }
            long size = smallNumber("a frame size in bytes");
            in.expect("align", "after the frame size");
            Token at = in.peek();
            long align = smallNumber("a frame alignment in bytes");
            if (align == 0 || (align & (align - 1)) != 0) {
                throw in.error(at, "the frame alignment of %" + name.text() + " must be a power of two, not " + align);
            }
            frame = new FutureFrame(size, align);
        }
        b.declareFunction(number, name.text(), sig, colocated, isAsync, frame);
    }

    private SigRef lookupSig(Token s) {
        SigRef sig = null;
        if (s.isNumbered("sig")) {
            sig = sigRefNumbered(Integer.parseInt(s.text().substring(3)));
        }
        if (sig == null) {
            throw in.error(s, "'" + s.text() + "' is not a declared signature");
        }
        return sig;
    }

    private SigRef sigRefNumbered(int n) {
        return b.declaredSignature(n);
    }

    // ---- Blocks ----------------------------------------------------------------------------

    /** Creates every block of the body in text order, so the layout follows the text. */
    private void declareBlocks() {
        int save = in.position();
        int depth = 0;
        while (!in.atEnd()) {
            Token t = in.peek();
            if (t.is("}") && depth == 0) {
                break;
            }
            if (t.is("{")) {
                depth++;
            } else if (t.is("}")) {
                depth--;
            }
            if (isBlockHeader()) {
                int n = blockNumber(t);
                if (blocks.containsKey(n)) {
                    throw in.error(t, "block" + n + " is defined twice");
                }
                blocks.put(n, b.createBlockNumbered(n));
            }
            if (t.kind() == Token.Kind.IDENT && t.text().equals("function") && in.peek(1).kind() == Token.Kind.NAME) {
                break;
            }
            in.next();
        }
        in.seek(save);
    }

    /** At {@code blockN} followed by ':', 'cold', '(' ')' or '(' 'vN' ':'. */
    private boolean isBlockHeader() {
        Token t = in.peek();
        if (!t.isNumbered("block")) {
            return false;
        }
        Token n = in.peek(1);
        if (n.is(":") || n.is("cold")) {
            return true;
        }
        // `block1():` is a header; `block1()` in a block call (try_call's normal return) is not.
        return n.is("(") && (in.peek(2).is(")") ? in.peek(3).is(":") || in.peek(3).is("cold") : in.peek(3).is(":"));
    }

    private int blockNumber(Token t) {
        return numberAfter(t, "block".length(), "block");
    }

    private void block() {
        if (!isBlockHeader()) {
            throw in.expected("a block header like 'block0:' or an instruction");
        }
        Token name = in.next();
        Block block = blocks.get(blockNumber(name));
        if (in.accept("(")) {
            if (!in.peek().is(")")) {
                do {
                    Token v = in.peek();
                    int number = valueNumber("a block parameter like 'v0'");
                    in.expect(":", "after block parameter " + v.text());
                    Type t = type();
                    try {
                        b.appendBlockParam(block, t, number);
                    } catch (IrBuildException e) {
                        throw new ParseException(in.location(v), e.getMessage());
                    }
                } while (in.accept(","));
            }
            in.expect(")", "after the block parameters");
        }
        if (in.accept("cold")) {
            b.setCold(block, true);
        }
        in.expect(":", "after the block header " + name.text());
        b.switchToBlock(block);
        while (!in.peek().is("}") && !isBlockHeader() && !in.atEnd()) {
            line();
        }
    }

    // ---- Instructions ----------------------------------------------------------------------

    private void line() {
        Token first = in.peek();
        if (isValueToken(first) && in.peek(1).is("->")) {
            int alias = valueNumber("a value");
            in.next();
            int to = valueNumber("the value aliased by v" + alias);
            try {
                b.alias(alias, use(to));
            } catch (IrBuildException e) {
                throw new ParseException(in.location(first), e.getMessage());
            }
            return;
        }
        int numResults = 0;
        if (isValueToken(first) && (in.peek(1).is("=") || in.peek(1).is(","))) {
            do {
                if (numResults == results.length) {
                    results = java.util.Arrays.copyOf(results, 2 * numResults);
                }
                results[numResults++] = valueNumber("a result value");
            } while (in.accept(","));
            in.expect("=", "after the results");
        }
        instruction(numResults);
    }

    /** An instruction whose {@code numResults} result numbers are in {@link #results}. */
    private void instruction(int numResults) {
        Token opTok = in.peek();
        int opIndex = in.position();
        if (opTok.kind() != Token.Kind.IDENT) {
            throw in.expected(numResults == 0 ? "an instruction" : "an opcode");
        }
        Opcode op = Opcode.fromText(opTok.text());
        if (op == null) {
            String feature = Unsupported.opcodeFeature(opTok.text());
            if (feature != null) {
                throw in.unsupported(opTok, feature, "opcode " + opTok.text() + " is not part of Vex's CLIF subset");
            }
            throw in.error(opTok, "unknown opcode '" + opTok.text() + "'");
        }
        in.next();
        InstructionSpec spec = new InstructionSpec(op);
        if (in.peek().is(".") && in.onSameLineAsPrevious(in.peek())) {
            in.next();
            spec.type(type());
        }
        operands(spec, op.format());
        if (numResults > 0) {
            spec.resultNumbers(java.util.Arrays.copyOf(results, numResults));
        }
        Token after = in.peek();
        if (after.line() == opTok.line() && after.kind() != Token.Kind.EOF && !after.is("}")) {
            throw in.expected("the end of the " + op + " instruction");
        }
        try {
            Instruction inst = b.emit(spec);
            if (emitted.size() == emittedAt.length) {
                emittedAt = java.util.Arrays.copyOf(emittedAt, 2 * emittedAt.length);
            }
            emittedAt[emitted.size()] = opIndex;
            emitted.add(inst);
        } catch (IrBuildException e) {
            throw buildError(in.location(opTok), e);
        }
    }

    private void operands(InstructionSpec s, InstructionFormat f) {
        switch (f) {
            case NULLARY -> { }
            case UNARY -> s.operand(value());
            case UNARY_IMM -> s.imm(imm64());
            case UNARY_IEEE32 -> s.imm(floatLiteral(Type.F32));
            case UNARY_IEEE64 -> s.imm(floatLiteral(Type.F64));
            case UNARY_IEEE16 -> s.imm(floatLiteral(Type.F16));
            case UNARY_IEEE128 -> {
                Token t = in.peek();
                if (t.kind() != Token.Kind.NUMBER) {
                    throw in.expected("an f128 literal");
                }
                long[] bits = Literals.floatBitsOfType(t.text(), Type.F128, in.location(t));
                in.next();
                s.imm(bits[0]).immHigh(bits[1]);
            }
            case BINARY -> s.operands(value(), commaValue());
            case BINARY_IMM64 -> {
                s.operand(value());
                comma("before the immediate");
                s.imm(imm64());
            }
            case TERNARY -> s.operands(value(), commaValue(), commaValue());
            case INT_COMPARE -> s.intCC(intCC()).operands(value(), commaValue());
            case INT_COMPARE_IMM -> {
                s.intCC(intCC()).operand(value());
                comma("before the immediate");
                s.imm(imm64());
            }
            case FLOAT_COMPARE -> s.floatCC(floatCC()).operands(value(), commaValue());
            case JUMP -> s.destination(blockCall());
            case BRIF -> {
                s.operand(value());
                comma("before the branch destination");
                s.destination(blockCall());
                comma("before the else destination");
                s.destination(blockCall());
            }
            case BRANCH_TABLE -> branchTable(s);
            case MULTI_ARY -> {
                if (isValueToken(in.peek()) && in.onSameLineAsPrevious(in.peek())) {
                    s.operand(value());
                    while (in.accept(",")) {
                        s.operand(value());
                    }
                }
            }
            case CALL -> {
                s.funcRef(funcRefOperand());
                s.operands(argumentList());
            }
            case CALL_INDIRECT -> {
                s.sigRef(sigRefOperand());
                comma("after the signature");
                s.operand(value());
                s.operands(argumentList());
            }
            case FUNC_ADDR -> s.funcRef(funcRefOperand());
            case LOAD -> {
                s.memFlags(memFlags()).operand(value());
                s.offset(offset());
            }
            case LOAD_NO_OFFSET -> s.memFlags(memFlags()).operand(value());
            case STORE_NO_OFFSET -> s.memFlags(memFlags()).operands(value(), commaValue());
            case ATOMIC_RMW -> {
                s.memFlags(memFlags());
                Token t = in.peek();
                AtomicRmwOp op = t.kind() == Token.Kind.IDENT ? AtomicRmwOp.fromText(t.text()) : null;
                if (op == null) {
                    throw in.expected("an atomic operation (add, sub, and, nand, or, xor, xchg, umin, umax, smin, smax)");
                }
                in.next();
                s.atomicOp(op).operands(value(), commaValue());
            }
            case ATOMIC_CAS -> s.memFlags(memFlags()).operands(value(), commaValue(), commaValue());
            case STORE -> {
                s.memFlags(memFlags()).operand(value());
                s.operand(commaValue());
                s.offset(offset());
            }
            case STACK_LOAD -> {
                s.stackSlot(stackSlotOperand());
                s.offset(offset());
            }
            case STACK_STORE -> {
                s.operand(value());
                comma("before the stack slot");
                s.stackSlot(stackSlotOperand());
                s.offset(offset());
            }
            case TRAP -> s.trapCode(trapCode());
            case COND_TRAP -> {
                s.operand(value());
                comma("before the trap code");
                s.trapCode(trapCode());
            }
            case INT_ADD_TRAP -> {
                s.operands(value(), commaValue());
                comma("before the trap code");
                s.trapCode(trapCode());
            }
        }
    }

    private void branchTable(InstructionSpec s) {
        s.operand(value());
        comma("before the default destination");
        s.destination(blockCall());
        comma("before the jump table");
        Token t = in.peek();
        if (t.isNumbered("jt")) {
            throw in.unsupported(t, "jump tables", "write the table inline: [block1, block2]");
        }
        in.expect("[", "to open the jump table");
        if (!in.peek().is("]")) {
            do {
                s.destination(blockCall());
            } while (in.accept(","));
        }
        in.expect("]", "to close the jump table");
    }

    private List<Value> argumentList() {
        in.expect("(", "to open the argument list");
        List<Value> args = new ArrayList<>();
        if (!in.peek().is(")")) {
            do {
                args.add(value());
            } while (in.accept(","));
        }
        in.expect(")", "to close the argument list");
        return args;
    }

    private BlockCall blockCall() {
        Token t = in.peek();
        if (!t.isNumbered("block")) {
            throw in.expected("a block like 'block1'");
        }
        in.next();
        Block block = blocks.get(blockNumber(t));
        if (block == null) {
            throw in.error(t, t.text() + " is not defined in this function");
        }
        List<Value> args = new ArrayList<>();
        if (in.peek().is("(") && in.onSameLineAsPrevious(in.peek())) {
            args = argumentList();
        }
        return new BlockCall(block, args);
    }

    private MemFlags memFlags() {
        MemFlags flags = MemFlags.NONE;
        while (in.peek().kind() == Token.Kind.IDENT) {
            MemFlags.Flag f = MemFlags.Flag.fromText(in.peek().text());
            if (f == null) {
                break;
            }
            in.next();
            flags = flags.with(f);
        }
        return flags;
    }

    private int offset() {
        Token t = in.peek();
        if (t.kind() != Token.Kind.NUMBER || !(t.text().startsWith("+") || t.text().startsWith("-"))
                || !in.onSameLineAsPrevious(t)) {
            return 0;
        }
        long v = Literals.integer(t.text(), in.location(t));
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw in.error(t, "offset " + t.text() + " does not fit in 32 bits");
        }
        in.next();
        return (int) v;
    }

    private IntCC intCC() {
        Token t = in.peek();
        IntCC cc = t.kind() == Token.Kind.IDENT ? IntCC.fromText(t.text()) : null;
        if (cc == null) {
            throw in.expected("an integer condition code (eq, ne, slt, ult, ...)");
        }
        in.next();
        return cc;
    }

    private FloatCC floatCC() {
        Token t = in.peek();
        FloatCC cc = t.kind() == Token.Kind.IDENT ? FloatCC.fromText(t.text()) : null;
        if (cc == null) {
            throw in.expected("a float condition code (eq, lt, uno, ...)");
        }
        in.next();
        return cc;
    }

    private TrapCode trapCode() {
        Token t = in.peek();
        TrapCode code = t.kind() == Token.Kind.IDENT ? TrapCode.fromText(t.text()) : null;
        if (code == null) {
            throw in.expected("a trap code (int_ovf, int_divz, heap_oob, user1, ...)");
        }
        in.next();
        return code;
    }

    private FuncRef funcRefOperand() {
        Token t = in.peek();
        if (t.isNumbered("fn")) {
            FuncRef r = b.declaredFunction(Integer.parseInt(t.text().substring(2)));
            if (r == null) {
                throw in.error(t, "'" + t.text() + "' is not a declared function reference");
            }
            in.next();
            return r;
        }
        throw in.expected("a function reference like 'fn0'");
    }

    private SigRef sigRefOperand() {
        Token t = in.peek();
        if (t.isNumbered("sig")) {
            SigRef r = lookupSig(t);
            in.next();
            return r;
        }
        throw in.expected("a signature reference like 'sig0'");
    }

    private StackSlot stackSlotOperand() {
        Token t = in.peek();
        if (t.isNumbered("ss")) {
            StackSlot s = b.declaredStackSlot(Integer.parseInt(t.text().substring(2)));
            if (s == null) {
                throw in.error(t, "'" + t.text() + "' is not a declared stack slot");
            }
            in.next();
            return s;
        }
        throw in.expected("a stack slot like 'ss0'");
    }

    private long imm64() {
        Token t = in.peek();
        if (t.kind() != Token.Kind.NUMBER) {
            throw in.expected("an integer immediate");
        }
        long v = Literals.integer(t.text(), in.location(t));
        in.next();
        return v;
    }

    private long floatLiteral(Type type) {
        Token t = in.peek();
        if (t.kind() != Token.Kind.NUMBER) {
            throw in.expected("a " + type + " literal");
        }
        long bits = Literals.floatBits(t.text(), type, in.location(t));
        in.next();
        return bits;
    }

    private void comma(String context) {
        in.expect(",", context);
    }

    private Value commaValue() {
        in.expect(",", "after operand");
        return value();
    }

    private static boolean isValueToken(Token t) {
        return t.isNumbered("v");
    }

    private int valueNumber(String what) {
        Token t = in.peek();
        if (!isValueToken(t)) {
            throw in.expected(what);
        }
        int number = numberAfter(t, 1, "value");
        in.next();
        return number;
    }

    /**
     * The digits of a numbered word ({@link Token#isNumbered}) after its prefix of {@code from}
     * characters, read in place; a leading zero is an error naming the {@code what}.
     */
    private int numberAfter(Token t, int from, String what) {
        String text = t.text();
        if (text.length() - from > 1 && text.charAt(from) == '0') {
            throw in.error(t, "bad " + what + " number in '" + text + "'");
        }
        return Integer.parseInt(text, from, text.length(), 10);
    }

    private Value value() {
        int n = valueNumber("a value like 'v1'");
        return use(n);
    }

    /** The value {@code number}, used at the token just read. */
    private Value use(int number) {
        firstUse.record(number, in.position() - 1);
        return b.valueNumbered(number);
    }

    // ---- Errors ----------------------------------------------------------------------------

    private ParseException buildError(SourceLocation at, IrBuildException e) {
        if (e.unsupportedFeature() != null) {
            return new UnsupportedFeatureException(at, e.unsupportedFeature(), e.getMessage());
        }
        return new ParseException(at, e.getMessage());
    }

    /** An error found by {@link FunctionBuilder#build()}, placed at what it concerns. */
    private ParseException located(IrBuildException e) {
        SourceLocation at = null;
        if (e.instruction() != null) {
            int k = emitted.indexOf(e.instruction());
            if (k >= 0) {
                at = in.location(in.tokenAt(emittedAt[k]));
            }
        }
        if (at == null && e.valueNumber() >= 0) {
            int token = firstUse.tokenOf(e.valueNumber());
            if (token >= 0) {
                at = in.location(in.tokenAt(token));
            }
        }
        return buildError(at != null ? at : functionAt, e);
    }
}
