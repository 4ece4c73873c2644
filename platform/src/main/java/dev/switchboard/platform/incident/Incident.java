package dev.switchboard.platform.incident;

import java.time.Instant;

/**
 * An incident.
 *
 * @param id         {@code <runId>:<reason>}, so that a run opens one incident per reason
 * @param owner      the workflow's owner, to whom it is assigned (may be empty)
 * @param reason     {@code run failed} or {@code rollback needs attention}
 */
public record Incident(String id, String runId, String workflowId, String workflowName, String owner, String reason,
        String title, IncidentStatus status, String rootCause, String resolution, Instant openedAt, Instant updatedAt,
        String resolvedBy, Instant resolvedAt) {
}
