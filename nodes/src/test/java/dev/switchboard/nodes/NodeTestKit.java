package dev.switchboard.nodes;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.expression.JavaScriptEngine;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeTypes;
import dev.switchboard.platform.run.InMemoryRunJournal;
import dev.switchboard.platform.run.RunClock;
import dev.switchboard.platform.run.RunRequest;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.WorkflowExecutor;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowJson;

/** Runs workflows in tests: the real node library, the real sandbox, an in-memory journal, a virtual clock. */
public final class NodeTestKit {

    public static final NodeTypes TYPES = NodeTypes.load();
    public static final WorkflowExecutor EXECUTOR = new WorkflowExecutor(TYPES, JavaScriptEngine.shared());
    private static int counter;

    private NodeTestKit() {
    }

    public static RunResult run(Workflow workflow, List<Map<String, Object>> items) {
        return run(workflow, items, ZoneId.of("UTC"));
    }

    public static RunResult run(Workflow workflow, List<Map<String, Object>> items, ZoneId zone) {
        return run(workflow, items, zone, ZoneId.of("UTC"));
    }

    /** A run with the given default zone (for workflows without settings.timezone) and machine zone. */
    public static synchronized RunResult run(Workflow workflow, List<Map<String, Object>> items, ZoneId zone,
            ZoneId serverZone) {
        List<Item> start = new ArrayList<>();
        for (Map<String, Object> m : items) {
            start.add(Item.of(m));
        }
        RunRequest request = RunRequest.manual("test-" + (++counter), workflow, start)
                .withPinData(false)
                .withClock(RunClock.virtual(Instant.now()))
                .withDefaultZone(zone)
                .withServerZone(serverZone);
        return EXECUTOR.execute(request, new InMemoryRunJournal());
    }

    /** Reads a workflow from JSON text (single quotes allowed for readability: they become double quotes). */
    public static Workflow workflow(String json) {
        return WorkflowJson.read(json);
    }

    /** The json of each item on an output of a node's last run. */
    public static List<Map<String, Object>> json(RunResult result, String node, int output) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Item i : result.output(node, output)) {
            out.add(i.json());
        }
        return out;
    }

    public static List<Map<String, Object>> json(RunResult result, String node) {
        return json(result, node, 0);
    }

    /** A JSON object from text. */
    public static Map<String, Object> obj(String json) {
        return Json.parseObject(json);
    }

    /** A list of JSON objects from a JSON array text. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> objs(String jsonArray) {
        return new ArrayList<>((List<Map<String, Object>>) Json.parse(jsonArray));
    }

    /**
     * A workflow: a manual trigger named "Trigger" followed by a chain of nodes, each given as
     * {@code name, type, typeVersion, parametersJson}.
     */
    public static Workflow chain(Object... nodeSpecs) {
        StringBuilder nodes = new StringBuilder("[{\"name\":\"Trigger\",\"type\":\"n8n-nodes-base.manualTrigger\",\"typeVersion\":1,\"position\":[0,0],\"parameters\":{}}");
        Map<String, Object> connections = new LinkedHashMap<>();
        String previous = "Trigger";
        for (int i = 0; i < nodeSpecs.length; i += 4) {
            String name = (String) nodeSpecs[i];
            nodes.append(",{\"name\":").append(Json.write(name)).append(",\"type\":").append(Json.write(nodeSpecs[i + 1]))
                    .append(",\"typeVersion\":").append(nodeSpecs[i + 2]).append(",\"position\":[").append((i / 4 + 1) * 200)
                    .append(",0],\"parameters\":").append(nodeSpecs[i + 3]).append('}');
            connections.put(previous, Map.of("main", List.of(List.of(Map.of("node", name, "type", "main", "index", 0)))));
            previous = name;
        }
        nodes.append(']');
        return WorkflowJson.read("{\"name\":\"test\",\"nodes\":" + nodes + ",\"connections\":" + Json.write(connections) + "}");
    }
}
