package dev.vex.ir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * SSA construction from {@link Variable}s for one {@link FunctionBuilder}, after Braun, Buchwald,
 * Hack, Leißa, Mallon and Zwinkau, "Simple and Efficient Construction of Static Single Assignment
 * Form" (CC 2013), with block parameters in the role of phis.
 *
 * <ul>
 *   <li>Each block keeps the last value defined for each variable in it.</li>
 *   <li>A use in a block with no local definition looks backwards: through a chain of single
 *       predecessors without placing anything; at a block with several predecessors it places a
 *       parameter whose operands are the variable's values at the end of each predecessor; at a
 *       block not yet sealed (more predecessors may come) it places a parameter whose operands
 *       are filled in when the block is sealed.</li>
 *   <li>A parameter whose operands are all itself or one other value is trivial: it is removed,
 *       made an alias of that value, and the parameters that used it are checked again.</li>
 *   <li>Block arguments for the placed parameters are appended to the predecessors' branches
 *       ({@code jump}, both edges of {@code brif}, every entry of {@code br_table}) once, when
 *       the function is built; until then the operands live here.</li>
 * </ul>
 *
 * <p>The backward look runs on an explicit work stack, so a long chain of blocks does not
 * overflow the Java stack.
 */
final class SsaBuilder {
    private final FunctionBuilder builder;
    private final Function fn;
    private final List<Variable> variables = new ArrayList<>();
    private BlockState[] states = new BlockState[8];
    private final Map<Value, Phi> phis = new IdentityHashMap<>();
    private final ArrayDeque<Object> calls = new ArrayDeque<>();
    private final ArrayDeque<Value> results = new ArrayDeque<>();
    private final ArrayDeque<Phi> trivialCandidates = new ArrayDeque<>();
    private boolean removedAny;
    private boolean finished;

    /** A predecessor edge: destination {@code dest} of {@code branch}. */
    private record Edge(Instruction branch, int dest) {
        Block from() {
            return branch.block();
        }
    }

    private static final class BlockState {
        boolean sealed;
        final List<Edge> preds = new ArrayList<>(2);
        Value[] defs = new Value[0];
        List<Phi> incomplete;
        int livePhis;
    }

    /** A placed parameter: operands by predecessor edge, null until its block is sealed. */
    private static final class Phi {
        final Variable variable;
        final Value value;
        final Block block;
        Value[] operands;
        boolean removed;
        final List<Phi> users = new ArrayList<>(1);

        Phi(Variable variable, Value value, Block block) {
            this.variable = variable;
            this.value = value;
            this.block = block;
        }
    }

    /** Work-stack frame: look {@code variable} up at the end of {@code block}. */
    private record Lookup(Variable variable, Block block) {
    }

    /** Work-stack frame: the operands of {@code phi} are on the result stack. */
    private record Complete(Phi phi, List<Block> passed) {
    }

    /** Starts from the branches {@code fn} already has. */
    SsaBuilder(FunctionBuilder builder, Function fn) {
        this.builder = builder;
        this.fn = fn;
        for (Instruction inst : fn.instructions) {
            if (inst.block() != null) {
                noteBranch(inst);
            }
        }
    }

    Variable declare(Type type) {
        if (type == null) {
            throw fail(null, "a variable needs a type");
        }
        Variable v = new Variable(variables.size(), type);
        variables.add(v);
        return v;
    }

    boolean hasVariables() {
        return !variables.isEmpty();
    }

    void define(Variable variable, Value value, Block block) {
        own(variable);
        if (block == null) {
            throw fail(null, "defining " + variable + ": no current block; call switchToBlock first");
        }
        if (value == null) {
            throw fail(block, variable + " is defined as null");
        }
        Value v = resolve(value);
        if (v.id() < 0 || v.id() >= fn.values.size() || fn.values.get(v.id()) != v) {
            throw fail(block, variable + " is defined as " + value + ", which is not a defined value of this function");
        }
        if (v.type() != variable.type()) {
            throw fail(block, variable + " is " + variable.type() + ", but " + value + " is " + v.type());
        }
        setDef(variable, block, v);
    }

    Value use(Variable variable, Block block) {
        own(variable);
        if (block == null) {
            throw fail(null, "using " + variable + ": no current block; call switchToBlock first");
        }
        calls.push(new Lookup(variable, block));
        run();
        return results.pop();
    }

    void seal(Block block) {
        BlockState s = state(block);
        if (s.sealed) {
            return;
        }
        s.sealed = true;
        if (s.incomplete == null) {
            return;
        }
        List<Phi> waiting = s.incomplete;
        s.incomplete = null;
        for (Phi phi : waiting) {
            calls.push(new Complete(phi, null));
            for (int i = s.preds.size() - 1; i >= 0; i--) {
                calls.push(new Lookup(phi.variable, s.preds.get(i).from()));
            }
            run();
            results.pop();
        }
    }

    void sealAll() {
        for (Block b : fn.blocks) {
            seal(b);
        }
    }

    boolean isSealed(Block block) {
        return state(block).sealed;
    }

    /** Records the edges of a branch just made; a sealed block takes no new predecessors. */
    void noteBranch(Instruction branch) {
        BlockCall[] dests = branch.destinationArray();
        for (BlockCall c : dests) {
            if (state(c.block()).sealed) {
                throw fail(branch.block() != null ? branch.block() : builder.currentBlock(), branch.opcode()
                        + ": branches to " + c.block() + ", which is sealed: all its predecessors were declared");
            }
        }
        for (int d = 0; d < dests.length; d++) {
            state(dests[d].block()).preds.add(new Edge(branch, d));
        }
    }

    /** Whether parameters were placed in {@code block}: its branches get their arguments at build. */
    boolean hasPlacedParams(Block block) {
        return block.id() < states.length && states[block.id()] != null && states[block.id()].livePhis > 0;
    }

    /** The front end's own parameters come first; none after a placed one. */
    void checkExplicitParam(Block block) {
        if (hasPlacedParams(block)) {
            throw fail(block, "a parameter is appended to " + block
                    + " after parameters placed for variables; append the block's own parameters first");
        }
    }

    /**
     * Before the function is built: every block sealed, the placed parameters' arguments appended
     * to every predecessor branch, the removed parameters dropped from the function's values.
     * Returns whether any value became an alias (its uses still need resolving).
     */
    boolean finish() {
        if (finished) {
            return removedAny;
        }
        if (!variables.isEmpty()) {
            for (Block b : fn.blocks) {
                if (!state(b).sealed) {
                    throw fail(b, b + " is not sealed; call sealBlock when its predecessors are all known, or sealAllBlocks");
                }
            }
        }
        for (Block b : fn.blocks) {
            BlockState s = state(b);
            if (s.livePhis == 0) {
                continue;
            }
            for (int i = 0; i < s.preds.size(); i++) {
                Edge e = s.preds.get(i);
                BlockCall[] dests = e.branch.destinationArray().clone();
                List<Value> args = new ArrayList<>(dests[e.dest].args());
                for (Value p : b.params()) {
                    Phi phi = phis.get(p);
                    if (phi != null) {
                        args.add(resolve(phi.operands[i]));
                    }
                }
                dests[e.dest] = new BlockCall(b, args);
                e.branch.replaceOperands(e.branch.operandArray(), dests);
            }
        }
        finished = true;
        if (removedAny) {
            fn.removeValues(v -> {
                Phi phi = phis.get(v);
                return phi != null && phi.removed;
            });
        }
        return removedAny;
    }

    // ---- The backward look -------------------------------------------------------------------

    private void run() {
        while (!calls.isEmpty()) {
            Object call = calls.pop();
            if (call instanceof Lookup l) {
                lookup(l.variable, l.block);
            } else {
                Complete c = (Complete) call;
                Phi phi = c.phi;
                int n = state(phi.block).preds.size();
                Value[] ops = new Value[n];
                for (int i = n - 1; i >= 0; i--) {
                    ops[i] = results.pop();
                }
                Value v = complete(phi, ops);
                if (c.passed != null) {
                    for (Block b : c.passed) {
                        setDef(phi.variable, b, v);
                    }
                }
                results.push(v);
            }
        }
    }

    /** Pushes the value of {@code variable} at the end of {@code block}, or the frames that make it. */
    private void lookup(Variable variable, Block block) {
        List<Block> passed = null;
        Block cur = block;
        int steps = 0;
        Value found;
        while (true) {
            Value d = def(variable, cur);
            if (d != null) {
                found = resolve(d);
                break;
            }
            BlockState s = state(cur);
            if (!s.sealed) {
                Phi phi = place(variable, cur);
                if (s.incomplete == null) {
                    s.incomplete = new ArrayList<>(2);
                }
                s.incomplete.add(phi);
                found = phi.value;
                setDef(variable, cur, found);
                break;
            }
            int preds = s.preds.size();
            if (preds == 1 && steps++ <= fn.blocks.size()) {
                if (passed == null) {
                    passed = new ArrayList<>(4);
                }
                passed.add(cur);
                cur = s.preds.get(0).from();
                continue;
            }
            if (preds <= 1) {
                // No predecessors, or a cycle of single predecessors: unreachable, unless it is the entry.
                if (cur == fn.entryBlock() && preds == 0) {
                    throw fail(block, variable + " (" + variable.type() + ") is used in " + block
                            + " but not defined on every path to it from the entry block");
                }
                Phi phi = place(variable, cur);
                phi.operands = new Value[0];
                found = phi.value;
                setDef(variable, cur, found);
                break;
            }
            // Several predecessors: the variable's value at the end of each is an operand.
            Phi phi = place(variable, cur);
            setDef(variable, cur, phi.value);
            calls.push(new Complete(phi, passed));
            for (int i = preds - 1; i >= 0; i--) {
                calls.push(new Lookup(variable, s.preds.get(i).from()));
            }
            return;
        }
        if (passed != null) {
            for (Block b : passed) {
                setDef(variable, b, found);
            }
        }
        results.push(found);
    }

    private Phi place(Variable variable, Block block) {
        Value v = builder.placeParam(block, variable.type());
        Phi phi = new Phi(variable, v, block);
        phis.put(v, phi);
        state(block).livePhis++;
        return phi;
    }

    /** Gives {@code phi} its operands and removes it if trivial; returns the value it stands for. */
    private Value complete(Phi phi, Value[] operands) {
        phi.operands = operands;
        for (Value op : operands) {
            Phi user = phis.get(resolve(op));
            if (user != null && user != phi && !user.removed) {
                user.users.add(phi);
            }
        }
        trivialCandidates.push(phi);
        while (!trivialCandidates.isEmpty()) {
            removeIfTrivial(trivialCandidates.pop());
        }
        return resolve(phi.value);
    }

    private void removeIfTrivial(Phi phi) {
        if (phi.removed || phi.operands == null) {
            return;
        }
        Value same = null;
        for (Value op : phi.operands) {
            Value o = resolve(op);
            if (o == same || o == phi.value) {
                continue;
            }
            if (same != null) {
                return;
            }
            same = o;
        }
        if (same == null) {
            return; // only itself: an unreachable loop; the parameter stays, harmless
        }
        phi.block.removeParam(phi.value.index());
        phi.value.setAliasOf(same);
        phi.removed = true;
        removedAny = true;
        state(phi.block).livePhis--;
        Phi target = phis.get(same);
        for (Phi user : phi.users) {
            if (user != phi) {
                trivialCandidates.push(user);
                if (target != null && user != target) {
                    target.users.add(user);
                }
            }
        }
    }

    // ---- Tables ------------------------------------------------------------------------------

    private BlockState state(Block block) {
        int id = block.id();
        if (id >= states.length) {
            states = Arrays.copyOf(states, Math.max(states.length * 2, id + 1));
        }
        BlockState s = states[id];
        if (s == null) {
            s = new BlockState();
            states[id] = s;
        }
        return s;
    }

    private Value def(Variable variable, Block block) {
        Value[] defs = state(block).defs;
        return variable.index() < defs.length ? defs[variable.index()] : null;
    }

    private void setDef(Variable variable, Block block, Value value) {
        BlockState s = state(block);
        if (variable.index() >= s.defs.length) {
            s.defs = Arrays.copyOf(s.defs, Math.max(variables.size(), variable.index() + 1));
        }
        s.defs[variable.index()] = value;
    }

    private void own(Variable variable) {
        if (variable == null) {
            throw fail(null, "variable is null");
        }
        if (variable.index() >= variables.size() || variables.get(variable.index()) != variable) {
            throw fail(null, variable + " belongs to another function");
        }
    }

    private static Value resolve(Value v) {
        Value r = v;
        while (r.aliasOf() != null) {
            r = r.aliasOf();
        }
        return r;
    }

    private IrBuildException fail(Block block, String message) {
        return new IrBuildException("function %" + fn.name() + ", " + (block == null ? "" : block + ", ") + message);
    }
}
