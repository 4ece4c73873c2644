package dev.switchboard.platform.workflow;

import java.time.Instant;

/** An immutable, numbered version of a workflow, made by publishing (or by rolling back to an earlier one). */
public record WorkflowVersion(String workflowId, int version, Workflow workflow, String author, String note,
        Instant publishedAt) {
}
