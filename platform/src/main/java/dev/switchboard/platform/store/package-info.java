/**
 * Storage in MongoDB through the synchronous driver: workflows and their versions, runs and their
 * steps. Without a {@code MONGODB_URI} the platform starts an embedded wire-protocol server
 * (mongo-java-server with its H2 file backend) under the data directory; the driver code is the
 * same for both. Every write touches one document; nothing relies on transactions.
 */
package dev.switchboard.platform.store;
