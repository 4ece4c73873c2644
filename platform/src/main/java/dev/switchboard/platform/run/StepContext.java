package dev.switchboard.platform.run;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.platform.expression.ExpressionData;
import dev.switchboard.platform.expression.ExpressionException;
import dev.switchboard.platform.expression.Expressions;
import dev.switchboard.platform.expression.JavaScriptEngine;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.json.JsonPath;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeCredential;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeLogger;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ScriptMode;
import dev.switchboard.platform.node.ScriptRunner;
import dev.switchboard.platform.node.SubWorkflowRunner;
import dev.switchboard.platform.workflow.OnError;
import dev.switchboard.platform.workflow.WorkflowNode;

/**
 * What one node sees during one step: the {@link NodeContext} it runs with, and the
 * {@link ExpressionData} its expressions and scripts read. Closed after the step.
 */
final class StepContext implements NodeContext, ExpressionData, AutoCloseable {

    private final RunRequest request;
    private final RunState state;
    private final WorkflowNode node;
    private final NodeDescriptor descriptor;
    private final List<List<Item>> inputs;
    private final List<SourceRef> sources;
    private final int runIndex;
    private final Expressions expressions;
    private final SubWorkflowRunner subWorkflows;
    private final List<String> logs;
    private final ZoneId zone;
    private int itemIndex;
    private long droppedLines;

    StepContext(RunRequest request, RunState state, WorkflowNode node, NodeDescriptor descriptor,
            List<List<Item>> inputs, List<SourceRef> sources, int runIndex, JavaScriptEngine js,
            SubWorkflowRunner subWorkflows, List<String> logs) {
        this.request = request;
        this.state = state;
        this.node = node;
        this.descriptor = descriptor;
        this.inputs = inputs;
        this.sources = sources;
        this.runIndex = runIndex;
        this.expressions = new Expressions(js);
        this.subWorkflows = subWorkflows;
        this.logs = logs;
        this.zone = request.workflow().timezone().orElse(request.defaultZone());
    }

    // ---- NodeContext

    @Override
    public String nodeName() {
        return node.name();
    }

    @Override
    public String workflowName() {
        return request.workflow().name();
    }

    @Override
    public double typeVersion() {
        return node.typeVersion();
    }

    @Override
    public int inputCount() {
        return inputs.size();
    }

    @Override
    public List<Item> input(int index) {
        if (index < 0 || index >= inputs.size() || inputs.get(index) == null) {
            return List.of();
        }
        return inputs.get(index);
    }

    @Override
    public boolean hasInput(int index) {
        return index >= 0 && index < inputs.size() && inputs.get(index) != null;
    }

    @Override
    public int runIndex() {
        return runIndex;
    }

    @Override
    public Object rawParameter(String path) {
        Map<String, Object> params = node.parameters();
        if (path.indexOf('.') < 0 && path.indexOf('[') < 0) {
            if (params.containsKey(path)) {
                return params.get(path);
            }
        } else if (JsonPath.has(params, path)) {
            return JsonPath.get(params, path);
        }
        return null;
    }

    @Override
    public Object parameter(String path, int item) {
        Object raw = rawParameter(path);
        if (raw == null && !hasParameter(path)) {
            raw = declaredDefault(path);
        }
        if (raw == null || raw instanceof Number || raw instanceof Boolean
                || raw instanceof String s && !s.startsWith("=")) {
            return raw;
        }
        this.itemIndex = item;
        try {
            return expressions.resolve(raw, this);
        } catch (ExpressionException e) {
            throw new ParameterException(path + e.path(), item, e.getMessage(), e);
        }
    }

    @Override
    public Object evaluate(String expression, int item) {
        this.itemIndex = item;
        String text = expression.startsWith("=") ? expression : "=" + expression;
        try {
            return expressions.evaluate(text, this);
        } catch (ExpressionException e) {
            throw new NodeException(e.getMessage(), item, null, e);
        }
    }

    private boolean hasParameter(String path) {
        return JsonPath.has(node.parameters(), path);
    }

    private Object declaredDefault(String path) {
        if (descriptor == null || path.indexOf('.') >= 0) {
            return null;
        }
        for (ParameterSpec spec : descriptor.parameters()) {
            if (spec.name().equals(path) && (spec.versions().isEmpty() || spec.versions().contains(node.typeVersion()))) {
                return Json.copy(spec.defaultValue());
            }
        }
        return null;
    }

    @Override
    public boolean continueOnFail() {
        return node.onError() != OnError.STOP_WORKFLOW;
    }

    @Override
    public Map<String, Object> nodeState() {
        return state.nodeState(node.name());
    }

    /** A step keeps at most this many log lines, each cut at {@link #MAX_LINE} characters. */
    static final int MAX_LINES = 1_000;
    static final int MAX_LINE = 8_192;

    @Override
    public NodeLogger log() {
        return new NodeLogger() {
            @Override
            public void info(String message) {
                add(message);
            }

            @Override
            public void warn(String message) {
                add("warning: " + message);
            }
        };
    }

    private void add(String line) {
        String text = line == null ? "null" : state.secrets.redact(line);
        if (text.length() > MAX_LINE) {
            text = text.substring(0, MAX_LINE) + "… (" + (text.length() - MAX_LINE) + " more characters)";
        }
        if (logs.size() < MAX_LINES) {
            logs.add(text);
        } else {
            droppedLines++;
            String note = "… " + droppedLines + " more log line" + (droppedLines == 1 ? "" : "s") + " dropped";
            if (logs.size() == MAX_LINES) {
                logs.add(note);
            } else {
                logs.set(MAX_LINES, note);
            }
        }
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public ZoneId serverZone() {
        return request.serverZone();
    }

    @Override
    public Instant now() {
        return request.clock().now();
    }

    @Override
    public ScriptRunner scripts() {
        return (code, mode, item, parameter) -> {
            this.itemIndex = mode == ScriptMode.RUN_ONCE_FOR_EACH_ITEM ? item : 0;
            try {
                return expressions.runScript(code, this);
            } catch (ExpressionException e) {
                String where = mode == ScriptMode.RUN_ONCE_FOR_EACH_ITEM ? " [item " + item + "]" : "";
                throw new ParameterException(parameter, mode == ScriptMode.RUN_ONCE_FOR_EACH_ITEM ? item : -1,
                        e.getMessage() + where, e);
            }
        };
    }

    @Override
    public SubWorkflowRunner subWorkflows() {
        return subWorkflows;
    }

    @Override
    public Map<String, Object> execution() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", request.runId());
        // n8n's values: "test" for manual and editor runs, "production" for triggered ones
        m.put("mode", switch (request.mode()) {
            case "manual", "cli" -> "test";
            default -> "production";
        });
        // where a Wait node set to resume on a webhook call is resumed (POST)
        m.put("resumeUrl", request.publicUrl() == null ? "" : request.publicUrl() + "/webhook-waiting/" + request.runId());
        return m;
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
        request.clock().sleep(millis);
    }

    @Override
    public Optional<NodeCredential> credential(String type) {
        Object reference = node.credentials().get(type);
        if (reference == null) {
            return Optional.empty();
        }
        String id = reference instanceof Map<?, ?> m && m.get("id") != null ? String.valueOf(m.get("id")) : null;
        String name = reference instanceof Map<?, ?> m && m.get("name") != null ? String.valueOf(m.get("name"))
                : reference instanceof String s ? s : null;
        if ((id == null || id.isBlank()) && (name == null || name.isBlank())) {
            throw new NodeException("the node's " + type + " credential names neither an id nor a name");
        }
        NodeCredential known = state.secrets.resolved(node.name(), type);
        if (known != null) {
            return Optional.of(known);
        }
        NodeCredential credential;
        try {
            credential = request.credentials().resolve(type, id, name);
        } catch (CredentialResolver.Unavailable e) {
            throw new NodeException("credential " + (name == null ? "" : "\"" + name + "\" ")
                    + (id == null ? "" : "(id " + id + ") ") + "of type " + type + " cannot be used: " + e.getMessage());
        }
        if (credential == null) {
            throw new NodeException("credential " + (name == null ? id : "\"" + name + "\"") + " of type " + type
                    + " was not found");
        }
        state.secrets.remember(node.name(), type, credential);
        return Optional.of(credential);
    }

    @Override
    public void treatAsSecret(String value) {
        state.secrets.add(value);
    }

    @Override
    public void recordModelUse(dev.switchboard.platform.node.ModelUse use) {
        Double cost;
        try {
            cost = request.services().estimateCost(use);
        } catch (RuntimeException e) {
            cost = null;
            log().warn("no cost estimate for model " + use.model() + ": " + e.getMessage());
        }
        ModelCharge.add(state.charges, use, cost);
    }

    @Override
    public void sampleForReview(dev.switchboard.platform.node.ReviewSample sample) {
        List<String> reviewers = new ArrayList<>();
        for (String key : List.of("reviewer", "owner")) {
            if (request.workflow().extra().get(key) instanceof String who && !who.isBlank() && !reviewers.contains(who.strip())) {
                reviewers.add(who.strip());
            }
        }
        request.services().review(new RunServices.RunReview(request.runId(), workflowKey(), request.workflow().name(),
                node.name(), node.type(), state.nextStepIndex, reviewers, state.secrets.redactSample(sample)));
    }

    @Override
    public dev.switchboard.platform.node.NumberHistory history() {
        return request.services().history(workflowKey(), node.name());
    }

    private String workflowKey() {
        String id = request.workflow().id();
        return id == null || id.isBlank() ? "name:" + request.workflow().name() : id;
    }

    // ---- ExpressionData

    @Override
    public List<Item> input() {
        return input(0);
    }

    @Override
    public int itemIndex() {
        return itemIndex;
    }

    @Override
    public List<Item> nodeOutput(String name, int outputIndex, int run) {
        List<Step> steps = state.runData.get(name);
        if (steps == null || steps.isEmpty()) {
            return null;
        }
        if (run >= steps.size()) {
            // as n8n: asking for a run that did not happen fails ($('Loop').all(0, 7) after 3 runs)
            return null;
        }
        Step step = run < 0 ? steps.get(steps.size() - 1) : steps.get(run);
        List<List<Item>> outs = step.outputs();
        if (outs == null || outputIndex >= outs.size() || outs.get(outputIndex) == null) {
            return List.of();
        }
        return outs.get(outputIndex);
    }

    @Override
    public boolean nodeExists(String name) {
        return request.workflow().node(name).isPresent();
    }

    @Override
    public Item pairedItem(String name, int item) {
        return Lineage.find(state.runData, name, inputs, sources, 0, item);
    }

    @Override
    public Map<String, Object> parameters() {
        return node.parameters();
    }

    @Override
    public Map<String, Object> parameters(String name) {
        return request.workflow().node(name).map(WorkflowNode::parameters).orElse(Map.of());
    }

    @Override
    public Map<String, Object> nodeState(String name) {
        Map<String, Object> s = state.nodeStates.get(name);
        return s == null ? Map.of() : s;
    }

    @Override
    public Map<String, Object> workflow() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", request.workflow().id());
        m.put("name", request.workflow().name());
        m.put("active", Boolean.TRUE.equals(request.workflow().extra().get("active")));
        return m;
    }

    @Override
    public Map<String, Object> vars() {
        return request.vars();
    }

    @Override
    public Map<String, Object> previousNode() {
        SourceRef s = sources.isEmpty() ? null : sources.get(0);
        if (s == null) {
            return Map.of();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.node());
        m.put("outputIndex", s.outputIndex());
        m.put("runIndex", s.runIndex());
        return m;
    }

    List<SourceRef> sources() {
        return new ArrayList<>(sources);
    }

    @Override
    public void close() {
        expressions.close();
    }

    static NodeException unknownType(WorkflowNode node) {
        return new NodeException("unknown node type \"" + node.type() + "\"");
    }
}
