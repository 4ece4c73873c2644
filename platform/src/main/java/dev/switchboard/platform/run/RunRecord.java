package dev.switchboard.platform.run;

import java.time.Instant;
import java.util.List;

import dev.switchboard.platform.node.Item;

/**
 * A run as it is stored: which workflow version it runs, how it was started, where it stands, and
 * who holds it. Persisted as queued before anything executes.
 *
 * @param workflowVersion the published version it runs, or 0 for the draft (a test run)
 * @param key             unique per trigger and firing (schedules, webhooks), so a trigger makes one run
 * @param startNode       the trigger to start from, or null for the manual trigger
 * @param worker          the worker holding the lease, or null
 * @param leaseUntil      until when the worker's lease holds; after that any worker may take the run over
 * @param resumeAt        for a waiting run, when it is due
 */
public record RunRecord(
        String id,
        String workflowId,
        int workflowVersion,
        String workflowName,
        String mode,
        String key,
        String startNode,
        List<Item> input,
        RunStatus status,
        StepError error,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String worker,
        Instant leaseUntil,
        Instant resumeAt) {

    public RunRecord {
        input = input == null ? List.of() : input;
    }

    /** A new queued run. */
    public static RunRecord queued(String id, String workflowId, int version, String workflowName, String mode,
            String key, String startNode, List<Item> input, Instant now) {
        return new RunRecord(id, workflowId, version, workflowName, mode, key, startNode, input, RunStatus.QUEUED,
                null, now, null, null, null, null, null);
    }
}
