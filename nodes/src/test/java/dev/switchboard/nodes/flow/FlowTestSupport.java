package dev.switchboard.nodes.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.nodes.NodeTestKit;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowJson;

/**
 * Builds small workflows for the flow nodes' tests: a manual trigger, one Code node per input that
 * returns fixed items, and the node under test (named "Node") with each Code node on its own input.
 */
final class FlowTestSupport {

    static final String NODE = "Node";

    private FlowTestSupport() {
    }

    /** Runs {@code type} with the given inputs, each a JSON array of objects ({@code null} for a silent input). */
    static RunResult runWithInputs(String type, double version, String parametersJson, String... inputs) {
        return NodeTestKit.run(withInputs(type, version, parametersJson, Map.of(), inputs), List.of());
    }

    static Workflow withInputs(String type, double version, String parametersJson, Map<String, Object> nodeSettings,
            String... inputs) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        Map<String, Object> connections = new LinkedHashMap<>();
        nodes.add(node("Trigger", "n8n-nodes-base.manualTrigger", 1, 0, 0, Map.of()));
        List<Object> triggerTargets = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            String name = "In" + (i + 1);
            String data = inputs[i] == null ? "[]" : inputs[i];
            nodes.add(node(name, "n8n-nodes-base.code", 1, 200, i * 200, Map.of("jsCode", "return " + data + ";")));
            triggerTargets.add(Map.of("node", name, "type", "main", "index", 0));
            connections.put(name, Map.of("main", List.of(List.of(Map.of("node", NODE, "type", "main", "index", i)))));
        }
        connections.put("Trigger", Map.of("main", List.of(triggerTargets)));
        Map<String, Object> tested = node(NODE, type, version, 400, 0, Json.parseObject(parametersJson));
        tested.putAll(nodeSettings);
        nodes.add(tested);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", "test");
        doc.put("nodes", nodes);
        doc.put("connections", connections);
        return WorkflowJson.fromMap(doc);
    }

    /** As {@link #withInputs}, with a Code node "After" (run once for each item) behind output 0. */
    static RunResult runWithInputsThen(String type, double version, String parametersJson, String afterCode,
            String... inputs) {
        Workflow base = withInputs(type, version, parametersJson, Map.of(), inputs);
        Map<String, Object> doc = WorkflowJson.toMap(base);
        @SuppressWarnings("unchecked")
        List<Object> nodes = new ArrayList<>((List<Object>) doc.get("nodes"));
        nodes.add(node("After", "n8n-nodes-base.code", 2, 600, 0,
                Map.of("mode", "runOnceForEachItem", "jsCode", afterCode)));
        @SuppressWarnings("unchecked")
        Map<String, Object> connections = new LinkedHashMap<>((Map<String, Object>) doc.get("connections"));
        connections.put(NODE, Map.of("main", List.of(List.of(Map.of("node", "After", "type", "main", "index", 0)))));
        doc.put("nodes", nodes);
        doc.put("connections", connections);
        return NodeTestKit.run(WorkflowJson.fromMap(doc), List.of());
    }

    static Map<String, Object> node(String name, String type, double version, int x, int y,
            Map<String, Object> parameters) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("name", name);
        n.put("type", type);
        n.put("typeVersion", version);
        n.put("position", List.of(x, y));
        n.put("parameters", parameters);
        return n;
    }

    static List<Map<String, Object>> out(RunResult result) {
        return NodeTestKit.json(result, NODE, 0);
    }

    static List<Map<String, Object>> out(RunResult result, int output) {
        return NodeTestKit.json(result, NODE, output);
    }

    static String error(RunResult result) {
        return result.error() == null ? null : result.error().message();
    }
}
