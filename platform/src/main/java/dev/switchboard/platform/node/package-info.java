/**
 * The node SPI: what a node type declares about itself ({@link dev.switchboard.platform.node.NodeDescriptor}),
 * what it receives when it runs ({@link dev.switchboard.platform.node.NodeContext}) and what it returns
 * ({@link dev.switchboard.platform.node.NodeResult}). Node types are found with {@link java.util.ServiceLoader},
 * so a jar on the class path adds nodes. Nodes see this package and nothing else of the platform.
 */
package dev.switchboard.platform.node;
