/** Nodes that produce test data: n8n's test-only static items and its debug helper. */
package dev.switchboard.nodes.testing;
