package dev.vex.backend;

import dev.vex.ir.Signature;

/**
 * One function in a {@link CompiledModule}.
 *
 * @param name             the IR name, without {@code %}
 * @param signature        its IR signature
 * @param isAsync          whether it is an async function (then {@code symbol} is its resume function)
 * @param symbol           the symbol of its code: the platform C calling convention for a sync
 *                         function, so C can call it directly
 * @param offset           where its code starts in the module's code
 * @param size             the length of its code in bytes
 * @param arrayEntrySymbol an entry with the C signature {@code void entry(const uint64_t *args,
 *                         uint64_t *results)}: it loads one canonical 64-bit slot per parameter,
 *                         calls the function, and stores one slot per result. Every engine calls
 *                         generated code through it, whatever the signature. Null for an async
 *                         function: it runs as a task, through its descriptor.
 * @param descriptorSymbol for an async function, the symbol of its {@code vex_future_desc} (data:
 *                         {@code f$desc}, see {@code dev.vex.async.AsyncSymbols}); null otherwise
 */
public record CompiledFunction(String name, Signature signature, boolean isAsync, String symbol, int offset, int size,
        String arrayEntrySymbol, String descriptorSymbol) {
    /** A function without a descriptor: a sync function. */
    public CompiledFunction(String name, Signature signature, boolean isAsync, String symbol, int offset, int size,
            String arrayEntrySymbol) {
        this(name, signature, isAsync, symbol, offset, size, arrayEntrySymbol, null);
    }
}
