package dev.switchboard.nodes.transform;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.nodes.NodeTestKit;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.workflow.WorkflowJson;

/**
 * Runs one node ("Node") after a manual trigger, for the tests of Edit Fields, Rename Keys, Date
 * &amp; Time and Crypto. Items either come from the trigger or, when they carry attachments, from a
 * Code node that returns them.
 */
final class FieldNodeRuns {

    static final String NODE = "Node";

    private FieldNodeRuns() {
    }

    /** A run configuration: node type and version, parameters, node settings, workflow settings, zone. */
    record Spec(String type, double version, String parameters, Map<String, Object> settings,
            Map<String, Object> workflowSettings, ZoneId zone) {

        static Spec of(String type, double version, String parameters) {
            return new Spec(type, version, parameters, Map.of(), Map.of(), ZoneId.of("UTC"));
        }

        Spec continueOnFail() {
            return new Spec(type, version, parameters, Map.of("onError", "continueRegularOutput"), workflowSettings, zone);
        }

        Spec inZone(String id) {
            return new Spec(type, version, parameters, settings, workflowSettings, ZoneId.of(id));
        }

        Spec workflowTimezone(String id) {
            return new Spec(type, version, parameters, settings, Map.of("timezone", id), zone);
        }

        /** Runs with these items (a JSON array of objects) coming from the trigger. */
        RunResult run(String items) {
            return NodeTestKit.run(WorkflowJson.fromMap(document(null)), NodeTestKit.objs(items), zone);
        }

        /** Runs with items (a JavaScript array of {json, binary} objects) returned by a Code node. */
        RunResult runWithCode(String codeItems) {
            return NodeTestKit.run(WorkflowJson.fromMap(document(codeItems)), List.of(), zone);
        }

        private Map<String, Object> document(String codeItems) {
            List<Map<String, Object>> nodes = new ArrayList<>();
            Map<String, Object> connections = new LinkedHashMap<>();
            nodes.add(node("Trigger", "n8n-nodes-base.manualTrigger", 1, Map.of()));
            String previous = "Trigger";
            if (codeItems != null) {
                nodes.add(node("Source", "n8n-nodes-base.code", 2, Map.of("jsCode", "return " + codeItems + ";")));
                connections.put("Trigger", link("Source"));
                previous = "Source";
            }
            Map<String, Object> tested = node(NODE, type, version, Json.parseObject(parameters));
            tested.putAll(settings);
            nodes.add(tested);
            connections.put(previous, link(NODE));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("name", "test");
            doc.put("nodes", nodes);
            doc.put("connections", connections);
            doc.put("settings", workflowSettings);
            return doc;
        }
    }

    private static Map<String, Object> link(String target) {
        return Map.of("main", List.of(List.of(Map.of("node", target, "type", "main", "index", 0))));
    }

    private static Map<String, Object> node(String name, String type, double version, Map<String, Object> parameters) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("name", name);
        n.put("type", type);
        n.put("typeVersion", version);
        n.put("position", List.of(0, 0));
        n.put("parameters", parameters);
        return n;
    }

    static List<Map<String, Object>> out(RunResult result) {
        return NodeTestKit.json(result, NODE, 0);
    }

    static List<Item> items(RunResult result) {
        return result.output(NODE, 0);
    }

    static String error(RunResult result) {
        return result.error() == null ? null : result.error().message();
    }
}
