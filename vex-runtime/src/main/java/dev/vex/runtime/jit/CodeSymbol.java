package dev.vex.runtime.jit;

/**
 * A named range of generated code in this process, as profilers and debuggers are told of it.
 *
 * @param name    the symbol: a sync function's name, an async function's resume function, an array entry
 * @param address where its code starts
 * @param size    its length in bytes
 */
public record CodeSymbol(String name, long address, long size) {
}
