package dev.switchboard.platform.governance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.engine.LocalEngine;
import dev.switchboard.platform.workflow.Problem;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.WorkflowStore;
import dev.switchboard.platform.workflow.WorkflowVersion;

/**
 * Publishing and version rollback with governance: the draft must be valid, and no path from a trigger may
 * reach a node whose risk tags the policy names without passing an approval node, unless an admin
 * overrides with a reason. Every publish, override and rollback goes to the audit log.
 */
public final class Publishing {

    private final WorkflowStore workflows;
    private final LocalEngine engine;
    private final PolicyStore policies;
    private final AuditLog audit;
    private final PolicyCheck check;
    private final PublishRequestStore reviews;

    public Publishing(WorkflowStore workflows, LocalEngine engine, PolicyStore policies, AuditLog audit,
            PublishRequestStore reviews) {
        this.reviews = reviews;
        this.workflows = workflows;
        this.engine = engine;
        this.policies = policies;
        this.audit = audit;
        this.check = new PolicyCheck(engine.types());
    }

    /** The policy's findings on a workflow's draft (empty when it may be published as it is). */
    public List<PolicyCheck.Violation> violations(String workflowId) {
        return check.check(require(workflowId).draft(), policies.get());
    }

    /**
     * Publishes the draft as the next version.
     *
     * @param mayOverride    whether the actor may override the policy (an admin, or an API key)
     * @param overrideReason why the policy is overridden; null or blank: it is not
     */
    public WorkflowVersion publish(String workflowId, String actor, boolean mayOverride, String note, String overrideReason) {
        StoredWorkflow w = require(workflowId);
        List<Problem> errors = engine.validate(w.draft()).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new PublishException.Invalid(w.name(), errors);
        }
        List<PolicyCheck.Violation> violations = check.check(w.draft(), policies.get());
        if (!violations.isEmpty()) {
            if (overrideReason == null || overrideReason.isBlank()) {
                throw new PublishException.PolicyViolated(w.name(), violations,
                        mayOverride ? "Add an approval node on the path, or override with a reason."
                                : "Add an approval node on the path, or ask an admin to override.");
            }
            if (!mayOverride) {
                throw new PublishException.PolicyViolated(w.name(), violations, "Only an admin may override the policy.");
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reason", overrideReason.strip());
            details.put("violations", violations.stream().map(PolicyCheck.Violation::describe).toList());
            audit.record(actor, "policy overridden", "workflow:" + w.id(), "published \"" + w.name()
                    + "\" around the approval policy: " + overrideReason.strip(), details);
        }
        WorkflowVersion v = workflows.publish(workflowId, actor, note);
        audit.record(actor, "workflow published", "workflow:" + w.id(), "\"" + w.name() + "\" version " + v.version()
                + (note == null || note.isBlank() ? "" : ": " + note), Map.of("version", v.version()));
        return v;
    }

    /** What a submitted publish became: a live version, or a request that waits for the reviewer. */
    public sealed interface Outcome {
        record Published(WorkflowVersion version) implements Outcome {
        }

        record InReview(PublishRequest request) implements Outcome {
        }
    }

    /**
     * Publishes as {@link #publish} does, except that a workflow that requires review ({@code settings.requiresReview}
     * with a {@code reviewer}) published by someone other than its reviewer becomes a request the reviewer decides
     * (four eyes). The checks (valid draft, policy) come first, so that a reviewer never sees what cannot go live.
     */
    public Outcome submit(String workflowId, String actor, boolean mayOverride, String note, String overrideReason) {
        StoredWorkflow w = require(workflowId);
        String reviewer = w.draft().extra().get("reviewer") instanceof String r && !r.isBlank() ? r.strip() : null;
        boolean review = Boolean.TRUE.equals(w.draft().settings().get("requiresReview")) && reviewer != null
                && !reviewer.equals(actor);
        if (!review) {
            return new Outcome.Published(publish(workflowId, actor, mayOverride, note, overrideReason));
        }
        List<Problem> errors = engine.validate(w.draft()).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new PublishException.Invalid(w.name(), errors);
        }
        List<PolicyCheck.Violation> violations = check.check(w.draft(), policies.get());
        if (!violations.isEmpty()) {
            throw new PublishException.PolicyViolated(w.name(), violations,
                    "Add an approval node on the path before asking for review.");
        }
        PublishRequest request = reviews.create(new PublishRequest(null, w.id(), w.name(), w.revision(), note, actor,
                java.time.Instant.now(), reviewer, "pending", null, null, null, null));
        audit.record(actor, "publish requested", "workflow:" + w.id(), "\"" + w.name() + "\" waits for " + reviewer
                + "'s review" + (note == null || note.isBlank() ? "" : ": " + note), Map.of("request", request.id()));
        return new Outcome.InReview(request);
    }

    /**
     * The reviewer decides a publish request: approving publishes the draft as it was requested (refused when
     * it changed since; ask again), rejecting keeps the live version. Nobody reviews their own request.
     */
    public PublishRequest review(String requestId, String actor, boolean approve, String comment) {
        PublishRequest request = reviews.get(requestId).orElseThrow(() -> new WorkflowStore.NotFoundException(
                "no publish request with id \"" + requestId + "\""));
        if (!"pending".equals(request.status())) {
            throw new IllegalStateException("this publish request was already " + request.status() + " by "
                    + request.decidedBy());
        }
        if (!actor.equals(request.reviewer()) || actor.equals(request.requestedBy())) {
            throw new IllegalStateException(actor + " may not review this publish: " + request.reviewer()
                    + " reviews \"" + request.workflowName() + "\", and nobody reviews their own");
        }
        Integer version = null;
        if (approve) {
            StoredWorkflow w = require(request.workflowId());
            if (w.revision() != request.revision()) {
                throw new IllegalStateException("the draft of \"" + w.name() + "\" changed since " + request.requestedBy()
                        + " asked for this review: reject it and ask them to ask again");
            }
            version = workflows.publish(w.id(), request.requestedBy(), request.note()).version();
        }
        PublishRequest decided = reviews.decide(requestId, approve ? "approved" : "rejected", actor, comment, version)
                .orElseThrow(() -> new IllegalStateException("this publish request was decided meanwhile"));
        audit.record(actor, approve ? "publish approved" : "publish rejected", "workflow:" + request.workflowId(),
                "\"" + request.workflowName() + "\" requested by " + request.requestedBy()
                        + (approve ? ", live as version " + version : "") + (comment == null || comment.isBlank() ? "" : ": " + comment),
                Map.of("request", requestId));
        return decided;
    }

    public dev.switchboard.platform.paging.Page<PublishRequest> pendingReviews(String reviewer,
            dev.switchboard.platform.paging.Page.Request request) {
        return reviews.pending(reviewer, request);
    }

    /** Publishes an earlier version again (one-click rollback), logged. */
    public WorkflowVersion rollback(String workflowId, int version, String actor) {
        StoredWorkflow w = require(workflowId);
        WorkflowVersion v = workflows.rollback(workflowId, version, actor);
        audit.record(actor, "workflow rolled back", "workflow:" + w.id(), "\"" + w.name() + "\" back to version "
                + version + ", live as version " + v.version(), Map.of("from", version, "version", v.version()));
        return v;
    }

    private StoredWorkflow require(String workflowId) {
        return workflows.get(workflowId).filter(w -> !w.deleted())
                .orElseThrow(() -> new WorkflowStore.NotFoundException("no workflow with id \"" + workflowId + "\""));
    }
}
