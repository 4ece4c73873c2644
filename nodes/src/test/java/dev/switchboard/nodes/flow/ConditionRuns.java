package dev.switchboard.nodes.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.nodes.NodeTestKit;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.workflow.Workflow;

/** Runs one condition node after a manual trigger, for the If, Filter and Switch tests. */
final class ConditionRuns {

    static final String NODE = "Node";

    private ConditionRuns() {
    }

    /** A workflow: the trigger, then the node with the given parameters and error setting. */
    static Workflow workflow(String type, double version, String parameters, String onError) {
        String node = "{\"name\":\"" + NODE + "\",\"type\":\"n8n-nodes-base." + type + "\",\"typeVersion\":"
                + version + ",\"position\":[200,0],\"parameters\":" + parameters
                + (onError == null ? "" : ",\"onError\":\"" + onError + "\"") + "}";
        return NodeTestKit.workflow("{\"name\":\"conditions\",\"nodes\":[{\"name\":\"Trigger\",\"type\":"
                + "\"n8n-nodes-base.manualTrigger\",\"typeVersion\":1,\"position\":[0,0],\"parameters\":{}}," + node
                + "],\"connections\":{\"Trigger\":{\"main\":[[{\"node\":\"" + NODE + "\",\"type\":\"main\",\"index\":0}]]}}}");
    }

    /** Runs the node on items and checks that the run succeeded. */
    static RunResult run(String type, double version, String parameters, String items) {
        return run(type, version, parameters, items, null, ZoneId.of("UTC"));
    }

    static RunResult run(String type, double version, String parameters, String items, String onError, ZoneId zone) {
        RunResult result = NodeTestKit.run(workflow(type, version, parameters, onError), NodeTestKit.objs(items), zone);
        assertThat(result.status()).as("run of %s: %s", type, result.error() == null ? "" : result.error().describe())
                .isEqualTo(RunStatus.SUCCEEDED);
        return result;
    }

    /** Runs the node and returns the run, which must have failed. */
    static RunResult fail(String type, double version, String parameters, String items) {
        RunResult result = NodeTestKit.run(workflow(type, version, parameters, null), NodeTestKit.objs(items));
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        return result;
    }

    /** The values of one field of the items on an output. */
    static List<Object> field(RunResult result, int output, String name) {
        List<Object> out = new ArrayList<>();
        for (Item item : result.output(NODE, output)) {
            out.add(item.json().get(name));
        }
        return out;
    }

    /** The input item indexes the items on an output came from. */
    static List<Integer> lineage(RunResult result, int output) {
        List<Integer> out = new ArrayList<>();
        for (Item item : result.output(NODE, output)) {
            out.add(item.pairedItem().get(0).item());
        }
        return out;
    }

    /** How many outputs the node's step produced. */
    static int outputs(RunResult result) {
        return result.steps(NODE).get(0).outputs().size();
    }

    /** Items {@code {"id": i, "v": value}} for each value of a JSON array. */
    static String items(String valuesJson) {
        List<?> values = (List<?>) Json.parse(valuesJson);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Map<String, Object> item = new java.util.LinkedHashMap<>();
            item.put("id", (long) i);
            item.put("v", values.get(i));
            items.add(item);
        }
        return Json.write(items);
    }
}
