package dev.vex.interp;

/**
 * Runs one task's instructions until the task suspends, returns or traps. The task's frames are
 * an explicit stack ({@link Task}), so a call pushes a frame and continues in the same loop;
 * nothing recurses in Java. Pure operations go to {@link ScalarEvaluator}.
 */
final class Executor {
    private final Program program;
    private final Memory memory;
    private final Scheduler scheduler;
    private final Builtins builtins;
    private final long stepLimit;
    private final int depthLimit;
    private long steps;
    private final long[] evalArgs = new long[3];
    private final long[] evalOut = new long[2];
    private final long[] evalArgsHigh = new long[3];
    private final long[] evalOutHigh = new long[2];
    private long[] branchScratch = new long[8];
    private String trapFunction = "";

    Executor(Program program, Memory memory, Scheduler scheduler, Builtins builtins, InterpreterOptions options) {
        this.program = program;
        this.memory = memory;
        this.scheduler = scheduler;
        this.builtins = builtins;
        this.stepLimit = options.stepLimit();
        this.depthLimit = options.callDepthLimit();
    }

    /** Instructions executed so far. */
    long steps() {
        return steps;
    }

    /** The function whose instruction threw the last {@link Trap} out of {@link #run}. */
    String trapFunction() {
        return trapFunction;
    }

    /** Gives {@code task} its first frame: {@code fn} called with {@code args}. */
    void start(Task task, DecodedFunction fn, long[] args) {
        Frame f = task.push(fn, depthLimit, memory);
        int k = 0;
        for (int i = 0; i < fn.paramSlots.length; i++) {
            f.regs[fn.paramSlots[i]] = args[k++];
            if (fn.paramWide[i]) {
                f.high[fn.paramSlots[i]] = args[k++];
            }
        }
        ensureScratch(fn);
    }

    /**
     * Runs {@code task} until it suspends or returns.
     *
     * @throws Trap               when an instruction traps ({@link #trapFunction()} names where)
     * @throws InterpreterFailure when the run cannot go on
     */
    void run(Task task) {
        try {
            loop(task);
        } catch (Trap t) {
            trapFunction = task.top().function.name;
            throw t;
        }
    }

    private void loop(Task task) {
        Frame f = task.top();
        long[] r = f.regs;
        long[] h = f.high;
        DecodedInstruction[] code = f.function.code;
        int pc = f.pc;
        long steps = this.steps;
        final long limit = stepLimit;
        try {
            for (;;) {
                DecodedInstruction in = code[pc];
                if (++steps > limit) {
                    steps--; // this instruction does not run
                    throw new InterpreterFailure("step limit of " + limit + " instructions reached in %"
                            + f.function.name);
                }
                switch (in.kind) {
                    case PURE -> {
                        int[] a = in.args;
                        long[] ea = evalArgs;
                        for (int i = 0; i < a.length; i++) {
                            ea[i] = r[a[i]];
                        }
                        ScalarEvaluator.evaluate(in.opcode, in.type, in.argType, ea, in.imm, in.intCC, in.floatCC,
                                in.trapCode, evalOut);
                        int[] res = in.results;
                        for (int i = 0; i < res.length; i++) {
                            r[res[i]] = evalOut[i];
                        }
                        pc++;
                    }
                    case PURE_HALF -> {
                        int[] a = in.args;
                        long[] ea = evalArgs;
                        for (int i = 0; i < a.length; i++) {
                            ea[i] = r[a[i]];
                        }
                        HalfEvaluator.evaluate(in.opcode, in.type, in.argType, ea, in.imm, in.intCC, in.floatCC,
                                in.trapCode, evalOut);
                        r[in.results[0]] = evalOut[0];
                        pc++;
                    }
                    case PURE_WIDE -> {
                        int[] a = in.args;
                        long[] ea = evalArgs;
                        long[] eh = evalArgsHigh;
                        for (int i = 0; i < a.length; i++) {
                            ea[i] = r[a[i]];
                            eh[i] = h[a[i]];
                        }
                        WideEvaluator.evaluate(in.opcode, in.type, in.argType, ea, eh, in.imm, in.immHigh, in.intCC,
                                in.floatCC,
                                in.trapCode, evalOut, evalOutHigh);
                        int[] res = in.results;
                        for (int i = 0; i < res.length; i++) {
                            r[res[i]] = evalOut[i];
                            h[res[i]] = evalOutHigh[i];
                        }
                        pc++;
                    }
                    case ATOMIC_RMW -> {
                        long addr = r[in.args[0]];
                        long old = memory.load(addr, in.width, in.bigEndian);
                        memory.store(addr, in.width, in.bigEndian,
                                AtomicOperations.apply(in.atomicOp, in.type, old, r[in.args[1]]));
                        r[in.results[0]] = old;
                        pc++;
                    }
                    case ATOMIC_CAS -> {
                        long addr = r[in.args[0]];
                        long old = memory.load(addr, in.width, in.bigEndian);
                        if (old == r[in.args[1]]) {
                            memory.store(addr, in.width, in.bigEndian, r[in.args[2]]);
                        }
                        r[in.results[0]] = old;
                        pc++;
                    }
                    case ATOMIC_RMW_WIDE -> {
                        long addr = r[in.args[0]];
                        int x = in.args[1];
                        memory.loadWide(addr, in.bigEndian, evalOut, evalOutHigh, 0);
                        AtomicOperations.applyWide(in.atomicOp, evalOut[0], evalOutHigh[0], r[x], h[x], evalOut,
                                evalOutHigh, 1);
                        memory.storeWide(addr, in.bigEndian, evalOut[1], evalOutHigh[1]);
                        r[in.results[0]] = evalOut[0];
                        h[in.results[0]] = evalOutHigh[0];
                        pc++;
                    }
                    case ATOMIC_CAS_WIDE -> {
                        long addr = r[in.args[0]];
                        int e = in.args[1];
                        int x = in.args[2];
                        memory.loadWide(addr, in.bigEndian, evalOut, evalOutHigh, 0);
                        if (evalOut[0] == r[e] && evalOutHigh[0] == h[e]) {
                            memory.storeWide(addr, in.bigEndian, r[x], h[x]);
                        }
                        r[in.results[0]] = evalOut[0];
                        h[in.results[0]] = evalOutHigh[0];
                        pc++;
                    }
                    case LOAD_WIDE -> {
                        memory.loadWide(r[in.args[0]] + in.offset, in.bigEndian, r, h, in.results[0]);
                        pc++;
                    }
                    case STORE_WIDE -> {
                        int v = in.args[0];
                        memory.storeWide(r[in.args[1]] + in.offset, in.bigEndian, r[v], h[v]);
                        pc++;
                    }
                    case STACK_LOAD_WIDE -> {
                        memory.loadWide(slotAddress(f, in), in.bigEndian, r, h, in.results[0]);
                        pc++;
                    }
                    case STACK_STORE_WIDE -> {
                        int v = in.args[0];
                        memory.storeWide(slotAddress(f, in), in.bigEndian, r[v], h[v]);
                        pc++;
                    }
                    case BRIF_WIDE -> {
                        int c = in.args[0];
                        DecodedBranch t = in.targets[(r[c] | h[c]) != 0 ? 0 : 1];
                        t.assign(r, branchScratch);
                        t.assignHigh(h, branchScratch);
                        pc = t.targetPc;
                    }
                    case TRAPZ_WIDE -> {
                        int c = in.args[0];
                        if ((r[c] | h[c]) == 0) {
                            throw new Trap(in.trapCode);
                        }
                        pc++;
                    }
                    case TRAPNZ_WIDE -> {
                        int c = in.args[0];
                        if ((r[c] | h[c]) != 0) {
                            throw new Trap(in.trapCode);
                        }
                        pc++;
                    }
                    case LOAD -> {
                        long v = memory.load(r[in.args[0]] + in.offset, in.width, in.bigEndian);
                        r[in.results[0]] = extend(in, v);
                        pc++;
                    }
                    case STORE -> {
                        memory.store(r[in.args[1]] + in.offset, in.width, in.bigEndian, r[in.args[0]]);
                        pc++;
                    }
                    case STACK_LOAD -> {
                        long v = memory.load(slotAddress(f, in), in.width, in.bigEndian);
                        r[in.results[0]] = v & in.resultMask;
                        pc++;
                    }
                    case STACK_STORE -> {
                        memory.store(slotAddress(f, in), in.width, in.bigEndian, r[in.args[0]]);
                        pc++;
                    }
                    case STACK_ADDR -> {
                        r[in.results[0]] = slotAddress(f, in) & in.resultMask;
                        pc++;
                    }
                    case JUMP -> {
                        DecodedBranch t = in.targets[0];
                        t.assign(r, branchScratch);
                        if (t.wide) {
                            t.assignHigh(h, branchScratch);
                        }
                        if (t.targetPc <= pc && Preemption.spent(f)) {
                            f.pc = t.targetPc;
                            scheduler.preempt(task);
                            return;
                        }
                        pc = t.targetPc;
                    }
                    case BRIF -> {
                        DecodedBranch t = in.targets[r[in.args[0]] != 0 ? 0 : 1];
                        t.assign(r, branchScratch);
                        if (t.wide) {
                            t.assignHigh(h, branchScratch);
                        }
                        if (t.targetPc <= pc && Preemption.spent(f)) {
                            f.pc = t.targetPc;
                            scheduler.preempt(task);
                            return;
                        }
                        pc = t.targetPc;
                    }
                    case BR_TABLE -> {
                        long index = r[in.args[0]];
                        int tableSize = in.targets.length - 1;
                        DecodedBranch t = Long.compareUnsigned(index, tableSize) < 0
                                ? in.targets[1 + (int) index] : in.targets[0];
                        t.assign(r, branchScratch);
                        if (t.wide) {
                            t.assignHigh(h, branchScratch);
                        }
                        pc = t.targetPc;
                    }
                    case RETURN -> {
                        int[] a = in.args;
                        Frame caller = task.pop();
                        if (caller == null) {
                            scheduler.finish(task, rootResults(f, a));
                            return;
                        }
                        if (h != null && caller.high != null) {
                            int[] out = caller.function.code[caller.pc].results;
                            for (int i = 0; i < out.length; i++) {
                                caller.high[out[i]] = h[a[i]];
                            }
                        }
                        int[] out = caller.function.code[caller.pc].results;
                        long[] cr = caller.regs;
                        for (int i = 0; i < out.length; i++) {
                            cr[out[i]] = r[a[i]];
                        }
                        caller.pc++;
                        f = caller;
                        r = cr;
                        h = f.high;
                        code = f.function.code;
                        pc = f.pc;
                    }
                    case TRAP -> throw new Trap(in.trapCode);
                    case TRAPZ -> {
                        if (r[in.args[0]] == 0) {
                            throw new Trap(in.trapCode);
                        }
                        pc++;
                    }
                    case TRAPNZ -> {
                        if (r[in.args[0]] != 0) {
                            throw new Trap(in.trapCode);
                        }
                        pc++;
                    }
                    case NOP -> pc++;
                    case CALL, CALL_INDIRECT -> {
                        f.pc = pc;
                        if (!call(task, f, in)) {
                            return;
                        }
                        f = task.top();
                        r = f.regs;
                        h = f.high;
                        code = f.function.code;
                        pc = f.pc;
                    }
                    case TAIL_CALL, TAIL_CALL_INDIRECT -> {
                        f.pc = pc;
                        if (!tailCall(task, f, in)) {
                            return;
                        }
                        f = task.top();
                        r = f.regs;
                        h = f.high;
                        code = f.function.code;
                        pc = f.pc;
                    }
                    case GET_PINNED_REG -> {
                        r[in.results[0]] = task.pinnedRegister & in.resultMask;
                        pc++;
                    }
                    case SET_PINNED_REG -> {
                        task.pinnedRegister = r[in.args[0]];
                        pc++;
                    }
                    case FUNC_ADDR -> {
                        r[in.results[0]] = in.imm & in.resultMask;
                        pc++;
                    }
                    case SPAWN -> {
                        r[in.results[0]] = spawn(task, in, r);
                        pc++;
                    }
                    case SPAWN_INDIRECT -> {
                        r[in.results[0]] = spawnIndirect(task, f, in);
                        pc++;
                    }
                    case UNSUPPORTED -> throw new InterpreterFailure(in.message);
                }
            }
        } finally {
            this.steps = steps;
        }
    }

    /**
     * Enters the callee of the call or await at {@code caller.pc}: pushes a frame for a module
     * function, runs a builtin. Returns false if the task suspended.
     */
    private boolean call(Task task, Frame caller, DecodedInstruction in) {
        long[] r = caller.regs;
        int[] a = in.args;
        int first = 0;
        Callee callee = in.callee;
        if (in.kind == Kind.CALL_INDIRECT) {
            long token = r[a[0]];
            callee = FunctionValues.callee(program, token, in.opcode, caller.function.name);
            first = 1;
        }
        if (callee instanceof Callee.ModuleFunction m) {
            DecodedFunction fn = program.function(m.index());
            Frame f = task.push(fn, depthLimit, memory);
            int[] params = fn.paramSlots;
            if (params.length != a.length - first) {
                throw new InterpreterFailure("%" + caller.function.name + " calls %" + fn.name + " with "
                        + (a.length - first) + " arguments; it takes " + params.length);
            }
            for (int i = 0; i < params.length; i++) {
                f.regs[params[i]] = r[a[first + i]];
            }
            if (f.high != null && caller.high != null) {
                for (int i = 0; i < params.length; i++) {
                    f.high[params[i]] = caller.high[a[first + i]];
                }
            }
            ensureScratch(fn);
            return true;
        }
        if (callee instanceof Callee.Runtime b) {
            long[] args = new long[a.length - first];
            for (int i = 0; i < args.length; i++) {
                args[i] = r[a[first + i]];
            }
            long[] results = builtins.invoke(b.builtin(), args, task);
            if (results == null) {
                return false;
            }
            caller.completeCall(results);
            return true;
        }
        if (callee instanceof Callee.Library l) {
            long[] args = new long[a.length - first];
            for (int i = 0; i < args.length; i++) {
                args[i] = r[a[first + i]];
            }
            caller.completeCall(Libcalls.invoke(l.libcall(), args, memory));
            return true;
        }
        if (callee instanceof Callee.Host h) {
            long[] args = new long[a.length - first];
            for (int i = 0; i < args.length; i++) {
                args[i] = r[a[first + i]];
            }
            caller.completeCall(h.function().invoke(args));
            return true;
        }
        throw new InterpreterFailure("%" + caller.function.name + " calls %" + callee.name()
                + ", which is neither in the module nor a runtime builtin");
    }

    /**
     * {@code return_call}: pops {@code f} and enters the callee in its place, so that the
     * callee returns to {@code f}'s caller; a libcall or host function is called and its results
     * returned at once. Returns false if the task finished.
     */
    private boolean tailCall(Task task, Frame f, DecodedInstruction in) {
        long[] r = f.regs;
        int[] a = in.args;
        int first = 0;
        Callee callee = in.callee;
        if (in.kind == Kind.TAIL_CALL_INDIRECT) {
            long token = r[a[0]];
            callee = program.calleeAt(token);
            if (callee == null) {
                throw new InterpreterFailure("return_call_indirect in %" + f.function.name + " to 0x"
                        + Long.toHexString(token) + ", which is no function's address");
            }
            first = 1;
        }
        int n = a.length - first;
        long[] args = new long[n];
        long[] high = f.high == null ? null : new long[n];
        for (int i = 0; i < n; i++) {
            args[i] = r[a[first + i]];
            if (high != null) {
                high[i] = f.high[a[first + i]];
            }
        }
        if (callee instanceof Callee.ModuleFunction m) {
            DecodedFunction fn = program.function(m.index());
            if (fn.paramSlots.length != n) {
                throw new InterpreterFailure("%" + f.function.name + " tail-calls %" + fn.name + " with " + n
                        + " arguments; it takes " + fn.paramSlots.length);
            }
            task.pop();
            Frame callee_ = task.push(fn, depthLimit, memory);
            for (int i = 0; i < n; i++) {
                callee_.regs[fn.paramSlots[i]] = args[i];
            }
            if (callee_.high != null && high != null) {
                for (int i = 0; i < n; i++) {
                    callee_.high[fn.paramSlots[i]] = high[i];
                }
            }
            ensureScratch(fn);
            return true;
        }
        long[] results;
        if (callee instanceof Callee.Library l) {
            results = Libcalls.invoke(l.libcall(), args, memory);
        } else if (callee instanceof Callee.Host hf) {
            results = hf.function().invoke(args);
        } else {
            throw new InterpreterFailure("%" + f.function.name + " tail-calls %" + callee.name()
                    + ", which is neither in the module nor a libcall or host function");
        }
        Frame caller = task.pop();
        if (caller == null) {
            scheduler.finish(task, results);
            return false;
        }
        caller.completeCall(results);
        return true;
    }

    private long spawn(Task parent, DecodedInstruction in, long[] r) {
        return startTask(parent, in.callee, in.args, 0, r);
    }

    /** {@code spawn_indirect sigN, vF(args)}: a task of the async function value vF. */
    private long spawnIndirect(Task parent, Frame f, DecodedInstruction in) {
        Callee callee = FunctionValues.callee(program, f.regs[in.args[0]], in.opcode, f.function.name);
        return startTask(parent, callee, in.args, 1, f.regs);
    }

    /** A new task of {@code callee} with the arguments in {@code a[first..]}; its handle. */
    private long startTask(Task parent, Callee callee, int[] a, int first, long[] r) {
        if (!(callee instanceof Callee.ModuleFunction m)) {
            throw new InterpreterFailure("spawn of %" + callee.name() + ": only functions of the module can be spawned");
        }
        DecodedFunction fn = program.function(m.index());
        int n = a.length - first;
        if (fn.paramSlots.length != n) {
            throw new InterpreterFailure("spawn of %" + fn.name + " with " + n + " arguments; it takes "
                    + fn.paramSlots.length);
        }
        long[] args = new long[n];
        for (int i = 0; i < n; i++) {
            args[i] = r[a[first + i]];
        }
        Task t = scheduler.newTask(fn.name, Memory.TASK_STACK_WINDOWS, parent);
        start(t, fn, args);
        return t.handle;
    }

    /** A root function's results as an engine gives them: two longs for a wide one. */
    private static long[] rootResults(Frame f, int[] a) {
        boolean[] wide = f.function.resultWide;
        int n = a.length;
        for (int i = 0; i < a.length; i++) {
            n += i < wide.length && wide[i] ? 1 : 0;
        }
        long[] results = new long[n];
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            results[k++] = f.regs[a[i]];
            if (i < wide.length && wide[i]) {
                results[k++] = f.high[a[i]];
            }
        }
        return results;
    }

    private static long slotAddress(Frame f, DecodedInstruction in) {
        return f.slotBase + f.function.slotOffsets[in.slot] + in.offset;
    }

    /** A narrow load's value, zero- or sign-extended to the result type. */
    private static long extend(DecodedInstruction in, long v) {
        if (in.signExtend) {
            int shift = 64 - 8 * in.width;
            return ((v << shift) >> shift) & in.resultMask;
        }
        return v & in.resultMask;
    }

    private void ensureScratch(DecodedFunction fn) {
        if (branchScratch.length < fn.maxBranchArgs) {
            branchScratch = new long[Math.max(fn.maxBranchArgs, 2 * branchScratch.length)];
        }
    }
}
