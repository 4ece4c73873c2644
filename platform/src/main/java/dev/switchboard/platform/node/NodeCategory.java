package dev.switchboard.platform.node;

/** The palette group a node type belongs to. */
public enum NodeCategory {
    TRIGGER, FLOW, TRANSFORM, CONNECTOR, AI, APPROVAL, CANVAS
}
