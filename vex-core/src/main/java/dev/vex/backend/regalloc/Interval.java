package dev.vex.backend.regalloc;

import java.util.Arrays;

/**
 * The lifetime of one vreg (or one part of it, after splitting), or the blocked positions of one
 * physical register (a fixed interval).
 *
 * <p>Ranges are half-open {@code [from, to)} pairs in ascending order in one int array, followed
 * by a sentinel pair {@code (END, END)} so that scans need no bounds checks. Use positions are
 * packed {@code pos << 1 | needsRegister} in ascending order, also ending in {@code END}. A fixed
 * interval records for each range the vreg whose fixed operand blocks it ({@code -1} for a
 * clobber): that vreg itself may live in the register there.
 *
 * <p>During lifetime analysis ranges and uses are appended backwards (descending), and
 * {@link #finishBuild()} reverses them once.
 */
final class Interval {
    static final int END = Integer.MAX_VALUE;
    static final int NO_OWNER = -1;

    final int vreg;
    final int regClass;
    /** The physical register of a fixed interval, else -1. */
    final int fixedReg;
    /** The interval of the whole vreg, which keeps the split children; this for a root. */
    final Interval root;

    int[] ranges;
    int numRanges;
    int[] uses;
    int numUses;
    int[] owners;

    /** Assigned location: a register, {@link #STACK} until slots are assigned, or NONE. */
    int location = Location.NONE;
    /** Preferred register, or -1. */
    int hint = -1;
    /** Range index the walker has advanced to (positions only grow during the walk). */
    int cursor;

    /**
     * Split children in ascending start order, including the root itself at index 0 (root only;
     * null until the first split, see {@link #child(int)}).
     */
    Interval[] children;
    /** Their starts, so that lookups do not chase pointers. */
    int[] childStarts;
    int numChildren;

    /** Location marker for a part that lives in the vreg's spill slot. */
    static final int STACK = Integer.MIN_VALUE + 1;

    Interval(int vreg, int regClass, int fixedReg, Interval root) {
        this.vreg = vreg;
        this.regClass = regClass;
        this.fixedReg = fixedReg;
        this.root = root == null ? this : root;
        // Small first: most intervals of most functions have one range and a few uses.
        this.ranges = new int[4];
        this.uses = new int[4];
        if (fixedReg >= 0) {
            owners = new int[2];
        }
        if (root == null) {
            numChildren = 1; // the list itself is made at the first split
        }
    }

    /** A fixed interval with no ranges, shared by every register that nothing blocks; never written. */
    static final Interval NO_FIXED_RANGES = emptyFixed();

    private static Interval emptyFixed() {
        Interval it = new Interval(-1, 0, 0, null);
        it.ranges[0] = END;
        it.ranges[1] = END;
        it.uses[0] = END;
        return it;
    }

    boolean isFixed() {
        return fixedReg >= 0;
    }

    // ---- building, backwards ----

    /** Adds {@code [from, to)} below all existing ranges, merging when they touch. */
    void addRangeBackward(int from, int to) {
        if (numRanges > 0) {
            int low = 2 * (numRanges - 1);
            if (ranges[low] <= to) {
                ranges[low] = Math.min(ranges[low], from);
                ranges[low + 1] = Math.max(ranges[low + 1], to);
                return;
            }
        }
        appendRange(from, to);
    }

    /** Adds a fixed range owned by {@code owner}; false if it overlaps the lowest existing range. */
    boolean addFixedRangeBackward(int from, int to, int owner) {
        if (numRanges > 0 && ranges[2 * (numRanges - 1)] < to) {
            return false;
        }
        if (numRanges == owners.length) {
            owners = Arrays.copyOf(owners, numRanges * 2);
        }
        owners[numRanges] = owner;
        appendRange(from, to);
        return true;
    }

    private void appendRange(int from, int to) {
        if (2 * numRanges + 4 > ranges.length) {
            ranges = Arrays.copyOf(ranges, ranges.length * 2);
        }
        ranges[2 * numRanges] = from;
        ranges[2 * numRanges + 1] = to;
        numRanges++;
    }

    /** The def shortens the lowest range to start at {@code pos}. */
    void setFromBackward(int pos) {
        ranges[2 * (numRanges - 1)] = pos;
    }

    boolean hasRanges() {
        return numRanges > 0;
    }

    void addUseBackward(int pos, boolean needsReg) {
        if (numUses + 2 > uses.length) {
            uses = Arrays.copyOf(uses, uses.length * 2);
        }
        uses[numUses++] = pos << 1 | (needsReg ? 1 : 0);
    }

    /** Turns the backwards lists around and appends the sentinels. */
    void finishBuild() {
        for (int a = 0, b = numRanges - 1; a < b; a++, b--) {
            int f = ranges[2 * a];
            int t = ranges[2 * a + 1];
            ranges[2 * a] = ranges[2 * b];
            ranges[2 * a + 1] = ranges[2 * b + 1];
            ranges[2 * b] = f;
            ranges[2 * b + 1] = t;
            if (owners != null) {
                int o = owners[a];
                owners[a] = owners[b];
                owners[b] = o;
            }
        }
        ranges[2 * numRanges] = END;
        ranges[2 * numRanges + 1] = END;
        for (int a = 0, b = numUses - 1; a < b; a++, b--) {
            int u = uses[a];
            uses[a] = uses[b];
            uses[b] = u;
        }
        uses[numUses] = END;
    }

    // ---- queries ----

    int start() {
        return ranges[0];
    }

    int end() {
        return ranges[2 * numRanges - 1];
    }

    /** Advances the cursor to the first range ending after {@code pos}; true if it covers pos. */
    boolean coversAdvancing(int pos) {
        int c = cursor;
        while (ranges[2 * c + 1] <= pos) {
            c++;
        }
        cursor = c;
        return ranges[2 * c] <= pos;
    }

    /** Binary search; does not move the cursor. */
    boolean covers(int pos) {
        int k = firstRangeEndingAfter(pos);
        return k < numRanges && ranges[2 * k] <= pos;
    }

    private int firstRangeEndingAfter(int pos) {
        int lo = 0;
        int hi = numRanges;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ranges[2 * mid + 1] <= pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Start of the first range at or after pos that this interval covers, or END. */
    int nextCoveredFrom(int pos) {
        int k = firstRangeEndingAfter(pos);
        if (k >= numRanges) {
            return END;
        }
        return Math.max(ranges[2 * k], pos);
    }

    /**
     * First position at or after the cursors where this interval and {@code other} both live,
     * skipping {@code other}'s fixed ranges owned by {@code ignoreOwner}; END if none.
     */
    int firstIntersection(Interval other, int ignoreOwner) {
        int[] a = ranges;
        int[] b = other.ranges;
        int[] own = other.owners;
        int i = cursor;
        int j = other.cursor;
        while (true) {
            int af = a[2 * i];
            int bf = b[2 * j];
            if (af == END || bf == END) {
                return END;
            }
            if (a[2 * i + 1] <= bf) {
                i++;
            } else if (b[2 * j + 1] <= af || (own != null && own[j] == ignoreOwner)) {
                j++;
            } else {
                return Math.max(af, bf);
            }
        }
    }

    private int firstUseAtOrAfter(int pos) {
        int lo = 0;
        int hi = numUses;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if ((uses[mid] >>> 1) < pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First use at or after {@code pos} that needs a register, or END. */
    int nextRegUse(int pos) {
        for (int k = firstUseAtOrAfter(pos); k < numUses; k++) {
            if ((uses[k] & 1) != 0) {
                return uses[k] >>> 1;
            }
        }
        return END;
    }

    /** Last use before {@code pos} that needs a register, or -1. */
    int lastRegUseBefore(int pos) {
        for (int k = firstUseAtOrAfter(pos) - 1; k >= 0; k--) {
            if ((uses[k] & 1) != 0) {
                return uses[k] >>> 1;
            }
        }
        return -1;
    }

    // ---- splitting ----

    /**
     * Splits at {@code pos}: this part keeps everything before pos, the returned child everything
     * from pos on. Both must be non-empty. The child is registered with the root.
     */
    Interval splitAt(int pos) {
        int k = firstRangeEndingAfter(pos);
        Interval child = new Interval(vreg, regClass, -1, root);
        boolean cutsRange = ranges[2 * k] < pos;
        int childRanges = numRanges - k;
        if (2 * childRanges + 2 > child.ranges.length) {
            child.ranges = new int[2 * childRanges + 2];
        }
        System.arraycopy(ranges, 2 * k, child.ranges, 0, 2 * childRanges + 2);
        child.numRanges = childRanges;
        if (cutsRange) {
            child.ranges[0] = pos;
            ranges[2 * k + 1] = pos;
            numRanges = k + 1;
        } else {
            numRanges = k;
        }
        ranges[2 * numRanges] = END;
        ranges[2 * numRanges + 1] = END;
        if (cursor > numRanges) {
            cursor = numRanges;
        }
        int u = firstUseAtOrAfter(pos);
        child.numUses = numUses - u;
        if (child.numUses + 1 > child.uses.length) {
            child.uses = new int[child.numUses + 1];
        }
        System.arraycopy(uses, u, child.uses, 0, child.numUses + 1);
        numUses = u;
        uses[u] = END;
        child.hint = Location.isReg(location) ? location : hint;
        root.addChild(child);
        return child;
    }

    /** Child {@code j} of a root, {@code 0 <= j < numChildren}; child 0 is the root itself. */
    Interval child(int j) {
        return j == 0 ? this : children[j];
    }

    private void addChild(Interval child) {
        if (children == null) {
            children = new Interval[4];
            childStarts = new int[4];
            children[0] = this;
        } else if (numChildren == children.length) {
            children = Arrays.copyOf(children, numChildren * 2);
            childStarts = Arrays.copyOf(childStarts, numChildren * 2);
        }
        childStarts[0] = start();
        int at = numChildren;
        int s = child.start();
        while (at > 0 && childStarts[at - 1] > s) {
            children[at] = children[at - 1];
            childStarts[at] = childStarts[at - 1];
            at--;
        }
        children[at] = child;
        childStarts[at] = s;
        numChildren++;
    }

    /** The part of this (root) vreg that covers {@code pos}, or null. */
    Interval childAt(int pos) {
        if (numChildren == 1) {
            return covers(pos) ? this : null;
        }
        int lo = 0;
        int hi = numChildren - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (childStarts[mid] <= pos) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        Interval c = children[lo];
        return c.covers(pos) ? c : null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(isFixed() ? "fixed p" + fixedReg : "v" + vreg);
        for (int k = 0; k < numRanges; k++) {
            sb.append(" [").append(ranges[2 * k]).append(',').append(ranges[2 * k + 1]).append(')');
        }
        sb.append(" uses");
        for (int k = 0; k < numUses; k++) {
            sb.append(' ').append(uses[k] >>> 1).append((uses[k] & 1) != 0 ? "r" : "");
        }
        return sb.toString();
    }
}
