/** JMH benchmarks that measure Vex against its design targets and its peers. */
package dev.vex.bench;
