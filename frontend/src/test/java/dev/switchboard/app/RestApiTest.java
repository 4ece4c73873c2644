package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.switchboard.platform.json.Json;

/** The REST API over real HTTP, with the embedded MongoDB behind it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestApiTest {

    private static final String KEY = "test-key-123";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "api-data");
        registry.add("switchboard.data-dir", dir::toString);
        registry.add("switchboard.api-key", () -> KEY);
    }

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private record Reply(int status, Object body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) body;
        }
    }

    private Reply call(String method, String path, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body().isEmpty() ? null : Json.parse(r.body()));
    }

    private Reply call(String method, String path, String body) throws Exception {
        return call(method, path, body, KEY);
    }

    private static final String GREET = """
            {"name": "Greet", "nodes": [
              {"parameters": {}, "name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0]},
              {"parameters": {"mode": "manual", "includeOtherFields": true, "options": {},
                "assignments": {"assignments": [{"id": "1", "name": "greeting", "value": "=Hello {{ $json.name }}", "type": "string"}]}},
               "name": "Say hello", "type": "n8n-nodes-base.set", "typeVersion": 3.4, "position": [200, 0]},
              {"parameters": {"jsCode": "console.log('greeted', $input.all().length); return $input.all();"},
               "name": "Log", "type": "n8n-nodes-base.code", "typeVersion": 2, "position": [400, 0]}],
             "connections": {"Start": {"main": [[{"node": "Say hello", "type": "main", "index": 0}]]},
                             "Say hello": {"main": [[{"node": "Log", "type": "main", "index": 0}]]}}}""";

    @Test
    void withoutAValidKeyTheApiAnswers401InTheErrorShape() throws Exception {
        Reply none = call("GET", "/api/v1/workflows", null, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json()).containsKey("error");
        assertThat(call("GET", "/api/v1/workflows", null, "wrong").status()).isEqualTo(401);
    }

    @SuppressWarnings("unchecked")
    @Test
    void aWorkflowIsCreatedEditedPublishedRunAndRolledBack() throws Exception {
        Reply created = call("POST", "/api/v1/workflows", GREET);
        assertThat(created.status()).isEqualTo(201);
        String id = (String) created.json().get("id");
        long revision = ((Number) created.json().get("revision")).longValue();

        assertThat(call("GET", "/api/v1/workflows/" + id, null).json()).containsEntry("name", "Greet");
        Reply list = call("GET", "/api/v1/workflows?search=gre&page=0&size=10", null);
        assertThat(list.json()).containsKeys("items", "page", "size", "total");

        // a draft run, waiting for the result
        Reply draftRun = call("POST", "/api/v1/workflows/" + id + "/run?draft=true&wait=true", "[{\"name\": \"Ada\"}]");
        assertThat(draftRun.status()).isEqualTo(200);
        assertThat(draftRun.json()).containsEntry("status", "succeeded").containsEntry("draft", true);
        List<Map<String, Object>> steps = (List<Map<String, Object>>) draftRun.json().get("steps");
        assertThat(steps).extracting(s -> s.get("node")).containsExactly("Start", "Say hello", "Log");
        assertThat(((List<List<Map<String, Object>>>) steps.get(1).get("outputs")).get(0).get(0))
                .isEqualTo(Map.of("json", Map.of("name", "Ada", "greeting", "Hello Ada")));

        // not published yet: a production run is refused, activation too
        assertThat(call("POST", "/api/v1/workflows/" + id + "/run", "[]").status()).isEqualTo(409);
        assertThat(call("POST", "/api/v1/workflows/" + id + "/activate", null).status()).isEqualTo(409);

        Reply v1 = call("POST", "/api/v1/workflows/" + id + "/publish", "{\"note\": \"first\"}");
        assertThat(v1.status()).isEqualTo(201);
        assertThat(v1.json()).containsEntry("version", 1L).containsEntry("note", "first");

        // an edit from a stale revision is refused; a fresh one works
        String renamed = GREET.replace("\"name\": \"Greet\"", "\"name\": \"Greet v2\"");
        assertThat(call("PUT", "/api/v1/workflows/" + id + "?revision=" + revision, renamed).status()).isEqualTo(200);
        assertThat(call("PUT", "/api/v1/workflows/" + id + "?revision=" + revision, renamed).status()).isEqualTo(409);
        assertThat(call("POST", "/api/v1/workflows/" + id + "/publish", null).json()).containsEntry("version", 2L);

        Reply run = call("POST", "/api/v1/workflows/" + id + "/run?wait=true", "[{\"name\": \"Bob\"}]");
        assertThat(run.json()).containsEntry("status", "succeeded").containsEntry("workflowVersion", 2L);
        String runId = (String) run.json().get("id");
        assertThat(call("GET", "/api/v1/runs/" + runId, null).json()).containsKey("steps");
        assertThat((List<Object>) call("GET", "/api/v1/runs/" + runId + "/logs", null).json().get("items"))
                .singleElement().asString().contains("greeted 1");
        Reply runs = call("GET", "/api/v1/runs?workflowId=" + id + "&status=succeeded", null);
        assertThat(((Number) runs.json().get("total")).intValue()).isEqualTo(2);

        Reply back = call("POST", "/api/v1/workflows/" + id + "/rollback?version=1", null);
        assertThat(back.json()).containsEntry("version", 3L);
        assertThat((List<Object>) call("GET", "/api/v1/workflows/" + id + "/versions", null).json().get("items")).hasSize(3);
        assertThat(call("POST", "/api/v1/workflows/" + id + "/activate", null).json()).containsEntry("active", true);

        assertThat(call("DELETE", "/api/v1/workflows/" + id, null).status()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/workflows/" + id, null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/runs/" + runId, null).status()).as("run history stays readable").isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    @Test
    void badInputGetsAClearErrorNamingNodeAndField() throws Exception {
        Reply malformed = call("POST", "/api/v1/workflows", "{\"nodes\": [");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat((Map<String, Object>) malformed.json().get("error")).containsEntry("code", "invalid_workflow");

        String broken = GREET.replace("n8n-nodes-base.code", "n8n-nodes-base.telepathy");
        String id = (String) call("POST", "/api/v1/workflows", broken).json().get("id");
        Reply publish = call("POST", "/api/v1/workflows/" + id + "/publish", null);
        assertThat(publish.status()).isEqualTo(422);
        Map<String, Object> error = (Map<String, Object>) publish.json().get("error");
        assertThat((List<Map<String, Object>>) error.get("details")).anySatisfy(p -> {
            assertThat(p).containsEntry("node", "Log").containsEntry("field", "type");
        });
        assertThat(call("POST", "/api/v1/workflows/" + id + "/run?draft=true", "[]").status())
                .as("an invalid draft does not run").isEqualTo(422);
        String good = (String) call("POST", "/api/v1/workflows", GREET).json().get("id");
        assertThat(call("POST", "/api/v1/workflows/" + good + "/run?draft=true", "{\"not\": \"an array\"}").status())
                .isEqualTo(400);
        assertThat(call("GET", "/api/v1/runs?status=exploded", null).status()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/workflows?size=100000", null).status()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/workflows/nope", null).status()).isEqualTo(404);
    }

    @SuppressWarnings("unchecked")
    @Test
    void executeWorkflowRunsAStoredWorkflowById() throws Exception {
        String child = (String) call("POST", "/api/v1/workflows", """
                {"name": "Child", "nodes": [
                  {"parameters": {}, "name": "Called", "type": "n8n-nodes-base.executeWorkflowTrigger", "typeVersion": 1, "position": [0, 0]},
                  {"parameters": {"jsCode": "return $input.all().map(i => ({json: {doubled: i.json.n * 2}}));"},
                   "name": "Double", "type": "n8n-nodes-base.code", "typeVersion": 2, "position": [200, 0]}],
                 "connections": {"Called": {"main": [[{"node": "Double", "type": "main", "index": 0}]]}}}""").json().get("id");
        String parent = (String) call("POST", "/api/v1/workflows", """
                {"name": "Parent", "nodes": [
                  {"parameters": {}, "name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0]},
                  {"parameters": {"source": "database", "workflowId": "%s"}, "name": "Call", "type": "n8n-nodes-base.executeWorkflow", "typeVersion": 1, "position": [200, 0]}],
                 "connections": {"Start": {"main": [[{"node": "Call", "type": "main", "index": 0}]]}}}""".formatted(child)).json().get("id");
        Reply run = call("POST", "/api/v1/workflows/" + parent + "/run?draft=true&wait=true", "[{\"n\": 4}]");
        assertThat(run.json()).as(String.valueOf(run.json())).containsEntry("status", "succeeded");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) run.json().get("steps");
        assertThat(((List<List<Map<String, Object>>>) steps.get(1).get("outputs")).get(0))
                .containsExactly(Map.of("json", Map.of("doubled", 8L)));
    }

    @Test
    void aRunningRunCanBeCancelledAndAFailedOneRetried() throws Exception {
        String id = (String) call("POST", "/api/v1/workflows", """
                {"name": "Slow", "nodes": [
                  {"parameters": {}, "name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0]},
                  {"parameters": {"amount": 4, "unit": "seconds"}, "name": "Pause", "type": "n8n-nodes-base.wait", "typeVersion": 1.1, "position": [200, 0]},
                  {"parameters": {"jsCode": "throw new Error('no luck');"}, "name": "Fail", "type": "n8n-nodes-base.code", "typeVersion": 2, "position": [400, 0]}],
                 "connections": {"Start": {"main": [[{"node": "Pause", "type": "main", "index": 0}]]},
                                 "Pause": {"main": [[{"node": "Fail", "type": "main", "index": 0}]]}}}""").json().get("id");
        String runId = (String) call("POST", "/api/v1/workflows/" + id + "/run?draft=true", "[]").json().get("id");
        Thread.sleep(800);
        assertThat(call("POST", "/api/v1/runs/" + runId + "/cancel", null).status()).isEqualTo(200);
        Map<String, Object> run = null;
        for (int i = 0; i < 60; i++) {
            run = call("GET", "/api/v1/runs/" + runId, null).json();
            if ("cancelled".equals(run.get("status"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(run).containsEntry("status", "cancelled");
        assertThat(call("POST", "/api/v1/runs/" + runId + "/cancel", null).status()).as("already finished").isEqualTo(409);

        Reply retried = call("POST", "/api/v1/runs/" + runId + "/retry", null);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json()).containsEntry("mode", "retry").containsEntry("status", "queued");
        assertThat(retried.json().get("id")).isNotEqualTo(runId);
    }

    @Test
    void healthIncludesTheDatabase() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"UP\"").contains("embedded MongoDB");
    }
}
