package dev.switchboard.platform.workflow;

import java.util.Map;

/**
 * A node placed in a workflow: its identity, type and version, canvas position, parameters and
 * n8n's node settings. Fields this class does not model are kept in {@code extra} and written back.
 *
 * @param maxTries         attempts when {@code retryOnFail} (n8n's default 3)
 * @param waitBetweenTries milliseconds between attempts (n8n's default 1000)
 */
public record WorkflowNode(
        String id,
        String name,
        String type,
        double typeVersion,
        double x,
        double y,
        Map<String, Object> parameters,
        Map<String, Object> credentials,
        boolean disabled,
        String notes,
        boolean retryOnFail,
        int maxTries,
        long waitBetweenTries,
        OnError onError,
        boolean alwaysOutputData,
        boolean executeOnce,
        Map<String, Object> extra) {

    public WorkflowNode {
        parameters = parameters == null ? Map.of() : parameters;
        credentials = credentials == null ? Map.of() : credentials;
        extra = extra == null ? Map.of() : extra;
        onError = onError == null ? OnError.STOP_WORKFLOW : onError;
    }

    /** A node with default settings, for tests and programmatic building. */
    public static WorkflowNode of(String name, String type, double typeVersion, Map<String, Object> parameters) {
        return new WorkflowNode(null, name, type, typeVersion, 0, 0, parameters, null, false, null,
                false, 3, 1000, OnError.STOP_WORKFLOW, false, false, null);
    }

    public WorkflowNode withPosition(double newX, double newY) {
        return new WorkflowNode(id, name, type, typeVersion, newX, newY, parameters, credentials, disabled, notes,
                retryOnFail, maxTries, waitBetweenTries, onError, alwaysOutputData, executeOnce, extra);
    }

    public WorkflowNode withOnError(OnError value) {
        return new WorkflowNode(id, name, type, typeVersion, x, y, parameters, credentials, disabled, notes,
                retryOnFail, maxTries, waitBetweenTries, value, alwaysOutputData, executeOnce, extra);
    }

    public WorkflowNode withRetry(int tries, long waitMillis) {
        return new WorkflowNode(id, name, type, typeVersion, x, y, parameters, credentials, disabled, notes,
                true, tries, waitMillis, onError, alwaysOutputData, executeOnce, extra);
    }

    public WorkflowNode withFlags(boolean isDisabled, boolean alwaysOutput, boolean once) {
        return new WorkflowNode(id, name, type, typeVersion, x, y, parameters, credentials, isDisabled, notes,
                retryOnFail, maxTries, waitBetweenTries, onError, alwaysOutput, once, extra);
    }

    /** The version as n8n writes it: {@code 2} for whole numbers, {@code 2.2} otherwise. */
    public String versionText() {
        return typeVersion == Math.rint(typeVersion) ? Long.toString((long) typeVersion) : Double.toString(typeVersion);
    }
}
