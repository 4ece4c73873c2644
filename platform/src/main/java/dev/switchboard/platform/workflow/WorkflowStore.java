package dev.switchboard.platform.workflow;

import java.util.List;
import java.util.Optional;

import dev.switchboard.platform.paging.Page;

/**
 * Where workflows live: drafts that editing changes, immutable numbered versions that publishing
 * makes, and the active flag. Deleting keeps the versions, so that the history of runs stays
 * readable. Each method writes one document at a time (no transactions needed).
 */
public interface WorkflowStore {

    /** Stores a new workflow from its draft; the id is made here when the draft has none. */
    StoredWorkflow create(Workflow draft);

    Optional<StoredWorkflow> get(String id);

    /** Workflows whose name contains {@code search} (any case), newest change first; deleted ones are left out. */
    Page<StoredWorkflow> list(String search, Page.Request request);

    /**
     * Replaces the draft. When {@code expectedRevision} is not null and the stored revision differs,
     * nothing is written and {@link ConcurrentEditException} is thrown.
     */
    StoredWorkflow updateDraft(String id, Workflow draft, Long expectedRevision);

    /** Freezes the current draft as the next numbered version. */
    WorkflowVersion publish(String id, String author, String note);

    /** Publishes an earlier version again, as the next number (one-click rollback). */
    WorkflowVersion rollback(String id, int version, String author);

    List<WorkflowVersion> versions(String id);

    Optional<WorkflowVersion> version(String id, int version);

    StoredWorkflow setActive(String id, boolean active);

    /** Marks the workflow deleted; its versions stay, for the run history. */
    void delete(String id);

    /**
     * A count that grows with every change made through this store, so that what is derived from the
     * workflows (the webhooks they listen on) knows when to look again; -1 when the store does not count.
     * Changes made by other instances are not counted.
     */
    default long changes() {
        return -1;
    }

    /** Another edit came first. */
    final class ConcurrentEditException extends RuntimeException {
        public ConcurrentEditException(String message) {
            super(message);
        }
    }

    /** No such workflow (or version). */
    final class NotFoundException extends RuntimeException {
        public NotFoundException(String message) {
            super(message);
        }
    }
}
