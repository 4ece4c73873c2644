package dev.switchboard.platform.workflow;

import java.time.Instant;

/**
 * A workflow as the platform keeps it: its editable draft, whether it is active, the newest
 * published version, and when it changed. {@code revision} grows with every change, so that two
 * editors cannot overwrite each other unknowingly.
 */
public record StoredWorkflow(
        String id,
        Workflow draft,
        boolean active,
        Integer publishedVersion,
        long revision,
        Instant createdAt,
        Instant updatedAt,
        boolean deleted) {

    public String name() {
        return draft.name();
    }
}
