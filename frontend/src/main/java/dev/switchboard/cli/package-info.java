/**
 * The command line: {@code run} and {@code validate} a workflow file without a server, {@code bench},
 * and {@code rekey} (re-encrypts the stored credentials under a new master key, with the server
 * stopped). None of it starts Spring.
 */
package dev.switchboard.cli;
