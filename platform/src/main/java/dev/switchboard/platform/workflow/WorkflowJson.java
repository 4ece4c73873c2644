package dev.switchboard.platform.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.json.JsonException;

/**
 * Reads and writes workflows in n8n's JSON format. Every field the model does not name is kept and
 * written back, on the workflow and on each node, so that loading then saving loses nothing.
 */
public final class WorkflowJson {

    private static final Set<String> WORKFLOW_FIELDS = Set.of("id", "name", "nodes", "connections", "settings", "pinData");
    private static final Set<String> NODE_FIELDS = Set.of("id", "name", "type", "typeVersion", "position", "parameters",
            "credentials", "disabled", "notes", "retryOnFail", "maxTries", "waitBetweenTries", "onError",
            "alwaysOutputData", "executeOnce");

    private WorkflowJson() {
    }

    /** Reads a workflow; throws {@link WorkflowFormatException} naming each malformed node and field. */
    public static Workflow read(String text) {
        Object root;
        try {
            root = Json.parse(text);
        } catch (JsonException e) {
            throw new WorkflowFormatException(Problem.error(null, null, "the file is not valid JSON: " + e.getMessage()));
        }
        if (!(root instanceof Map<?, ?>)) {
            throw new WorkflowFormatException(Problem.error(null, null,
                    "a workflow is a JSON object with \"nodes\" and \"connections\", not " + Json.typeName(root)));
        }
        return fromMap(asMap(root));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    /** Reads a workflow from its parsed JSON object. */
    public static Workflow fromMap(Map<String, Object> doc) {
        doc = N8nAiImport.fold(doc);
        List<Problem> problems = new ArrayList<>();
        Object nodesValue = doc.get("nodes");
        List<WorkflowNode> nodes = new ArrayList<>();
        if (!(nodesValue instanceof List<?> list)) {
            problems.add(Problem.error(null, "nodes", nodesValue == null ? "is missing" : "must be an array of nodes"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                WorkflowNode node = readNode(list.get(i), i, problems);
                if (node != null) {
                    nodes.add(node);
                }
            }
        }
        Connections connections = readConnections(doc.get("connections"), problems);
        Map<String, Object> settings = Map.of();
        if (doc.get("settings") instanceof Map<?, ?> s) {
            settings = asMap(s);
        } else if (doc.get("settings") != null) {
            problems.add(Problem.error(null, "settings", "must be an object"));
        }
        Map<String, List<Map<String, Object>>> pinData = readPinData(doc.get("pinData"), problems);
        if (!problems.isEmpty()) {
            throw new WorkflowFormatException(problems);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        doc.forEach((k, v) -> {
            if (!WORKFLOW_FIELDS.contains(k)) {
                extra.put(k, v);
            }
        });
        Object id = doc.get("id");
        return new Workflow(id == null ? null : String.valueOf(id), doc.get("name") instanceof String n ? n : null,
                nodes, connections, settings, pinData, extra);
    }

    private static WorkflowNode readNode(Object value, int index, List<Problem> problems) {
        String where = "nodes[" + index + "]";
        if (!(value instanceof Map<?, ?> raw)) {
            problems.add(Problem.error(null, where, "must be an object"));
            return null;
        }
        Map<String, Object> m = asMap(raw);
        String name = m.get("name") instanceof String s ? s : null;
        if (name == null || name.isBlank()) {
            problems.add(Problem.error(null, where + ".name", "every node needs a name"));
            return null;
        }
        String type = m.get("type") instanceof String s ? s : null;
        if (type == null || type.isBlank()) {
            problems.add(Problem.error(name, "type", "is missing"));
            return null;
        }
        double version = 1;
        if (m.get("typeVersion") instanceof Number n) {
            version = n.doubleValue();
        } else if (m.get("typeVersion") != null) {
            problems.add(Problem.error(name, "typeVersion", "must be a number"));
        }
        double x = 0;
        double y = 0;
        if (m.get("position") instanceof List<?> pos && pos.size() >= 2
                && pos.get(0) instanceof Number px && pos.get(1) instanceof Number py) {
            x = px.doubleValue();
            y = py.doubleValue();
        } else if (m.get("position") != null) {
            problems.add(Problem.error(name, "position", "must be [x, y]"));
        }
        Map<String, Object> parameters = Map.of();
        if (m.get("parameters") instanceof Map<?, ?> p) {
            parameters = asMap(p);
        } else if (m.get("parameters") != null) {
            problems.add(Problem.error(name, "parameters", "must be an object"));
        }
        Map<String, Object> credentials = m.get("credentials") instanceof Map<?, ?> c ? asMap(c) : Map.of();
        OnError onError = null;
        if (m.get("onError") instanceof String s) {
            onError = OnError.fromN8nName(s);
            if (onError == null) {
                problems.add(Problem.error(name, "onError",
                        "\"" + s + "\" is not one of stopWorkflow, continueRegularOutput, continueErrorOutput"));
            }
        }
        if (onError == null && Boolean.TRUE.equals(m.get("continueOnFail"))) {
            onError = OnError.CONTINUE_REGULAR_OUTPUT;
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (!NODE_FIELDS.contains(k)) {
                extra.put(k, v);
            }
        });
        return new WorkflowNode(m.get("id") == null ? null : String.valueOf(m.get("id")), name, type, version, x, y,
                parameters, credentials, Boolean.TRUE.equals(m.get("disabled")),
                m.get("notes") instanceof String s ? s : null,
                Boolean.TRUE.equals(m.get("retryOnFail")),
                m.get("maxTries") instanceof Number n ? n.intValue() : 3,
                m.get("waitBetweenTries") instanceof Number n ? n.longValue() : 1000,
                onError, Boolean.TRUE.equals(m.get("alwaysOutputData")), Boolean.TRUE.equals(m.get("executeOnce")),
                extra);
    }

    private static Connections readConnections(Object value, List<Problem> problems) {
        if (value == null) {
            return Connections.none();
        }
        if (!(value instanceof Map<?, ?> raw)) {
            problems.add(Problem.error(null, "connections", "must be an object keyed by source node name"));
            return Connections.none();
        }
        Map<String, Map<String, List<List<ConnectionTarget>>>> out = new LinkedHashMap<>();
        asMap(raw).forEach((source, typesValue) -> {
            if (!(typesValue instanceof Map<?, ?> types)) {
                problems.add(Problem.error(source, "connections", "must be an object keyed by connection type"));
                return;
            }
            Map<String, List<List<ConnectionTarget>>> byType = new LinkedHashMap<>();
            asMap(types).forEach((type, outputsValue) -> {
                if (!(outputsValue instanceof List<?> outputs)) {
                    problems.add(Problem.error(source, "connections." + type, "must be an array of outputs"));
                    return;
                }
                List<List<ConnectionTarget>> outs = new ArrayList<>();
                for (int i = 0; i < outputs.size(); i++) {
                    List<ConnectionTarget> targets = new ArrayList<>();
                    Object targetsValue = outputs.get(i);
                    if (targetsValue instanceof List<?> list) {
                        for (Object t : list) {
                            if (t instanceof Map<?, ?> tm && tm.get("node") instanceof String node) {
                                Object idx = tm.get("index");
                                if (idx != null && !(idx instanceof Number n && n.intValue() >= 0
                                        && n.doubleValue() == n.intValue())) {
                                    problems.add(Problem.error(source, "connections." + type + "[" + i + "]",
                                            "the input index of the connection to \"" + node
                                                    + "\" must be a whole number, 0 or more"));
                                    continue;
                                }
                                targets.add(new ConnectionTarget(node,
                                        tm.get("type") instanceof String tt ? tt : type,
                                        idx instanceof Number n ? n.intValue() : 0));
                            } else {
                                problems.add(Problem.error(source, "connections." + type + "[" + i + "]",
                                        "each target needs {\"node\", \"type\", \"index\"}"));
                            }
                        }
                    } else if (targetsValue != null) {
                        problems.add(Problem.error(source, "connections." + type + "[" + i + "]", "must be an array"));
                    }
                    outs.add(targets);
                }
                byType.put(type, outs);
            });
            out.put(source, byType);
        });
        return new Connections(out);
    }

    private static Map<String, List<Map<String, Object>>> readPinData(Object value, List<Problem> problems) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> raw)) {
            problems.add(Problem.error(null, "pinData", "must be an object keyed by node name"));
            return Map.of();
        }
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        asMap(raw).forEach((node, items) -> {
            if (!(items instanceof List<?> list)) {
                problems.add(Problem.error(node, "pinData", "must be an array of items"));
                return;
            }
            List<Map<String, Object>> pinned = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map<?, ?> im) {
                    pinned.add(asMap(im));
                } else {
                    problems.add(Problem.error(node, "pinData", "each pinned item must be an object"));
                }
            }
            out.put(node, pinned);
        });
        return out;
    }

    /** Writes a workflow as n8n JSON, pretty-printed. */
    public static String write(Workflow workflow) {
        return Json.writePretty(toMap(workflow));
    }

    /** The workflow as n8n's JSON object (fields the model names first, then the kept ones). */
    public static Map<String, Object> toMap(Workflow w) {
        Map<String, Object> doc = new LinkedHashMap<>();
        if (w.id() != null) {
            doc.put("id", w.id());
        }
        if (w.name() != null) {
            doc.put("name", w.name());
        }
        List<Object> nodes = new ArrayList<>();
        for (WorkflowNode n : w.nodes()) {
            nodes.add(nodeToMap(n));
        }
        doc.put("nodes", nodes);
        doc.put("connections", connectionsToMap(w.connections()));
        if (!w.settings().isEmpty()) {
            doc.put("settings", w.settings());
        }
        if (!w.pinData().isEmpty()) {
            doc.put("pinData", w.pinData());
        }
        doc.putAll(w.extra());
        return doc;
    }

    public static Map<String, Object> nodeToMap(WorkflowNode n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parameters", n.parameters());
        if (n.id() != null) {
            m.put("id", n.id());
        }
        m.put("name", n.name());
        m.put("type", n.type());
        m.put("typeVersion", Json.number(n.typeVersion()));
        m.put("position", List.of(Json.number(n.x()), Json.number(n.y())));
        if (!n.credentials().isEmpty()) {
            m.put("credentials", n.credentials());
        }
        if (n.disabled()) {
            m.put("disabled", true);
        }
        if (n.notes() != null) {
            m.put("notes", n.notes());
        }
        if (n.retryOnFail()) {
            m.put("retryOnFail", true);
        }
        if (n.maxTries() != 3) {
            m.put("maxTries", n.maxTries());
        }
        if (n.waitBetweenTries() != 1000) {
            m.put("waitBetweenTries", n.waitBetweenTries());
        }
        boolean legacyContinue = Boolean.TRUE.equals(n.extra().get("continueOnFail"));
        if (n.onError() != OnError.STOP_WORKFLOW && !(legacyContinue && n.onError() == OnError.CONTINUE_REGULAR_OUTPUT)) {
            m.put("onError", n.onError().n8nName());
        }
        if (n.alwaysOutputData()) {
            m.put("alwaysOutputData", true);
        }
        if (n.executeOnce()) {
            m.put("executeOnce", true);
        }
        m.putAll(n.extra());
        return m;
    }

    public static Map<String, Object> connectionsToMap(Connections connections) {
        Map<String, Object> out = new LinkedHashMap<>();
        connections.bySource().forEach((source, types) -> {
            Map<String, Object> t = new LinkedHashMap<>();
            types.forEach((type, outputs) -> {
                List<Object> outs = new ArrayList<>();
                for (var targets : outputs) {
                    List<Object> list = new ArrayList<>();
                    for (ConnectionTarget target : targets) {
                        Map<String, Object> tm = new LinkedHashMap<>();
                        tm.put("node", target.node());
                        tm.put("type", target.type());
                        tm.put("index", target.index());
                        list.add(tm);
                    }
                    outs.add(list);
                }
                t.put(type, outs);
            });
            out.put(source, t);
        });
        return out;
    }
}
