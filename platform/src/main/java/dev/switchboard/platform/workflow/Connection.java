package dev.switchboard.platform.workflow;

/** A connection seen whole: from an output of one node to an input of another. */
public record Connection(String source, String type, int outputIndex, String target, int inputIndex) {
}
