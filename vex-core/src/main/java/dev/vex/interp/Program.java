package dev.vex.interp;

import dev.vex.analysis.RuntimeBuiltin;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A module as the interpreter sees it: its functions decoded on first use and kept, callee
 * names resolved (module function, then runtime builtin, else undefined), and the opaque tokens
 * that {@code func_addr} hands out and {@code call_indirect} maps back.
 *
 * <p>Function tokens are {@code 0x1000 + 16 * k} for the k-th name given an address: non-zero,
 * below 2^32 (so they survive an {@code i32} address) and outside every memory region, so
 * loading through one traps.
 */
final class Program {
    private static final long TOKEN_BASE = 0x1000;
    private static final long TOKEN_STRIDE = 16;

    private final Module module;
    private final boolean bigEndianDefault;
    private final List<Function> functions;
    private final DecodedFunction[] decoded;
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final Map<String, Callee> callees = new HashMap<>();
    private final List<String> tokenNames = new ArrayList<>();
    private final Map<String, Long> tokens = new HashMap<>();
    private final Map<String, HostFunction> hosts;

    Program(Module module, boolean bigEndianDefault) {
        this(module, bigEndianDefault, Map.of());
    }

    /** With host functions, which names of the module shadow and which shadow runtime builtins. */
    Program(Module module, boolean bigEndianDefault, Map<String, HostFunction> hosts) {
        this.module = module;
        this.hosts = Map.copyOf(hosts);
        this.bigEndianDefault = bigEndianDefault;
        this.functions = module.functions();
        this.decoded = new DecodedFunction[functions.size()];
        for (int i = 0; i < functions.size(); i++) {
            indexByName.putIfAbsent(functions.get(i).name(), i);
        }
    }

    Module module() {
        return module;
    }

    /** The index of the module function {@code name}, or -1. */
    int indexOf(String name) {
        Integer i = indexByName.get(name);
        return i == null ? -1 : i;
    }

    /** The decoded form of module function {@code index}, decoding it on first use. */
    DecodedFunction function(int index) {
        DecodedFunction d = decoded[index];
        if (d == null) {
            d = DecodedFunction.decode(functions.get(index), this, bigEndianDefault);
            decoded[index] = d;
        }
        return d;
    }

    /**
     * What {@code name} refers to: a module function first, then a host function, then a libcall,
     * then a runtime builtin.
     */
    Callee callee(String name) {
        return callees.computeIfAbsent(name, n -> {
            int i = indexOf(n);
            if (i >= 0) {
                return new Callee.ModuleFunction(i, n);
            }
            HostFunction h = hosts.get(n);
            if (h != null) {
                return new Callee.Host(n, h);
            }
            dev.vex.ir.Libcall l = dev.vex.ir.Libcall.named(n);
            if (l != null) {
                return new Callee.Library(l);
            }
            RuntimeBuiltin b = RuntimeBuiltin.named(n);
            return b != null ? new Callee.Runtime(b) : new Callee.Undefined(n);
        });
    }

    /** The address {@code func_addr} gives {@code name}. */
    long tokenOf(String name) {
        return tokens.computeIfAbsent(name, n -> {
            tokenNames.add(n);
            return TOKEN_BASE + TOKEN_STRIDE * (tokenNames.size() - 1);
        });
    }

    /** The name {@code func_addr} gave address {@code token}, or null. */
    String nameAt(long token) {
        long k = (token - TOKEN_BASE) / TOKEN_STRIDE;
        if (token < TOKEN_BASE || (token - TOKEN_BASE) % TOKEN_STRIDE != 0 || k >= tokenNames.size()) {
            return null;
        }
        return tokenNames.get((int) k);
    }

    /** The callee at address {@code token}, or null if no {@code func_addr} gave that address. */
    Callee calleeAt(long token) {
        String name = nameAt(token);
        return name == null ? null : callee(name);
    }
}
