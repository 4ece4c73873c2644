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

    public Publishing(WorkflowStore workflows, LocalEngine engine, PolicyStore policies, AuditLog audit) {
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
