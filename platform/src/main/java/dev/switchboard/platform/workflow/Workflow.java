package dev.switchboard.platform.workflow;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workflow document: nodes, connections, settings and pinned data, plus whatever other fields
 * the document carried (ours, such as owner and reviewer, and n8n's that we do not use), which are
 * kept in {@code extra} and written back unchanged.
 */
public record Workflow(
        String id,
        String name,
        List<WorkflowNode> nodes,
        Connections connections,
        Map<String, Object> settings,
        Map<String, List<Map<String, Object>>> pinData,
        Map<String, Object> extra) {

    public Workflow {
        nodes = List.copyOf(nodes);
        connections = connections == null ? Connections.none() : connections;
        settings = settings == null ? Map.of() : settings;
        pinData = pinData == null ? Map.of() : pinData;
        extra = extra == null ? Map.of() : extra;
    }

    public static Workflow of(String name, List<WorkflowNode> nodes, Connections connections) {
        return new Workflow(null, name, nodes, connections, null, null, null);
    }

    public Optional<WorkflowNode> node(String nodeName) {
        for (WorkflowNode n : nodes) {
            if (n.name().equals(nodeName)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** The nodes by name (the first one when names repeat, which validation reports). */
    public Map<String, WorkflowNode> nodesByName() {
        Map<String, WorkflowNode> map = new LinkedHashMap<>();
        for (WorkflowNode n : nodes) {
            map.putIfAbsent(n.name(), n);
        }
        return map;
    }

    /** {@code settings.executionOrder}: n8n's {@code v1} unless the document says {@code v0}. */
    public boolean legacyExecutionOrder() {
        return "v0".equals(settings.get("executionOrder"));
    }

    /** {@code settings.timezone}, when the document names a valid one. */
    public Optional<ZoneId> timezone() {
        Object tz = settings.get("timezone");
        if (tz instanceof String s && !s.isBlank() && !"DEFAULT".equals(s)) {
            try {
                return Optional.of(ZoneId.of(s));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** {@code settings.executionTimeout} in seconds; empty when absent or not positive. */
    public Optional<Long> executionTimeoutSeconds() {
        Object t = settings.get("executionTimeout");
        if (t instanceof Number n && n.longValue() > 0) {
            return Optional.of(n.longValue());
        }
        return Optional.empty();
    }

    public Workflow withNodes(List<WorkflowNode> newNodes) {
        return new Workflow(id, name, newNodes, connections, settings, pinData, extra);
    }

    public Workflow withConnections(Connections newConnections) {
        return new Workflow(id, name, nodes, newConnections, settings, pinData, extra);
    }

    public Workflow withoutPinData() {
        return new Workflow(id, name, nodes, connections, settings, Map.of(), extra);
    }

    public Workflow withSettings(Map<String, Object> newSettings) {
        return new Workflow(id, name, nodes, connections, newSettings, pinData, extra);
    }

    /** A copy with one node replaced by name. */
    public Workflow replaceNode(WorkflowNode replacement) {
        List<WorkflowNode> out = new ArrayList<>();
        for (WorkflowNode n : nodes) {
            out.add(n.name().equals(replacement.name()) ? replacement : n);
        }
        return withNodes(out);
    }
}
