/**
 * The server's assembly: configuration from the environment, the database connection and stores,
 * the engine, the run workers that claim and execute queued runs, and the database health check.
 */
package dev.switchboard.platform.server;
