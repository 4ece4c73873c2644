package dev.switchboard.nodes.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.nodes.NodeTestKit;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.PairedItem;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.workflow.Workflow;

/**
 * Runs one list node after a manual trigger (optionally behind a Code node that makes the input, for
 * binary data), for the tests of the transform package's list nodes.
 */
final class ListRuns {

    static final String NODE = "Node";

    private ListRuns() {
    }

    /**
     * A workflow: trigger, then (when {@code sourceCode} is given) a Code node running it once for all
     * items, then the node with the given parameters and settings ({@code settings} is extra JSON
     * members such as {@code "onError":"continueRegularOutput"}, or null).
     */
    static Workflow workflow(String type, double version, String parameters, String settings, String sourceCode) {
        StringBuilder nodes = new StringBuilder("[{\"name\":\"Trigger\",\"type\":\"n8n-nodes-base.manualTrigger\","
                + "\"typeVersion\":1,\"position\":[0,0],\"parameters\":{}}");
        if (sourceCode != null) {
            nodes.append(",{\"name\":\"Source\",\"type\":\"n8n-nodes-base.code\",\"typeVersion\":2,\"position\":[100,0],"
                    + "\"parameters\":{\"jsCode\":").append(Json.write(sourceCode)).append("}}");
        }
        nodes.append(",{\"name\":\"" + NODE + "\",\"type\":\"n8n-nodes-base.").append(type)
                .append("\",\"typeVersion\":").append(version).append(",\"position\":[200,0],\"parameters\":")
                .append(parameters).append(settings == null ? "" : "," + settings).append("}]");
        String connections = "{\"Trigger\":{\"main\":[[{\"node\":\"" + (sourceCode != null ? "Source" : NODE)
                + "\",\"type\":\"main\",\"index\":0}]]}"
                + (sourceCode != null ? ",\"Source\":{\"main\":[[{\"node\":\"" + NODE + "\",\"type\":\"main\",\"index\":0}]]}" : "")
                + "}";
        return NodeTestKit.workflow("{\"name\":\"lists\",\"nodes\":" + nodes + ",\"connections\":" + connections + "}");
    }

    /** Runs the node on the items (a JSON array of objects) and checks that the run succeeded. */
    static RunResult run(String type, double version, String parameters, String items) {
        return succeeded(NodeTestKit.run(workflow(type, version, parameters, null, null), NodeTestKit.objs(items)));
    }

    /** Runs the node on the items a Code node returns ({@code return [{json: ..., binary: ...}]}). */
    static RunResult runFrom(String type, double version, String parameters, String sourceCode) {
        return succeeded(NodeTestKit.run(workflow(type, version, parameters, null, sourceCode), List.of()));
    }

    /** Runs the node with extra node settings, without judging the outcome. */
    static RunResult runWith(String type, double version, String parameters, String items, String settings) {
        return NodeTestKit.run(workflow(type, version, parameters, settings, null), NodeTestKit.objs(items));
    }

    /** Runs the node, which must fail, and returns the error message. */
    static String fail(String type, double version, String parameters, String items) {
        RunResult result = runWith(type, version, parameters, items, null);
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().node()).isEqualTo(NODE);
        return result.error().message();
    }

    private static RunResult succeeded(RunResult result) {
        assertThat(result.status()).as("run: %s", result.error() == null ? "" : result.error().describe())
                .isEqualTo(RunStatus.SUCCEEDED);
        return result;
    }

    /** The json of the node's output items. */
    static List<Map<String, Object>> json(RunResult result) {
        return NodeTestKit.json(result, NODE);
    }

    /** The node's output items. */
    static List<Item> items(RunResult result) {
        return result.output(NODE);
    }

    /** For each output item, the input item indexes it came from. */
    static List<List<Integer>> lineage(RunResult result) {
        List<List<Integer>> out = new ArrayList<>();
        for (Item item : result.output(NODE)) {
            out.add(item.pairedItem().stream().map(PairedItem::item).toList());
        }
        return out;
    }

    /** The node's log lines. */
    static List<String> logs(RunResult result) {
        return result.steps(NODE).get(0).logs();
    }

    /** JSON text to a list of objects, for comparisons. */
    static List<Map<String, Object>> objs(String json) {
        return NodeTestKit.objs(json);
    }
}
