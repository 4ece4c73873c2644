package dev.switchboard.nodes.testing;

import static dev.switchboard.nodes.NodeTestKit.chain;
import static dev.switchboard.nodes.NodeTestKit.json;
import static dev.switchboard.nodes.NodeTestKit.objs;
import static dev.switchboard.nodes.NodeTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;

class TestDataNodeTest {

    private static RunResult runData(String parameters) {
        return run(chain("Data", "n8n-nodes-testing.testData", 1, parameters), List.of(java.util.Map.of()));
    }

    @Test
    void anArrayBecomesOneItemPerElement() {
        RunResult result = runData("{\"data\": [{\"id\": 1}, {\"id\": 2, \"tags\": [\"a\"]}]}");
        assertThat(json(result, "Data")).isEqualTo(objs("[{\"id\": 1}, {\"id\": 2, \"tags\": [\"a\"]}]"));
    }

    @Test
    void aSingleObjectBecomesOneItem() {
        RunResult result = runData("{\"data\": {\"data\": [{\"char\": \"a\"}], \"other\": true}}");
        assertThat(json(result, "Data")).isEqualTo(objs("[{\"data\": [{\"char\": \"a\"}], \"other\": true}]"));
    }

    @Test
    void jsonTextIsParsed() {
        RunResult result = runData("{\"data\": \"[{\\\"x\\\": 1.5}]\"}");
        assertThat(json(result, "Data")).isEqualTo(objs("[{\"x\": 1.5}]"));
    }

    @Test
    void theDefaultIsNoItems() {
        RunResult result = runData("{}");
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(json(result, "Data")).isEmpty();
    }

    @Test
    void itemsArePairedWithTheFirstInputItem() {
        RunResult result = runData("{\"data\": [{\"a\": 1}, {\"a\": 2}]}");
        assertThat(result.output("Data")).allSatisfy(i -> assertThat(i.pairedItem()).extracting("item").containsExactly(0));
    }

    @Test
    void invalidJsonTextFailsNamingTheParameter() {
        RunResult result = runData("{\"data\": \"[{oops\"}");
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().describe()).contains("Parameter \"data\" is not valid JSON");
    }

    @Test
    void entriesThatAreNotObjectsAreRejected() {
        RunResult result = runData("{\"data\": [1, 2]}");
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("every entry must be a JSON object but one is number");
    }

    @Test
    void itIsKnownByItsN8nTestingTypeAndOurOwn() {
        var descriptor = new TestDataNode().descriptor();
        assertThat(descriptor.type()).isEqualTo("switchboard.testData");
        assertThat(descriptor.aliases()).containsExactly("n8n-nodes-testing.testData");
    }
}
