package dev.vex.code;

/**
 * A reference from the code to a named symbol, resolved by a linker: the field at {@code offset}
 * receives {@code address(symbol) + addend} (minus the field's address when the format is
 * pc-relative), written as {@code format} describes.
 */
public record Relocation(int offset, FixupFormat format, String symbol, long addend) {
    /** Resolves this relocation in {@code code}, whose first byte will live at {@code codeAddress}. */
    public void apply(byte[] code, long codeAddress, long symbolAddress) {
        long s = symbolAddress + addend;
        format.applyAt(code, offset, codeAddress + offset, s);
    }
}
