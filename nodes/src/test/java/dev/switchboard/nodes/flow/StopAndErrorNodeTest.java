package dev.switchboard.nodes.flow;

import static dev.switchboard.nodes.NodeTestKit.json;
import static dev.switchboard.nodes.NodeTestKit.objs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.nodes.NodeTestKit;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;

class StopAndErrorNodeTest {

    private static RunResult run(String parameters) {
        return NodeTestKit.run(NodeTestKit.chain("Stop", "n8n-nodes-base.stopAndError", 1, parameters),
                List.of(Map.of("a", 1L)));
    }

    @Test
    void failsTheRunWithTheMessage() {
        RunResult r = run("{\"errorMessage\": \"={{ 'order ' + $json.a + ' is invalid' }}\"}");
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.error().node()).isEqualTo("Stop");
        assertThat(r.error().message()).isEqualTo("order 1 is invalid");
    }

    @Test
    void anErrorObjectReportsItsMessageAndDescription() {
        RunResult r = run("{\"errorType\": \"errorObject\", \"errorObject\": "
                + "\"{\\\"message\\\": \\\"Out of stock\\\", \\\"description\\\": \\\"SKU 42 is gone\\\", \\\"code\\\": 409}\"}");
        assertThat(r.error().message()).isEqualTo("Out of stock");
        assertThat(r.error().description()).isEqualTo("SKU 42 is gone");
    }

    @Test
    void anErrorObjectWithoutMessageFallsBackToDescriptionErrorThenItsJson() {
        StopAndErrorNode node = new StopAndErrorNode();
        FakeContext ctx = new FakeContext(1).input(objs("[{}]"));
        assertThatThrownBy(() -> node.execute(ctx.parameters(Map.of("errorType", "errorObject",
                "errorObject", Map.of("description", "only a description"))))).hasMessage("only a description");
        assertThatThrownBy(() -> node.execute(ctx.parameters(Map.of("errorType", "errorObject",
                "errorObject", "{\"error\": \"plain error\"}")))).hasMessage("plain error");
        assertThatThrownBy(() -> node.execute(ctx.parameters(Map.of("errorType", "errorObject",
                "errorObject", "{\"code\": 7}")))).hasMessage("Error: {\"code\":7}");
    }

    @Test
    void anErrorObjectThatIsNotJsonIsNamed() {
        FakeContext ctx = new FakeContext(1).input(objs("[{}]"))
                .parameters(Map.of("errorType", "errorObject", "errorObject", "{not json"));
        assertThatThrownBy(() -> new StopAndErrorNode().execute(ctx)).isInstanceOf(NodeException.class)
                .hasMessageContaining("errorObject");
    }

    @Test
    void continuingOnFailPassesTheItemsOn() {
        var workflow = NodeTestKit.workflow("""
                {"name": "t", "nodes": [
                  {"name": "Trigger", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"name": "Stop", "type": "n8n-nodes-base.stopAndError", "typeVersion": 1, "position": [200, 0],
                   "parameters": {"errorMessage": "no"}, "onError": "continueRegularOutput"}
                ], "connections": {"Trigger": {"main": [[{"node": "Stop", "type": "main", "index": 0}]]}}}""");
        RunResult r = NodeTestKit.run(workflow, List.of(Map.of("a", 1L)));
        assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(json(r, "Stop")).isEqualTo(objs("[{\"a\":1}]"));
    }

    @Test
    void hasNoOutputs() {
        assertThat(new StopAndErrorNode().descriptor().outputs()).isEmpty();
    }
}
