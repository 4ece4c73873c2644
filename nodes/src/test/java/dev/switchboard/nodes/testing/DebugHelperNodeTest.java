package dev.switchboard.nodes.testing;

import static dev.switchboard.nodes.NodeTestKit.chain;
import static dev.switchboard.nodes.NodeTestKit.json;
import static dev.switchboard.nodes.NodeTestKit.objs;
import static dev.switchboard.nodes.NodeTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.nodes.NodeTestKit;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;

class DebugHelperNodeTest {

    private static RunResult debug(String parameters, String items) {
        return run(chain("Debug", "n8n-nodes-base.debugHelper", 1, parameters), objs(items));
    }

    @Test
    void throwsTheDefaultErrorByDefault() {
        RunResult result = debug("{}", "[{}]");
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).isEqualTo("Node has thrown an error");
    }

    @Test
    void throwsTheConfiguredMessageWhateverTheErrorType() {
        for (String type : List.of("NodeApiError", "NodeOperationError", "Error")) {
            RunResult result = debug("{\"category\": \"throwError\", \"throwErrorType\": \"" + type
                    + "\", \"throwErrorMessage\": \"boom\"}", "[{}]");
            assertThat(result.error().message()).isEqualTo("boom");
        }
    }

    @Test
    void theErrorGoesToTheErrorOutputWhenTheNodeContinues() {
        RunResult result = NodeTestKit.run(NodeTestKit.workflow("""
                {"name": "t", "nodes": [
                  {"name": "T", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"name": "Debug", "type": "n8n-nodes-base.debugHelper", "typeVersion": 1, "position": [1, 0],
                   "parameters": {}, "onError": "continueErrorOutput"}],
                 "connections": {"T": {"main": [[{"node": "Debug", "type": "main", "index": 0}]]}}}"""),
                objs("[{}, {}]"));
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(json(result, "Debug", 1)).isEqualTo(objs("""
                [{"error": "Node has thrown an error"}, {"error": "Node has thrown an error"}]"""));
    }

    @Test
    void doNothingOutputsNoItemsAsInN8n() {
        RunResult result = debug("{\"category\": \"doNothing\"}", "[{\"a\": 1}]");
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(json(result, "Debug")).isEmpty();
    }

    @Test
    void outOfMemoryIsRefusedWithoutTouchingMemory() {
        for (String category : List.of("oom", "outOfMemory")) {
            RunResult result = debug("{\"category\": \"" + category + "\", \"memorySizeValue\": 100000}", "[{}]");
            assertThat(result.status()).isEqualTo(RunStatus.FAILED);
            assertThat(result.error().message()).contains("\"Out Of Memory\" is not simulated");
        }
    }

    @Test
    void randomUsersCarryTheUserFields() {
        RunResult result = debug("{\"category\": \"randomData\", \"randomDataCount\": 3, \"randomDataSeed\": \"n8n\"}",
                "[{}]");
        List<Map<String, Object>> users = json(result, "Debug");
        assertThat(users).hasSize(3).allSatisfy(u -> {
            assertThat(u).containsOnlyKeys("uid", "email", "firstname", "lastname", "password");
            assertThat((String) u.get("email")).contains("@");
            assertThat((String) u.get("uid")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        });
        assertThat(result.output("Debug")).allSatisfy(i -> assertThat(i.pairedItem()).extracting("item").containsExactly(0));
    }

    @Test
    void theSameSeedGivesTheSameData() {
        String parameters = "{\"category\": \"randomData\", \"randomDataType\": \"address\", \"randomDataCount\": 4, "
                + "\"randomDataSeed\": \"repeatable\"}";
        assertThat(json(debug(parameters, "[{}]"), "Debug")).isEqualTo(json(debug(parameters, "[{}]"), "Debug"));
        String other = parameters.replace("repeatable", "different");
        assertThat(json(debug(other, "[{}]"), "Debug")).isNotEqualTo(json(debug(parameters, "[{}]"), "Debug"));
    }

    @Test
    void everyDataTypeHasItsFields() {
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("address", List.of("firstname", "lastname", "street", "city", "zip", "state", "country")),
                Map.entry("latLong", List.of("location")),
                Map.entry("creditCard", List.of("type", "number", "ccv", "exp", "holder_name")),
                Map.entry("email", List.of("email", "confirmed")),
                Map.entry("ipv4", List.of("ip")), Map.entry("ipv6", List.of("ipv6")),
                Map.entry("macAddress", List.of("mac")), Map.entry("nanoid", List.of("nanoId")),
                Map.entry("url", List.of("url")), Map.entry("uuid", List.of("uuid")),
                Map.entry("semver", List.of("version")),
                Map.entry("user", List.of("uid", "email", "firstname", "lastname", "password")));
        expected.forEach((type, fields) -> {
            RunResult result = debug("{\"category\": \"randomData\", \"randomDataType\": \"" + type
                    + "\", \"randomDataCount\": 2, \"randomDataSeed\": \"s\"}", "[{}]");
            assertThat(json(result, "Debug")).as(type).hasSize(2)
                    .allSatisfy(r -> assertThat(r.keySet()).containsExactlyElementsOf(fields));
        });
    }

    @Test
    void formatsFollowTheirKind() {
        Map<String, Object> card = json(debug("{\"category\": \"randomData\", \"randomDataType\": \"creditCard\", "
                + "\"randomDataCount\": 1, \"randomDataSeed\": \"c\"}", "[{}]"), "Debug").get(0);
        assertThat((String) card.get("number")).matches("\\d{16}");
        assertThat(luhnValid((String) card.get("number"))).isTrue();
        assertThat((String) card.get("exp")).matches("(0[1-9]|1[0-2])/\\d{2}");
        Map<String, Object> ip = json(debug("{\"category\": \"randomData\", \"randomDataType\": \"ipv4\", "
                + "\"randomDataCount\": 1, \"randomDataSeed\": \"i\"}", "[{}]"), "Debug").get(0);
        assertThat((String) ip.get("ip")).matches("\\d{1,3}(\\.\\d{1,3}){3}");
        Map<String, Object> nano = json(debug("{\"category\": \"randomData\", \"randomDataType\": \"nanoid\", "
                + "\"nanoidAlphabet\": \"ab\", \"nanoidLength\": \"5\", \"randomDataCount\": 1}", "[{}]"), "Debug").get(0);
        assertThat((String) nano.get("nanoId")).matches("[ab]{5}");
    }

    private static boolean luhnValid(String number) {
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            int d = number.charAt(number.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    @Test
    void aSingleArrayHoldsAllRecordsInOneItem() {
        RunResult result = debug("{\"category\": \"randomData\", \"randomDataType\": \"uuid\", \"randomDataCount\": 3, "
                + "\"randomDataSingleArray\": true}", "[{}, {}]");
        List<Map<String, Object>> out = json(result, "Debug");
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).containsOnlyKeys("generatedItems");
        assertThat((List<?>) out.get(0).get("generatedItems")).hasSize(3);
    }

    @Test
    void aNegativeCountIsRejected() {
        RunResult result = debug("{\"category\": \"randomData\", \"randomDataCount\": -1}", "[{}]");
        assertThat(result.error().message()).contains("Parameter \"randomDataCount\" must be between 0 and 100000");
    }
}
