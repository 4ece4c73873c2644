/**
 * The command line: {@code run} and {@code validate} a workflow file without a server, and
 * {@code bench}. None of it starts Spring.
 */
package dev.switchboard.cli;
