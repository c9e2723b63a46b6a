package dev.vex.text;

/** A {@code ;} comment: its text after the semicolon, and where the semicolon is. */
record Comment(String text, int line, int column) {
}
