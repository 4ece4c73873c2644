package dev.switchboard.platform.approval;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.platform.governance.AuditLog;
import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.run.RunServices;

/**
 * AI reviews: made from the answers AI nodes sample while their runs go on, decided by a reviewer (accept
 * as it is, or correct with the right answer), and counted in the node's accept rate of the week.
 */
public final class AiReviewService {

    private static final System.Logger LOG = System.getLogger(AiReviewService.class.getName());

    private final AiReviewStore store;
    private final Clock clock;
    private volatile AuditLog audit = AuditLog.none();

    public AiReviewService(AiReviewStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Where verdicts are recorded ("AI review accepted", "AI review corrected"). */
    public AiReviewService audit(AuditLog log) {
        this.audit = log;
        return this;
    }

    /** Makes the review of a sampled answer; a second request for the same run, step and item changes nothing. */
    public void sampled(RunServices.RunReview r) {
        var s = r.sample();
        store.create(new AiReview(r.runId() + ":" + r.stepIndex() + ":" + s.itemIndex(), r.runId(), r.workflowId(),
                r.workflowName(), r.node(), r.nodeType(), r.stepIndex(), s.itemIndex(), r.reviewers(), s.question(),
                s.answer(), s.confidence(), clock.instant(), AiReview.Verdict.PENDING, null, null, null, null, false));
    }

    public Optional<AiReview> get(String id) {
        return store.get(id);
    }

    public Page<AiReview> list(AiReview.Verdict verdict, String username, Collection<String> roleIds, String workflowId,
            Page.Request request) {
        return store.list(verdict, username, roleIds, workflowId, request);
    }

    public List<AcceptRate> acceptRates(String workflowId) {
        return store.acceptRates(workflowId);
    }

    /** Accepts the answer as it is. */
    public AiReview accept(String id, String username, Collection<String> roleIds, String comment) {
        return decide(id, AiReview.Verdict.ACCEPTED, null, username, roleIds, comment);
    }

    /** Records the right answer instead of the node's ({@code correction} in the answer's shape, not empty). */
    public AiReview correct(String id, Map<String, Object> correction, String username, Collection<String> roleIds,
            String comment) {
        if (correction == null || correction.isEmpty()) {
            throw new ApprovalException.Invalid("a correction needs the right answer (field \"correction\", e.g. "
                    + "{\"categories\": [\"billing\"]})");
        }
        return decide(id, AiReview.Verdict.CORRECTED, correction, username, roleIds, comment);
    }

    private AiReview decide(String id, AiReview.Verdict verdict, Map<String, Object> correction, String username,
            Collection<String> roleIds, String comment) {
        AiReview review = store.get(id).orElseThrow(() -> new ApprovalException.NotFound("no AI review with id \"" + id + "\""));
        if (review.verdict() != AiReview.Verdict.PENDING) {
            throw alreadyDecided(review);
        }
        if (roleIds != null && !review.reviewableBy(username, roleIds)) {
            throw new ApprovalException.NotAllowed(username + " may not review answers of \"" + review.workflowName()
                    + "\" (its reviewer, its owner or an admin may)");
        }
        AiReview decided = store.decide(id, verdict, username, clock.instant(), correction,
                        comment == null || comment.isBlank() ? null : comment)
                .orElseThrow(() -> alreadyDecided(store.get(id).orElse(review)));
        audit.record(username, "AI review " + verdict.label(), "workflow:" + decided.workflowId(),
                "node \"" + decided.node() + "\" of run " + decided.runId() + ", item " + decided.itemIndex(),
                Map.of("review", decided.id(), "node", decided.node()));
        count(decided);
        return decided;
    }

    private static ApprovalException.AlreadyDecided alreadyDecided(AiReview review) {
        return new ApprovalException.AlreadyDecided("this answer was already " + review.verdict().label()
                + (review.reviewedBy() == null ? "" : " by " + review.reviewedBy() + " at " + review.reviewedAt()));
    }

    private void count(AiReview decided) {
        store.count(decided);
        store.markCounted(decided.id());
    }

    /** Counts verdicts that a crash kept out of the accept rates; runs with the approval sweep. */
    public void sweep() {
        for (AiReview r : store.uncounted(100)) {
            try {
                count(r);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "AI review " + r.id() + " could not be counted: " + e.getMessage());
            }
        }
    }
}
