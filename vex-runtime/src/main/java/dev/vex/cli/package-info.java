/** The {@code vex} command-line tool: {@code test}, {@code run}, {@code compile} and {@code bench}. */
package dev.vex.cli;
