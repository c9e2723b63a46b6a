/**
 * The reference interpreter: the oracle every native result is compared against, bit for bit.
 *
 * <p>Values are held canonically: a value of type {@code T} is a {@code long} whose low
 * {@code T.bits()} bits are the value and whose upper bits are zero; floats are their IEEE 754
 * bit patterns. {@link dev.vex.interp.ScalarEvaluator} computes one pure scalar operation on
 * such values with Cranelift's semantics; the families of operations live in their own
 * classes ({@code IntArithmetic}, {@code BitOperations}, {@code OverflowArithmetic},
 * {@code Comparisons}, {@code FloatArithmetic}, {@code Conversions}). An operation that traps
 * throws {@link dev.vex.interp.Trap}.
 */
package dev.vex.interp;
