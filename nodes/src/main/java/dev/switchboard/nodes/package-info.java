/**
 * The built-in node library. Each node type is one class that declares itself with a
 * {@link dev.switchboard.platform.node.NodeDescriptor} and is listed in
 * {@code META-INF/services/dev.switchboard.platform.node.NodeType}. Nodes see only the node SPI.
 */
package dev.switchboard.nodes;
