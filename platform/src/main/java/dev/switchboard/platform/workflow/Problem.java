package dev.switchboard.platform.workflow;

/**
 * One thing wrong with a workflow, naming the node and the field it concerns.
 *
 * @param node  the node's name, or {@code null} when the problem concerns the whole workflow
 * @param field the field within the node (for example {@code parameters.url}) or the workflow, or {@code null}
 */
public record Problem(Severity severity, String node, String field, String message) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(String node, String field, String message) {
        return new Problem(Severity.ERROR, node, field, message);
    }

    public static Problem warning(String node, String field, String message) {
        return new Problem(Severity.WARNING, node, field, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code error: node "Lookup", field "parameters.url": is required}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(severity == Severity.ERROR ? "error: " : "warning: ");
        if (node != null) {
            sb.append("node \"").append(node).append("\"");
        }
        if (field != null) {
            sb.append(node != null ? ", " : "").append("field \"").append(field).append("\"");
        }
        if (node != null || field != null) {
            sb.append(": ");
        }
        return sb.append(message).toString();
    }
}
