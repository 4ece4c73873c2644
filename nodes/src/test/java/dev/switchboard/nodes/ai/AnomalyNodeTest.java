package dev.switchboard.nodes.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.nodes.NodeTestKit;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NumberHistory;
import dev.switchboard.platform.run.InMemoryRunJournal;
import dev.switchboard.platform.run.RunRequest;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunServices;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.workflow.WorkflowJson;

/** The anomaly node flags values that stray from the history of their key, a history that outlives each run. */
class AnomalyNodeTest {

    private final NumberHistory history = NumberHistory.inMemory();
    private final RunServices services = (workflowId, node) -> history;

    private RunResult run(String method, List<Map<String, Object>> items) {
        var workflow = WorkflowJson.read("""
                {"name": "orders", "nodes": [
                  {"name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"name": "Check", "type": "switchboard.anomaly", "typeVersion": 1, "position": [200, 0],
                   "parameters": {"value": "={{ $json.amount }}", "key": "={{ $json.customer }}", "method": "%s",
                                  "threshold": 3.5, "window": 50, "minHistory": 5}}],
                 "connections": {"Start": {"main": [[{"node": "Check", "type": "main", "index": 0}]]}}}""".formatted(method));
        return NodeTestKit.EXECUTOR.execute(RunRequest.builder("a-" + System.nanoTime(), workflow)
                .startItems(items.stream().map(Item::of).toList()).services(services).build(), new InMemoryRunJournal());
    }

    private static List<Map<String, Object>> orders(String customer, double... amounts) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (double a : amounts) {
            out.add(Map.of("customer", customer, "amount", a));
        }
        return out;
    }

    @Test
    void aValueFarFromItsKeysHistoryIsAnAnomalyWithItsScore() {
        RunResult learning = run("mad", orders("ada", 100, 104, 98, 101, 97, 103, 99, 102));
        assertThat(NodeTestKit.json(learning, "Check", 1)).isEmpty();
        assertThat(NodeTestKit.json(learning, "Check", 0).get(0).get("anomaly").toString()).contains("learning: 0 of 5");

        RunResult next = run("mad", orders("ada", 101, 480));
        assertThat(next.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(NodeTestKit.json(next, "Check", 0)).extracting(j -> j.get("amount")).containsExactly(101.0);
        Map<?, ?> flagged = (Map<?, ?>) NodeTestKit.json(next, "Check", 1).get(0).get("anomaly");
        assertThat(flagged.get("isAnomaly")).isEqualTo(true);
        assertThat((Double) flagged.get("score")).isGreaterThan(50);
        assertThat(flagged.get("median")).as("of 97 to 104 and 101").isEqualTo(101.0);
        assertThat(flagged.get("historySize")).isEqualTo(9);

        RunResult otherKey = run("mad", orders("bob", 480));
        assertThat(NodeTestKit.json(otherKey, "Check", 1)).as("bob has no history yet").isEmpty();
    }

    @Test
    void theMedianAbsoluteDeviationIsNotSwayedByEarlierWildValuesAsTheZScoreIs() {
        List<Double> history = List.of(10.0, 11.0, 9.0, 10.0, 12.0, 10.0, 9.0, 11.0, 500.0, 10.0);
        var mad = AnomalyNode.mad(history, 30);
        var z = AnomalyNode.zScore(history, 30);
        assertThat(mad.score()).as("robust: 30 is far from ~10").isGreaterThan(3.5);
        assertThat(z.score()).as("the 500 inflates the standard deviation").isLessThan(1);
        assertThat(AnomalyNode.mad(List.of(5.0, 5.0, 5.0, 5.0, 5.0), 5).score()).isZero();
        assertThat(AnomalyNode.mad(List.of(5.0, 5.0, 5.0, 5.0, 5.0), 6).score()).isEqualTo(AnomalyNode.MAX_SCORE);
    }

    @Test
    void zScoreFlagsAValueManyStandardDeviationsAway() {
        run("zScore", orders("c", 10, 12, 11, 9, 10, 11, 12, 9));
        RunResult result = run("zScore", orders("c", 40));
        Map<?, ?> a = (Map<?, ?>) NodeTestKit.json(result, "Check", 1).get(0).get("anomaly");
        assertThat(a.get("method")).isEqualTo("zScore");
        assertThat((Double) a.get("score")).isGreaterThan(3.5);
        assertThat(a.get("mean")).isEqualTo(10.5);
    }

    @Test
    void aValueThatIsNotANumberIsNamed() {
        RunResult result = run("mad", List.of(Map.of("customer", "x", "amount", "lots")));
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("Parameter \"value\" must be a number but is \"lots\"");
    }
}
