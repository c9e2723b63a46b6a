/**
 * The abuse suite (issue 10): misuse of the runtime from Java, C and generated code, each case in
 * a child JVM that must end cleanly and leave no HotSpot crash log.
 */
package dev.vex.runtime.abuse;
