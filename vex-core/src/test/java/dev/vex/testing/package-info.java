/** Test support shared by the test suites of several packages: golden files with a bless mode. */
package dev.vex.testing;
