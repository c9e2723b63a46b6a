/**
 * What running a function produced, in the one form every engine reports: the reference
 * interpreter and the native engines alike return an {@link dev.vex.exec.Outcome}, so results
 * can be compared bit for bit.
 */
package dev.vex.exec;
