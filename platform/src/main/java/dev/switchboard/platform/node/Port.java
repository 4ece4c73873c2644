package dev.switchboard.platform.node;

/** An input or output of a node type, with the label the canvas shows (e.g. "true", "false"). */
public record Port(String label) {
    public static Port main() {
        return new Port("");
    }
}
