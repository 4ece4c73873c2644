package dev.switchboard.platform.server;

import java.util.List;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.platform.engine.LocalEngine;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowStore;

/**
 * n8n's error workflows: when a triggered run fails and its workflow names an error workflow
 * ({@code settings.errorWorkflow}), that workflow starts from its Error Trigger with n8n's description
 * of the failure (execution id, url, error message and node, last node, mode; workflow id and name).
 */
final class ErrorWorkflows {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorWorkflows.class);

    /** Starts a workflow version from the named trigger with these items. */
    @FunctionalInterface
    interface Starter {
        void start(StoredWorkflow workflow, int version, String trigger, List<Item> items);
    }

    private final WorkflowStore workflows;
    private final LocalEngine engine;
    private final BiFunction<String, Integer, Workflow> workflowOf;
    private final Starter starter;

    ErrorWorkflows(WorkflowStore workflows, LocalEngine engine, BiFunction<String, Integer, Workflow> workflowOf,
            Starter starter) {
        this.workflows = workflows;
        this.engine = engine;
        this.workflowOf = workflowOf;
        this.starter = starter;
    }

    /** Starts the failed run's error workflow, if its workflow names one; a problem is logged, never thrown. */
    void afterRun(RunRecord run, RunResult result) {
        if (result.status() != RunStatus.FAILED || "manual".equals(run.mode()) || "error".equals(run.mode())) {
            return;
        }
        try {
            Workflow failed = workflowOf.apply(run.workflowId(), run.workflowVersion());
            Object errorWorkflowId = failed.settings().get("errorWorkflow");
            if (!(errorWorkflowId instanceof String id) || id.isBlank()) {
                return;
            }
            StoredWorkflow target = workflows.get(id).filter(w -> !w.deleted()).orElse(null);
            if (target == null) {
                LOG.warn("run {} of workflow {} failed; its error workflow {} does not exist", run.id(), run.workflowId(), id);
                return;
            }
            int version = target.publishedVersion() == null ? 0 : target.publishedVersion();
            Workflow definition = workflowOf.apply(target.id(), version);
            String trigger = definition.nodes().stream()
                    .filter(n -> engine.types().find(n.type()).map(t -> t.descriptor().type().equals("switchboard.errorTrigger")).orElse(false))
                    .map(dev.switchboard.platform.workflow.WorkflowNode::name).findFirst().orElse(null);
            if (trigger == null) {
                LOG.warn("error workflow {} has no Error Trigger node", id);
                return;
            }
            java.util.Map<String, Object> error = new java.util.LinkedHashMap<>();
            error.put("message", result.error() == null ? "the run failed" : result.error().message());
            error.put("node", result.error() == null ? null : result.error().node());
            java.util.Map<String, Object> execution = new java.util.LinkedHashMap<>();
            execution.put("id", run.id());
            execution.put("url", "/api/v1/runs/" + run.id());
            execution.put("retryOf", null);
            execution.put("error", error);
            execution.put("lastNodeExecuted", result.lastNode());
            execution.put("mode", run.mode());
            java.util.Map<String, Object> item = new java.util.LinkedHashMap<>();
            item.put("execution", execution);
            item.put("workflow", java.util.Map.of("id", run.workflowId(), "name", String.valueOf(run.workflowName())));
            starter.start(target, version, trigger, List.of(Item.of(item)));
        } catch (RuntimeException e) {
            LOG.warn("the error workflow of run {} could not be started: {}", run.id(), e.getMessage());
        }
    }

}
