package dev.switchboard.platform.approval;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.platform.paging.Page;

/** Where AI reviews and their weekly accept rates live; every change is one conditional write. */
public interface AiReviewStore {

    /** Stores a new review; false (and nothing written) when one with its id exists. */
    boolean create(AiReview review);

    Optional<AiReview> get(String id);

    /**
     * Reviews newest first with the given verdict (null: any) that {@code username} with {@code roleIds} may
     * review (null username: all), optionally of one workflow.
     */
    Page<AiReview> list(AiReview.Verdict verdict, String username, Collection<String> roleIds, String workflowId,
            Page.Request request);

    /** Records the verdict on a pending review; empty when it is not pending (any more). */
    Optional<AiReview> decide(String id, AiReview.Verdict verdict, String by, Instant at, Map<String, Object> correction,
            String comment);

    /** Adds a decided review to its node's accept rate of its week (adding it twice counts it once). */
    void count(AiReview decided);

    void markCounted(String id);

    /** Decided reviews not yet in the accept rates. */
    List<AiReview> uncounted(int limit);

    /** Accept rates, newest week first, of one workflow (null: all). */
    List<AcceptRate> acceptRates(String workflowId);
}
