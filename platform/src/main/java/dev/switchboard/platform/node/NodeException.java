package dev.switchboard.platform.node;

/**
 * A node failed. Carries the index of the item being processed (or -1) and an optional longer
 * description; the engine adds the workflow and node names.
 */
public class NodeException extends RuntimeException {

    private final int itemIndex;
    private final String description;

    public NodeException(String message) {
        this(message, -1, null, null);
    }

    public NodeException(String message, int itemIndex) {
        this(message, itemIndex, null, null);
    }

    public NodeException(String message, int itemIndex, String description, Throwable cause) {
        super(message, cause);
        this.itemIndex = itemIndex;
        this.description = description;
    }

    public int itemIndex() {
        return itemIndex;
    }

    public String description() {
        return description;
    }
}
