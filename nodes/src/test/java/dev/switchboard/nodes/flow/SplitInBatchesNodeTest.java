package dev.switchboard.nodes.flow;

import static dev.switchboard.nodes.NodeTestKit.json;
import static dev.switchboard.nodes.NodeTestKit.objs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.nodes.NodeTestKit;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.Step;

class SplitInBatchesNodeTest {

    private static final String FIVE = "[{n: 1}, {n: 2}, {n: 3}, {n: 4}, {n: 5}]";
    private static final String PROCESS = "return $input.all().map(i => ({json: {...i.json, processed: true}}));";

    /** Items → Loop (batches of 2) → Process → back to Loop; the loop's "done" goes to Done. */
    private static RunResult loop(double version, String loopParameters, int doneOutput) {
        int loopOutput = version >= 3 ? 1 : 0;
        String json = """
                {"name": "loop", "nodes": [
                  {"name": "Trigger", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"name": "Items", "type": "n8n-nodes-base.code", "typeVersion": 1, "position": [200, 0],
                   "parameters": {"jsCode": %s}},
                  {"name": "Loop", "type": "n8n-nodes-base.splitInBatches", "typeVersion": %s, "position": [400, 0],
                   "parameters": %s},
                  {"name": "Process", "type": "n8n-nodes-base.code", "typeVersion": 1, "position": [600, 200],
                   "parameters": {"jsCode": %s}},
                  {"name": "Done", "type": "n8n-nodes-base.noOp", "typeVersion": 1, "position": [600, -200], "parameters": {}}
                ], "connections": {
                  "Trigger": {"main": [[{"node": "Items", "type": "main", "index": 0}]]},
                  "Items": {"main": [[{"node": "Loop", "type": "main", "index": 0}]]},
                  "Loop": {"main": %s},
                  "Process": {"main": [[{"node": "Loop", "type": "main", "index": 0}]]}
                }}""".formatted(Json.write("return " + FIVE + ";"), version, loopParameters, Json.write(PROCESS),
                outputs(loopOutput, doneOutput));
        return NodeTestKit.run(NodeTestKit.workflow(json), List.of());
    }

    private static String outputs(int loopOutput, int doneOutput) {
        String process = "[{\"node\": \"Process\", \"type\": \"main\", \"index\": 0}]";
        String done = "[{\"node\": \"Done\", \"type\": \"main\", \"index\": 0}]";
        if (doneOutput < 0) {
            return "[" + process + "]";
        }
        return loopOutput == 0 ? "[" + process + ", " + done + "]" : "[" + done + ", " + process + "]";
    }

    @Test
    void version3LoopsBackUntilDoneThenOutputsEverythingThatWasProcessed() {
        RunResult r = loop(3, "{\"batchSize\": 2}", 0);
        assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(r.steps("Loop")).hasSize(4);
        assertThat(r.steps("Process")).extracting(s -> s.outputs().get(0).size()).containsExactly(2, 2, 1);
        assertThat(r.steps("Done")).hasSize(1);
        assertThat(json(r, "Done")).isEqualTo(objs("""
                [{"n":1,"processed":true},{"n":2,"processed":true},{"n":3,"processed":true},
                 {"n":4,"processed":true},{"n":5,"processed":true}]"""));
    }

    @Test
    void version3BatchesOneItemByDefault() {
        RunResult r = loop(3, "{}", 0);
        assertThat(r.steps("Process")).hasSize(5);
        assertThat(json(r, "Done")).hasSize(5);
    }

    @Test
    void version2HasTheLoopOutputFirstAndBatchesTenByDefault() {
        RunResult r = loop(2, "{\"batchSize\": 2}", 1);
        assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(r.steps("Process")).hasSize(3);
        assertThat(json(r, "Done")).hasSize(5).allSatisfy(m -> assertThat(m).containsEntry("processed", true));
        RunResult tens = loop(2.1, "{}", 1);
        assertThat(tens.steps("Process")).extracting(s -> s.outputs().get(0).size()).containsExactly(5);
    }

    @Test
    void version1HasOneOutputAndStopsWhenNoItemsAreLeft() {
        RunResult r = loop(1, "{\"batchSize\": 2}", -1);
        assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(r.steps("Loop")).hasSize(4);
        assertThat(r.steps("Process")).hasSize(3);
        Step last = r.steps("Loop").get(3);
        assertThat(last.outputs().get(0)).isEmpty();
        assertThat(last.nodeState()).containsEntry("noItemsLeft", true).containsEntry("maxRunIndex", 3L)
                .containsEntry("currentRunIndex", 3L);
    }

    @Test
    void theContextTellsExpressionsHowFarTheLoopIs() {
        FakeContext ctx = new FakeContext(1).parameters(Map.of("batchSize", 2L))
                .input(objs("[{\"n\":1},{\"n\":2},{\"n\":3}]"));
        new SplitInBatchesNode().execute(ctx);
        assertThat(ctx.state).containsEntry("noItemsLeft", false).containsEntry("currentRunIndex", 0L)
                .containsEntry("maxRunIndex", 2L);
        assertThat(Json.write(ctx.state.get("items"))).isEqualTo("[{\"json\":{\"n\":3}}]");
    }

    @Test
    void nestedVersion3LoopsStartOverForEveryOuterItem() {
        String json = """
                {"name": "nested", "nodes": [
                  {"name": "Trigger", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"name": "Parents", "type": "n8n-nodes-base.code", "typeVersion": 1, "position": [200, 0],
                   "parameters": {"jsCode": "return [{p: 'P1'}, {p: 'P2'}];"}},
                  {"name": "Outer", "type": "n8n-nodes-base.splitInBatches", "typeVersion": 3, "position": [400, 0], "parameters": {}},
                  {"name": "Children", "type": "n8n-nodes-base.code", "typeVersion": 1, "position": [600, 100],
                   "parameters": {"jsCode": "const p = $input.first().json.p; return [{p, c: 'C1'}, {p, c: 'C2'}];"}},
                  {"name": "Inner", "type": "n8n-nodes-base.splitInBatches", "typeVersion": 3, "position": [800, 100], "parameters": {}},
                  {"name": "Work", "type": "n8n-nodes-base.code", "typeVersion": 1, "position": [1000, 200],
                   "parameters": {"jsCode": "return {...$input.first().json, done: true};"}},
                  {"name": "Outer Done", "type": "n8n-nodes-base.noOp", "typeVersion": 1, "position": [600, -100], "parameters": {}}
                ], "connections": {
                  "Trigger": {"main": [[{"node": "Parents", "type": "main", "index": 0}]]},
                  "Parents": {"main": [[{"node": "Outer", "type": "main", "index": 0}]]},
                  "Outer": {"main": [[{"node": "Outer Done", "type": "main", "index": 0}], [{"node": "Children", "type": "main", "index": 0}]]},
                  "Children": {"main": [[{"node": "Inner", "type": "main", "index": 0}]]},
                  "Inner": {"main": [[{"node": "Outer", "type": "main", "index": 0}], [{"node": "Work", "type": "main", "index": 0}]]},
                  "Work": {"main": [[{"node": "Inner", "type": "main", "index": 0}]]}
                }}""";
        RunResult r = NodeTestKit.run(NodeTestKit.workflow(json), List.of());
        assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(json(r, "Outer Done")).isEqualTo(objs("""
                [{"p":"P1","c":"C1","done":true},{"p":"P1","c":"C2","done":true},
                 {"p":"P2","c":"C1","done":true},{"p":"P2","c":"C2","done":true}]"""));
    }

    @Test
    void resetStartsOverWithTheIncomingItems() {
        SplitInBatchesNode node = new SplitInBatchesNode();
        FakeContext ctx = new FakeContext(2).parameters(Map.of("batchSize", 1L)).input(objs("[{\"a\":1},{\"a\":2}]"));
        node.execute(ctx);
        ctx.input(objs("[{\"a\":1}]")).runIndex(1);
        assertThat(loopOutput(node.execute(ctx), 0)).isEqualTo(objs("[{\"a\":2}]"));
        ctx.parameters(Map.of("batchSize", 1L, "options", Map.of("reset", true))).input(objs("[{\"x\":1},{\"x\":2}]"))
                .runIndex(2);
        assertThat(loopOutput(node.execute(ctx), 0)).isEqualTo(objs("[{\"x\":1}]"));
        assertThat(ctx.state).containsEntry("currentRunIndex", 0L).containsEntry("processedItems", List.of());
    }

    @Test
    void version2ContinuesWhereItStoppedButVersion3StartsOverOnceDone() {
        for (double version : new double[] {2, 3}) {
            SplitInBatchesNode node = new SplitInBatchesNode();
            FakeContext ctx = new FakeContext(version).parameters(Map.of("batchSize", 5L)).input(objs("[{\"a\":1}]"));
            node.execute(ctx);
            ctx.input(objs("[{\"a\":1}]")).runIndex(1);
            node.execute(ctx);
            assertThat(ctx.state).containsEntry("done", true);
            ctx.input(objs("[{\"b\":1}]")).runIndex(2);
            NodeResult third = node.execute(ctx);
            if (version < 3) {
                assertThat(loopOutput(third, 1)).isEqualTo(objs("[{\"a\":1},{\"b\":1}]"));
            } else {
                assertThat(loopOutput(third, 1)).isEqualTo(objs("[{\"b\":1}]"));
            }
        }
    }

    @Test
    void aBatchSizeBelowOneIsRefused() {
        FakeContext ctx = new FakeContext(3).parameters(Map.of("batchSize", 0L)).input(objs("[{\"a\":1}]"));
        assertThatThrownBy(() -> new SplitInBatchesNode().execute(ctx)).isInstanceOf(NodeException.class)
                .hasMessageContaining("batchSize");
    }

    @Test
    void aLoopThatNeverEndsIsStopped() {
        FakeContext ctx = new FakeContext(3).input(objs("[{\"a\":1}]")).runIndex(SplitInBatchesNode.MAX_RUNS);
        assertThatThrownBy(() -> new SplitInBatchesNode().execute(ctx)).hasMessageContaining("never to finish");
    }

    @Test
    void declaresOneOutputInVersion1AndTwoLater() {
        SplitInBatchesNode node = new SplitInBatchesNode();
        assertThat(node.outputCount(1, Map.of())).isEqualTo(1);
        assertThat(node.outputCount(2.1, Map.of())).isEqualTo(2);
        assertThat(node.outputCount(3, Map.of())).isEqualTo(2);
    }

    private static List<Map<String, Object>> loopOutput(NodeResult result, int output) {
        return ((NodeResult.Outputs) result).outputs().get(output).stream().map(Item::json).toList();
    }
}
