package dev.vex.backend.regalloc;

import dev.vex.backend.MachInst;

/** The test target's instruction payload: a mnemonic and a seed that gives it its toy semantics. */
record TestInst(String mnemonic, int seed) implements MachInst {}
