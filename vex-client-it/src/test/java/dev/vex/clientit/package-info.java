/** The client-project integration test: Vex used from a separate Maven build, as a new user would. */
package dev.vex.clientit;
