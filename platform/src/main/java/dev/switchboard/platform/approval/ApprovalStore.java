package dev.switchboard.platform.approval;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.switchboard.platform.paging.Page;

/** Where approval requests live. Every change is one conditional write on one request. */
public interface ApprovalStore {

    /** Stores a new request; false (and nothing written) when one with its id exists. */
    boolean create(ApprovalRequest request);

    Optional<ApprovalRequest> get(String id);

    /**
     * Requests newest first, with the given status (null: any), that {@code username} with {@code roleIds}
     * may decide (null username: all of them).
     */
    Page<ApprovalRequest> list(ApprovalStatus status, String username, Collection<String> roleIds, Page.Request request);

    /** Decides a pending request; empty when it is not pending (any more). */
    Optional<ApprovalRequest> decide(String id, ApprovalStatus status, Decision decision);

    /** Hands a pending request whose deadline is still {@code deadline} to {@code role} until {@code newDeadline}. */
    Optional<ApprovalRequest> escalate(String id, Instant deadline, String role, Instant newDeadline);

    /** Pending requests whose deadline has passed. */
    List<ApprovalRequest> due(Instant now, int limit);

    /** Decided requests whose run was not yet resumed with the decision. */
    List<ApprovalRequest> unapplied(int limit);

    void markApplied(String id);

    /** The key that signs decision links, made once and shared by every instance. */
    byte[] linkKey();
}
