/**
 * Tests that run Vex in a child JVM, where a crash, a hang or an exhausted heap cannot take the
 * test run down: {@link dev.vex.runtime.child.ChildJvm}, the 100,000-block compile in a small
 * heap, and the mutation campaign through the {@code vex} tool.
 */
package dev.vex.runtime.child;
