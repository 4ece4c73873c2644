/** Connector nodes: talk to the outside world (HTTP, webhook responses). */
package dev.switchboard.nodes.connector;
