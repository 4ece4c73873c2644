package dev.switchboard.platform.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.platform.engine.LocalEngine;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.NodeTypes;
import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.server.RunService;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowNode;
import dev.switchboard.platform.workflow.WorkflowStore;

/**
 * Which workflow answers a webhook call. Production webhooks ({@code /webhook/...}) come from the
 * published versions of active workflows, kept in a table that is built again at once when a workflow
 * changed through this instance, and in the background every second for changes made through other
 * instances (calls meanwhile use the table as it was). Test
 * webhooks ({@code /webhook-test/...}) run drafts and look them up on every call.
 */
final class WebhookRegistry {

    private static final String WEBHOOK_TYPE = "switchboard.webhook";
    private static final String RESPOND_TYPE = "switchboard.respondToWebhook";
    private static final long REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    /**
     * The workflow, version and Webhook node that answer a call; {@code answersAtOnce}: every node of the
     * workflow only computes or answers the call (Respond to Webhook), so that a run of it takes no longer
     * than its computing and may execute on the caller's thread (see {@link RunService#runHere}).
     */
    record Target(StoredWorkflow workflow, int version, Workflow definition, WorkflowNode node, boolean answersAtOnce) {
    }

    private record Table(Map<String, Target> byMethodAndPath, long changes, long builtAt) {
    }

    private final WorkflowStore workflows;
    private final RunService runs;
    private final LocalEngine engine;
    private volatile Table table;
    private final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();

    WebhookRegistry(WorkflowStore workflows, RunService runs, LocalEngine engine) {
        this.workflows = workflows;
        this.runs = runs;
        this.engine = engine;
    }

    Optional<Target> find(String path, String method, boolean test) {
        String key = key(method, path);
        if (test) {
            Map<String, Target> drafts = new HashMap<>();
            forEachWorkflow(w -> add(drafts, w, 0, w.draft()));
            return Optional.ofNullable(drafts.get(key));
        }
        return Optional.ofNullable(current().byMethodAndPath().get(key));
    }

    private Table current() {
        Table t = table;
        long changes = workflows.changes();
        if (t == null || changes < 0 || t.changes() != changes) {
            // a workflow changed through this instance: its callers must see the change at once
            return rebuild();
        }
        if (System.nanoTime() - t.builtAt() > REFRESH_NANOS && refreshing.compareAndSet(false, true)) {
            // changes through other instances: looked for in the background while calls go on with the table
            Thread.ofVirtual().start(() -> {
                try {
                    rebuild();
                } catch (RuntimeException e) {
                    // kept as it was; the next call tries again
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return t;
    }

    private synchronized Table rebuild() {
        long changes = workflows.changes();
        Table t = table;
        if (t != null && changes >= 0 && t.changes() == changes && System.nanoTime() - t.builtAt() <= REFRESH_NANOS) {
            return t;
        }
        Map<String, Target> live = new HashMap<>();
        forEachWorkflow(w -> {
            if (w.active() && w.publishedVersion() != null) {
                add(live, w, w.publishedVersion(), runs.workflowOf(w.id(), w.publishedVersion()));
            }
        });
        t = new Table(Map.copyOf(live), changes, System.nanoTime());
        table = t;
        return t;
    }

    private void forEachWorkflow(java.util.function.Consumer<StoredWorkflow> action) {
        int page = 0;
        while (true) {
            Page<StoredWorkflow> batch = workflows.list(null, new Page.Request(page++, Page.Request.MAX_SIZE));
            batch.items().forEach(action);
            if ((long) page * Page.Request.MAX_SIZE >= batch.total()) {
                return;
            }
        }
    }

    private void add(Map<String, Target> table, StoredWorkflow w, int version, Workflow definition) {
        Boolean atOnce = null;
        for (WorkflowNode node : definition.nodes()) {
            if (node.disabled() || !isWebhook(node)) {
                continue;
            }
            if (atOnce == null) {
                atOnce = answersAtOnce(definition, engine.types());
            }
            String nodePath = String.valueOf(node.parameters().getOrDefault("path", ""));
            String nodeMethod = String.valueOf(node.parameters().getOrDefault("httpMethod", "GET"));
            table.putIfAbsent(key(nodeMethod, nodePath), new Target(w, version, definition, node, atOnce));
        }
    }

    /** Whether every node that runs only computes (see {@link NodeType#onlyComputes}) or answers the call. */
    static boolean answersAtOnce(Workflow definition, NodeTypes types) {
        for (WorkflowNode node : definition.nodes()) {
            if (node.disabled()) {
                continue;
            }
            NodeType type = types.find(node.type()).orElse(null);
            if (type == null || !(type.descriptor().type().equals(RESPOND_TYPE)
                    || type.onlyComputes(node.typeVersion(), node.parameters()))) {
                return false;
            }
        }
        return true;
    }

    /** {@code POST orders/new} for a POST to {@code /orders/new/}: slashes around the path do not count. */
    private static String key(String method, String path) {
        int from = 0;
        int to = path.length();
        while (from < to && path.charAt(from) == '/') {
            from++;
        }
        while (to > from && path.charAt(to - 1) == '/') {
            to--;
        }
        return method.toUpperCase(Locale.ROOT) + " " + path.substring(from, to);
    }

    private boolean isWebhook(WorkflowNode node) {
        return engine.types().find(node.type()).map(t -> t.descriptor().type().equals(WEBHOOK_TYPE)).orElse(false);
    }
}
