package dev.switchboard.platform.governance;

import java.time.Instant;

/**
 * A publish that waits for the workflow's reviewer (four eyes): the draft as it was at {@code revision},
 * which the reviewer approves (it goes live, unless the draft changed meanwhile) or rejects with a comment.
 *
 * @param status {@code pending}, {@code approved} or {@code rejected}
 */
public record PublishRequest(String id, String workflowId, String workflowName, long revision, String note,
        String requestedBy, Instant requestedAt, String reviewer, String status, String decidedBy, Instant decidedAt,
        String comment, Integer version) {
}
