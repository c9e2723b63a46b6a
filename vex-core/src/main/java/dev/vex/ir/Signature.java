package dev.vex.ir;

import java.util.List;
import java.util.Objects;

/**
 * The parameters and results of a function, with the name of its calling convention when the
 * text named one ({@code system_v}, {@code tail}, {@code fast}...). Immutable.
 *
 * <p>The convention is kept so that printing gives back what was read; Vex itself uses the
 * platform C convention for every sync function and its own ABI for async ones.
 */
public final class Signature {
    private final List<AbiParam> params;
    private final List<AbiParam> returns;
    private final String callConv;

    /** {@code callConv} may be null: the text named none. */
    public Signature(List<AbiParam> params, List<AbiParam> returns, String callConv) {
        this.params = List.copyOf(params);
        this.returns = List.copyOf(returns);
        this.callConv = callConv;
    }

    /** A signature of plain types, no flags, no named convention. */
    public static Signature of(List<Type> params, List<Type> returns) {
        return new Signature(params.stream().map(AbiParam::of).toList(),
                returns.stream().map(AbiParam::of).toList(), null);
    }

    /** The parameters in order. */
    public List<AbiParam> params() {
        return params;
    }

    /** The results in order. */
    public List<AbiParam> returns() {
        return returns;
    }

    /** The calling convention's name as written, or null. */
    public String callConv() {
        return callConv;
    }

    /** The type of parameter {@code i}. */
    public Type paramType(int i) {
        return params.get(i).type();
    }

    /** The type of result {@code i}. */
    public Type returnType(int i) {
        return returns.get(i).type();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && s.params.equals(params) && s.returns.equals(returns)
                && Objects.equals(s.callConv, callConv);
    }

    @Override
    public int hashCode() {
        return Objects.hash(params, returns, callConv);
    }

    /** As written in CLIF: {@code (i64, i32 uext) -> i64 system_v}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < params.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(params.get(i));
        }
        sb.append(')');
        if (!returns.isEmpty()) {
            sb.append(" -> ");
            for (int i = 0; i < returns.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(returns.get(i));
            }
        }
        if (callConv != null) {
            sb.append(' ').append(callConv);
        }
        return sb.toString();
    }
}
