package dev.switchboard.platform.workflow;

/** One end of a connection: the node it goes into, the connection type ({@code main}, {@code ai_languageModel}, ...) and the input index. */
public record ConnectionTarget(String node, String type, int index) {
    public ConnectionTarget {
        type = type == null ? Connections.MAIN : type;
    }
}
