/**
 * Running modules, whatever runs them: an {@link dev.vex.exec.Engine} loads a verified module
 * and a {@link dev.vex.exec.LoadedModule} calls its functions, each call giving an
 * {@link dev.vex.exec.Outcome}. The reference interpreter and the native engines all report in
 * this one form, so results can be compared bit for bit.
 */
package dev.vex.exec;
