package dev.switchboard.nodes.connector;

import static dev.switchboard.nodes.NodeTestKit.chain;
import static dev.switchboard.nodes.NodeTestKit.json;
import static dev.switchboard.nodes.NodeTestKit.obj;
import static dev.switchboard.nodes.NodeTestKit.objs;
import static dev.switchboard.nodes.NodeTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.Step;

class RespondToWebhookNodeTest {

    private static final String ITEMS = "[{\"id\": 1}, {\"id\": 2}]";

    private static RunResult respond(double version, String parameters) {
        return run(chain("Respond", "n8n-nodes-base.respondToWebhook", version, parameters), objs(ITEMS));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> response(RunResult result) {
        Step step = result.steps("Respond").get(0);
        return (Map<String, Object>) step.nodeState().get("response");
    }

    @Test
    void passesItsItemsThroughAndLogsTheAnswer() {
        RunResult result = respond(1.1, "{}");
        assertThat(json(result, "Respond")).isEqualTo(objs(ITEMS));
        assertThat(result.output("Respond").get(1).pairedItem()).extracting("item").containsExactly(1);
        assertThat(response(result)).isEqualTo(obj("{\"body\": {\"id\": 1}, \"headers\": {}, \"statusCode\": 200}"));
        assertThat(result.steps("Respond").get(0).logs()).anySatisfy(line ->
                assertThat(line).contains("Would respond 200 with headers {} and body {\"id\":1}"));
    }

    @Test
    void allIncomingItemsOptionallyUnderAKey() {
        assertThat(response(respond(1, "{\"respondWith\": \"allIncomingItems\"}")).get("body")).isEqualTo(objs(ITEMS));
        assertThat(response(respond(1, "{\"respondWith\": \"allIncomingItems\", \"options\": {\"responseKey\": \"data.rows\"}}"))
                .get("body")).isEqualTo(obj("{\"data\": {\"rows\": " + ITEMS + "}}"));
        assertThat(response(respond(1, "{\"respondWith\": \"firstIncomingJSON\", \"options\": {\"responseKey\": \"first\"}}"))
                .get("body")).isEqualTo(obj("{\"first\": {\"id\": 1}}"));
    }

    @Test
    void customJsonTextAndNoData() {
        assertThat(response(respond(1.1, "{\"respondWith\": \"json\", \"responseBody\": \"={{ JSON.stringify({ n: $json.id }) }}\"}"))
                .get("body")).isEqualTo(obj("{\"n\": 1}"));
        Map<String, Object> text = response(respond(1.1, "{\"respondWith\": \"text\", \"responseBody\": \"done\", "
                + "\"options\": {\"responseCode\": 201, \"responseHeaders\": {\"entries\": [{\"name\": \"X-Run\", \"value\": \"r1\"}]}}}"));
        assertThat(text).isEqualTo(obj("{\"body\": \"done\", \"headers\": {\"x-run\": \"r1\"}, \"statusCode\": 201}"));
        assertThat(response(respond(1.1, "{\"respondWith\": \"noData\"}")).get("body")).isNull();
    }

    @Test
    void redirectsDefaultTo307() {
        assertThat(response(respond(1.1, "{\"respondWith\": \"redirect\", \"redirectURL\": \"https://example.com/done\"}")))
                .isEqualTo(obj("{\"body\": null, \"headers\": {\"location\": \"https://example.com/done\"}, \"statusCode\": 307}"));
        assertThat(response(respond(1.1, "{\"respondWith\": \"redirect\", \"redirectURL\": \"/x\", "
                + "\"options\": {\"responseCode\": 302}}")).get("statusCode")).isEqualTo(302L);
    }

    @Test
    void invalidJsonFailsNamingTheParameter() {
        RunResult result = respond(1.1, "{\"respondWith\": \"json\", \"responseBody\": \"{nope\"}");
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).startsWith("Parameter \"responseBody\" is not valid JSON");
    }

    @Test
    void binaryWithoutBinaryDataFails() {
        RunResult result = respond(1.1, "{\"respondWith\": \"binary\"}");
        assertThat(result.error().message()).contains("the first item has no binary data");
    }

    @Test
    void binaryDescribesTheFileItWouldSend() throws Exception {
        try (LoopbackServer server = new LoopbackServer(Map.of("/f.txt", r -> new LoopbackServer.Answer(200,
                Map.of("Content-Type", "application/octet-stream"), "abc".getBytes())))) {
            RunResult result = run(chain(
                    "Get", "n8n-nodes-base.httpRequest", 4.2, "{\"url\": \"" + server.url("/f.txt") + "\"}",
                    "Respond", "n8n-nodes-base.respondToWebhook", 1.1, "{\"respondWith\": \"binary\", "
                            + "\"responseDataSource\": \"set\", \"inputFieldName\": \"data\"}"), objs("[{}]"));
            assertThat(response(result)).isEqualTo(obj("""
                    {"body": {"binaryProperty": "data", "mimeType": "application/octet-stream", "fileName": "f.txt", "bytes": 3},
                     "headers": {"content-type": "application/octet-stream"}, "statusCode": 200}"""));
        }
    }

    @Test
    void version13AddsAResponseOutput() {
        RunResult result = respond(1.3, "{\"respondWith\": \"text\", \"responseBody\": \"ok\"}");
        assertThat(json(result, "Respond", 0)).isEqualTo(objs(ITEMS));
        assertThat(json(result, "Respond", 1)).isEqualTo(objs(
                "[{\"response\": {\"body\": \"ok\", \"headers\": {}, \"statusCode\": 200}}]"));
        assertThat(new RespondToWebhookNode().outputCount(1.1, Map.of())).isEqualTo(1);
        assertThat(new RespondToWebhookNode().outputCount(1.4, Map.of("enableResponseOutput", true))).isEqualTo(2);
    }

    @Test
    void failuresBecomeOneErrorItemWhenTheNodeContinues() {
        RunResult result = run(dev.switchboard.nodes.NodeTestKit.workflow("""
                {"name": "t", "nodes": [
                  {"name": "T", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"name": "Respond", "type": "n8n-nodes-base.respondToWebhook", "typeVersion": 1.1, "position": [1, 0],
                   "parameters": {"respondWith": "json", "responseBody": "{bad"}, "onError": "continueRegularOutput"}],
                 "connections": {"T": {"main": [[{"node": "Respond", "type": "main", "index": 0}]]}}}"""), objs(ITEMS));
        assertThat(json(result, "Respond")).hasSize(1);
        assertThat((String) json(result, "Respond").get(0).get("error")).startsWith("Parameter \"responseBody\" is not valid JSON");
        assertThat(result.output("Respond").get(0).pairedItem()).extracting("item").containsExactly(0, 1);
    }
}
