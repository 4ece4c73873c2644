package dev.switchboard.platform.run;

/** Where the items on one input of a step came from: a node's output in one of its runs. */
public record SourceRef(String node, int outputIndex, int runIndex) {
}
