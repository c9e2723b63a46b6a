package dev.vex.x64.asm;

/**
 * A general-purpose register of a given width: 8, 16, 32 or 64 bits.
 *
 * <p>All 64 of them are constants here; {@link #of(int, int)} and {@link #withBits(int)} convert
 * between widths. The legacy high-byte registers (ah, ch, dh, bh) are left out: they cannot be
 * encoded together with a REX prefix and no code generator needs them. Using spl, bpl, sil or
 * dil makes the encoder emit a REX prefix, which is what selects them over ah..bh.
 */
public final class Gpr {
    // 64-bit
    public static final Gpr RAX = new Gpr(0, 64, "rax");
    public static final Gpr RCX = new Gpr(1, 64, "rcx");
    public static final Gpr RDX = new Gpr(2, 64, "rdx");
    public static final Gpr RBX = new Gpr(3, 64, "rbx");
    public static final Gpr RSP = new Gpr(4, 64, "rsp");
    public static final Gpr RBP = new Gpr(5, 64, "rbp");
    public static final Gpr RSI = new Gpr(6, 64, "rsi");
    public static final Gpr RDI = new Gpr(7, 64, "rdi");
    public static final Gpr R8 = new Gpr(8, 64, "r8");
    public static final Gpr R9 = new Gpr(9, 64, "r9");
    public static final Gpr R10 = new Gpr(10, 64, "r10");
    public static final Gpr R11 = new Gpr(11, 64, "r11");
    public static final Gpr R12 = new Gpr(12, 64, "r12");
    public static final Gpr R13 = new Gpr(13, 64, "r13");
    public static final Gpr R14 = new Gpr(14, 64, "r14");
    public static final Gpr R15 = new Gpr(15, 64, "r15");
    // 32-bit
    public static final Gpr EAX = new Gpr(0, 32, "eax");
    public static final Gpr ECX = new Gpr(1, 32, "ecx");
    public static final Gpr EDX = new Gpr(2, 32, "edx");
    public static final Gpr EBX = new Gpr(3, 32, "ebx");
    public static final Gpr ESP = new Gpr(4, 32, "esp");
    public static final Gpr EBP = new Gpr(5, 32, "ebp");
    public static final Gpr ESI = new Gpr(6, 32, "esi");
    public static final Gpr EDI = new Gpr(7, 32, "edi");
    public static final Gpr R8D = new Gpr(8, 32, "r8d");
    public static final Gpr R9D = new Gpr(9, 32, "r9d");
    public static final Gpr R10D = new Gpr(10, 32, "r10d");
    public static final Gpr R11D = new Gpr(11, 32, "r11d");
    public static final Gpr R12D = new Gpr(12, 32, "r12d");
    public static final Gpr R13D = new Gpr(13, 32, "r13d");
    public static final Gpr R14D = new Gpr(14, 32, "r14d");
    public static final Gpr R15D = new Gpr(15, 32, "r15d");
    // 16-bit
    public static final Gpr AX = new Gpr(0, 16, "ax");
    public static final Gpr CX = new Gpr(1, 16, "cx");
    public static final Gpr DX = new Gpr(2, 16, "dx");
    public static final Gpr BX = new Gpr(3, 16, "bx");
    public static final Gpr SP = new Gpr(4, 16, "sp");
    public static final Gpr BP = new Gpr(5, 16, "bp");
    public static final Gpr SI = new Gpr(6, 16, "si");
    public static final Gpr DI = new Gpr(7, 16, "di");
    public static final Gpr R8W = new Gpr(8, 16, "r8w");
    public static final Gpr R9W = new Gpr(9, 16, "r9w");
    public static final Gpr R10W = new Gpr(10, 16, "r10w");
    public static final Gpr R11W = new Gpr(11, 16, "r11w");
    public static final Gpr R12W = new Gpr(12, 16, "r12w");
    public static final Gpr R13W = new Gpr(13, 16, "r13w");
    public static final Gpr R14W = new Gpr(14, 16, "r14w");
    public static final Gpr R15W = new Gpr(15, 16, "r15w");
    // 8-bit
    public static final Gpr AL = new Gpr(0, 8, "al");
    public static final Gpr CL = new Gpr(1, 8, "cl");
    public static final Gpr DL = new Gpr(2, 8, "dl");
    public static final Gpr BL = new Gpr(3, 8, "bl");
    public static final Gpr SPL = new Gpr(4, 8, "spl");
    public static final Gpr BPL = new Gpr(5, 8, "bpl");
    public static final Gpr SIL = new Gpr(6, 8, "sil");
    public static final Gpr DIL = new Gpr(7, 8, "dil");
    public static final Gpr R8B = new Gpr(8, 8, "r8b");
    public static final Gpr R9B = new Gpr(9, 8, "r9b");
    public static final Gpr R10B = new Gpr(10, 8, "r10b");
    public static final Gpr R11B = new Gpr(11, 8, "r11b");
    public static final Gpr R12B = new Gpr(12, 8, "r12b");
    public static final Gpr R13B = new Gpr(13, 8, "r13b");
    public static final Gpr R14B = new Gpr(14, 8, "r14b");
    public static final Gpr R15B = new Gpr(15, 8, "r15b");

    private static final Gpr[][] BY_SIZE = {
        {AL, CL, DL, BL, SPL, BPL, SIL, DIL, R8B, R9B, R10B, R11B, R12B, R13B, R14B, R15B},
        {AX, CX, DX, BX, SP, BP, SI, DI, R8W, R9W, R10W, R11W, R12W, R13W, R14W, R15W},
        {EAX, ECX, EDX, EBX, ESP, EBP, ESI, EDI, R8D, R9D, R10D, R11D, R12D, R13D, R14D, R15D},
        {RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15},
    };

    /** The register number, 0 to 15, as encoded in ModRM, SIB and REX. */
    public final int number;
    /** The width in bits: 8, 16, 32 or 64. */
    public final int bits;
    /** Encoder prefix flags implied by the width (REX.W, 0x66, or a forced REX for spl..dil). */
    final int sizeFlags;
    /** {@link Encoder#REX} for spl, bpl, sil and dil, which need a REX prefix that no row can know; else 0. */
    final int rex;
    private final String name;

    private Gpr(int number, int bits, String name) {
        this.number = number;
        this.bits = bits;
        this.name = name;
        this.sizeFlags = switch (bits) {
            case 64 -> Encoder.W;
            case 16 -> Encoder.P66;
            case 8 -> number >= 4 && number < 8 ? Encoder.REX : 0;
            default -> 0;
        };
        this.rex = sizeFlags & Encoder.REX;
    }

    /** The register numbered {@code number} (0 to 15) with {@code bits} bits (8, 16, 32, 64). */
    public static Gpr of(int number, int bits) {
        return BY_SIZE[sizeIndex(bits)][number];
    }

    /** The same register at another width, e.g. {@code RAX.withBits(32) == EAX}. */
    public Gpr withBits(int newBits) {
        return BY_SIZE[sizeIndex(newBits)][number];
    }

    private static int sizeIndex(int bits) {
        return switch (bits) {
            case 8 -> 0;
            case 16 -> 1;
            case 32 -> 2;
            case 64 -> 3;
            default -> throw new IllegalArgumentException("no general-purpose register has " + bits + " bits");
        };
    }

    /** The name as GNU as and the Intel manuals spell it, e.g. {@code r12d}. */
    @Override
    public String toString() {
        return name;
    }
}
