/**
 * The engine assembled: node types from the class path, the shared JavaScript runtime, the
 * validator and the executor, ready for the command line and the server.
 */
package dev.switchboard.platform.engine;
