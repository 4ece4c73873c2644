package dev.switchboard.nodes.flow;

import static dev.switchboard.nodes.NodeTestKit.json;
import static dev.switchboard.nodes.NodeTestKit.objs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.nodes.NodeTestKit;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.PairedItem;
import dev.switchboard.platform.node.SubWorkflowRunner;
import dev.switchboard.platform.run.InMemoryRunJournal;
import dev.switchboard.platform.run.RunClock;
import dev.switchboard.platform.run.RunRequest;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.SubWorkflowLoader;
import dev.switchboard.platform.workflow.Workflow;

class ExecuteWorkflowNodeTest {

    /** A sub-workflow that doubles {@code n} of every item it is called with. */
    private static final String DOUBLER = """
            {"name": "doubler", "nodes": [
              {"name": "Called", "type": "n8n-nodes-base.executeWorkflowTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
              {"name": "Double", "type": "n8n-nodes-base.code", "typeVersion": 1, "position": [200, 0],
               "parameters": {"jsCode": "return $input.all().map(i => ({json: {n: i.json.n * 2, count: $input.all().length}}));"}}
            ], "connections": {"Called": {"main": [[{"node": "Double", "type": "main", "index": 0}]]}}}""";

    private static final String FAILING = """
            {"name": "failing", "nodes": [
              {"name": "Called", "type": "n8n-nodes-base.executeWorkflowTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
              {"name": "Boom", "type": "n8n-nodes-base.stopAndError", "typeVersion": 1, "position": [200, 0],
               "parameters": {"errorMessage": "sub-workflow says no"}}
            ], "connections": {"Called": {"main": [[{"node": "Boom", "type": "main", "index": 0}]]}}}""";

    private static RunResult run(String parameters, List<Map<String, Object>> items, SubWorkflowLoader loader,
            Map<String, Object> settings) {
        Map<String, Object> node = FlowTestSupport.node("Call", "n8n-nodes-base.executeWorkflow", 1, 200, 0,
                Json.parseObject(parameters));
        node.putAll(settings);
        String json = """
                {"name": "caller", "nodes": [
                  {"name": "Trigger", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  %s
                ], "connections": {"Trigger": {"main": [[{"node": "Call", "type": "main", "index": 0}]]}}}"""
                .formatted(Json.write(node));
        Workflow workflow = NodeTestKit.workflow(json);
        List<Item> start = new ArrayList<>();
        items.forEach(m -> start.add(Item.of(m)));
        RunRequest request = RunRequest.manual("exec-" + System.nanoTime(), workflow, start).withPinData(false)
                .withClock(RunClock.virtual(Instant.parse("2024-01-01T00:00:00Z"))).withDefaultZone(ZoneId.of("UTC"))
                .withSubWorkflows(loader);
        return NodeTestKit.EXECUTOR.execute(request, new InMemoryRunJournal());
    }

    private static String inline(String workflowJson, String extra) {
        return "{\"source\": \"parameter\", \"workflowJson\": " + Json.write(workflowJson) + extra + "}";
    }

    @Test
    void runsTheInlineWorkflowOnceWithAllItemsAndOutputsItsLastNode() {
        RunResult r = run(inline(DOUBLER, ""), objs("[{\"n\":1},{\"n\":2}]"), SubWorkflowLoader.none(), Map.of());
        assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(json(r, "Call")).isEqualTo(objs("[{\"n\":2,\"count\":2},{\"n\":4,\"count\":2}]"));
        assertThat(r.output("Call").get(1).pairedItem()).containsExactly(PairedItem.of(1));
    }

    @Test
    void eachModeRunsTheWorkflowOncePerItem() {
        RunResult r = run(inline(DOUBLER, ", \"mode\": \"each\""), objs("[{\"n\":1},{\"n\":2},{\"n\":3}]"),
                SubWorkflowLoader.none(), Map.of());
        assertThat(json(r, "Call")).isEqualTo(objs("[{\"n\":2,\"count\":1},{\"n\":4,\"count\":1},{\"n\":6,\"count\":1}]"));
        assertThat(r.output("Call").get(2).pairedItem()).containsExactly(PairedItem.of(2));
    }

    @Test
    void withoutWaitingTheInputItemsPassThrough() {
        RunResult r = run(inline(DOUBLER, ", \"options\": {\"waitForSubWorkflow\": false}"), objs("[{\"n\":1}]"),
                SubWorkflowLoader.none(), Map.of());
        assertThat(json(r, "Call")).isEqualTo(objs("[{\"n\":1}]"));
        RunResult failing = run(inline(FAILING, ", \"options\": {\"waitForSubWorkflow\": false}"), objs("[{\"n\":1}]"),
                SubWorkflowLoader.none(), Map.of());
        assertThat(failing.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(failing.steps("Call").get(0).logs()).anySatisfy(l -> assertThat(l).contains("sub-workflow says no"));
    }

    @Test
    void loadsStoredWorkflowsByIdAlsoFromAResourceLocator() {
        List<String> asked = new ArrayList<>();
        SubWorkflowLoader loader = (source, reference) -> {
            asked.add(source + ":" + reference);
            return NodeTestKit.workflow(DOUBLER);
        };
        RunResult plain = run("{\"workflowId\": \"wf-7\"}", objs("[{\"n\":5}]"), loader, Map.of());
        assertThat(json(plain, "Call")).isEqualTo(objs("[{\"n\":10,\"count\":1}]"));
        RunResult locator = run("{\"source\": \"database\", \"workflowId\": {\"__rl\": true, \"value\": \"wf-8\", \"mode\": \"id\"}}",
                objs("[{\"n\":1}]"), loader, Map.of());
        assertThat(locator.status()).isEqualTo(RunStatus.SUCCEEDED);
        RunResult file = run("{\"source\": \"localFile\", \"workflowPath\": \"/flows/doubler.json\"}", objs("[{\"n\":1}]"),
                loader, Map.of());
        assertThat(file.status()).isEqualTo(RunStatus.SUCCEEDED);
        RunResult url = run("{\"source\": \"url\", \"workflowUrl\": \"http://127.0.0.1/doubler.json\"}",
                objs("[{\"n\":1}]"), loader, Map.of());
        assertThat(url.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(asked).containsExactly("DATABASE:wf-7", "DATABASE:wf-8", "LOCAL_FILE:/flows/doubler.json",
                "URL:http://127.0.0.1/doubler.json");
    }

    @Test
    void aMissingWorkflowIdIsNamed() {
        RunResult r = run("{}", objs("[{\"n\":1}]"), SubWorkflowLoader.none(), Map.of());
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.error().message()).contains("workflowId");
    }

    @Test
    void aFailingSubWorkflowFailsTheCallerUnlessItContinuesOnFail() {
        RunResult r = run(inline(FAILING, ""), objs("[{\"n\":1}]"), SubWorkflowLoader.none(), Map.of());
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.error().message()).contains("sub-workflow says no");
        RunResult each = run(inline(FAILING, ", \"mode\": \"each\""), objs("[{\"n\":1},{\"n\":2}]"),
                SubWorkflowLoader.none(), Map.of("onError", "continueRegularOutput"));
        assertThat(each.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(json(each, "Call")).hasSize(2).allSatisfy(m -> assertThat(String.valueOf(m.get("error")))
                .contains("sub-workflow says no"));
    }

    @Test
    void passesPlainCopiesOfTheItemsToTheRunner() {
        List<List<Item>> received = new ArrayList<>();
        SubWorkflowRunner runner = (source, reference, items) -> {
            received.add(items);
            return List.of(Item.of(Map.of("ok", true)));
        };
        FakeContext ctx = new FakeContext(1).parameters(Map.of("source", "parameter", "workflowJson", "{}"))
                .input(objs("[{\"a\":1}]")).subWorkflows(runner);
        new ExecuteWorkflowNode().execute(ctx);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get(0).pairedItem()).isEmpty();
        assertThat(received.get(0).get(0).json()).isEqualTo(Map.of("a", 1L));
    }

    @Test
    void anUnknownSourceIsRefused() {
        FakeContext ctx = new FakeContext(1).parameters(Map.of("source", "ftp")).input(objs("[{\"a\":1}]"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ExecuteWorkflowNode().execute(ctx))
                .isInstanceOf(NodeException.class).hasMessageContaining("source");
    }
}
