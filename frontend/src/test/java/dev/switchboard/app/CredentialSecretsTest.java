package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.store.MongoConnection;

/**
 * The proof that a secret never leaks: a workflow whose HTTP Request node signs with a header credential
 * calls a service that refuses it with 401 and quotes the key back; the run fails after a retry. Then
 * every API response, every document of every collection in the database (read raw), and everything
 * the server logged are searched for the secret: none holds it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class CredentialSecretsTest {

    private static final String KEY = "test-key-secrets";
    private static final String SECRET = "sk-live-TOPSECRET-9f8e7d6c";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "credential-secrets-data");
        registry.add("switchboard.data-dir", dir::toString);
        registry.add("switchboard.api-key", () -> KEY);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoConnection connection;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> responses = new ArrayList<>();
    private final List<String> keysReceived = new CopyOnWriteArrayList<>();
    private HttpServer service;

    /** A service that refuses every key, quoting it back in its answer, as careless services do. */
    @BeforeEach
    void startService() throws Exception {
        service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.createContext("/", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
            keysReceived.add(String.valueOf(key));
            byte[] body = ("{\"error\": \"invalid API key " + key + "\", \"hint\": \"check " + key + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("WWW-Authenticate", "ApiKey realm=\"" + key + "\"");
            exchange.sendResponseHeaders(401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        service.start();
    }

    @AfterEach
    void stopService() {
        service.stop(0);
    }

    private String serviceUrl(String path) {
        return "http://127.0.0.1:" + service.getAddress().getPort() + path;
    }

    private Map<String, Object> call(String method, String path, String body, int expectedStatus) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        responses.add(r.body());
        assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isEqualTo(expectedStatus);
        return r.body().isEmpty() ? Map.of() : Json.parseObject(r.body());
    }

    @SuppressWarnings("unchecked")
    @Test
    void aSecretUsedByAFailingRunIsInNoResponseNoStoredDocumentAndNoLogLine(CapturedOutput output) throws Exception {
        Map<String, Object> credential = call("POST", "/api/v1/credentials", """
                {"name": "Shop API key", "type": "httpHeaderAuth", "data": {"name": "X-Api-Key", "value": "%s"}}"""
                .formatted(SECRET), 201);
        String credentialId = (String) credential.get("id");
        Map<String, Object> workflow = call("POST", "/api/v1/workflows", """
                {"name": "Fetch orders", "nodes": [
                  {"name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"name": "Fetch", "type": "n8n-nodes-base.httpRequest", "typeVersion": 4.2, "position": [200, 0],
                   "retryOnFail": true, "maxTries": 2, "waitBetweenTries": 0,
                   "parameters": {"url": "%s", "authentication": "genericCredentialType", "genericAuthType": "httpHeaderAuth",
                                  "options": {}},
                   "credentials": {"httpHeaderAuth": {"id": "%s", "name": "Shop API key"}}}],
                 "connections": {"Start": {"main": [[{"node": "Fetch", "type": "main", "index": 0}]]}}}"""
                .formatted(serviceUrl("/orders"), credentialId), 201);
        String workflowId = (String) workflow.get("id");

        Map<String, Object> run = call("POST", "/api/v1/workflows/" + workflowId + "/run?draft=true&wait=true", "[{}]", 200);
        assertThat(run).containsEntry("status", "failed");
        assertThat(keysReceived).containsExactly(SECRET, SECRET);
        String runId = (String) run.get("id");

        Map<String, Object> stored = call("GET", "/api/v1/runs/" + runId, null, 200);
        Map<String, Object> fetch = ((List<Map<String, Object>>) stored.get("steps")).stream()
                .filter(s -> "Fetch".equals(s.get("node"))).findFirst().orElseThrow();
        Map<String, Object> error = (Map<String, Object>) fetch.get("error");
        assertThat((String) error.get("message")).contains("answered 401").contains("invalid API key ***");
        assertThat((String) error.get("description")).contains("check ***");
        call("GET", "/api/v1/runs/" + runId + "/logs", null, 200);
        call("GET", "/api/v1/runs?workflowId=" + workflowId, null, 200);
        call("GET", "/api/v1/credentials", null, 200);
        Map<String, Object> detail = call("GET", "/api/v1/credentials/" + credentialId, null, 200);
        assertThat(detail).containsEntry("data", Map.of("name", "••••", "value", "••••"));
        Map<String, Object> test = call("POST", "/api/v1/credentials/" + credentialId + "/test",
                "{\"url\": \"" + serviceUrl("/me") + "\"}", 200);
        assertThat(test).containsEntry("status", "failed").containsEntry("httpStatus", 401L);

        for (String body : responses) {
            assertThat(body).doesNotContain(SECRET).doesNotContain("TOPSECRET");
        }
        List<String> collections = new ArrayList<>();
        connection.database().listCollectionNames().into(collections);
        assertThat(collections).contains("runs", "run_steps", "credentials");
        List<Document> steps = connection.database().getCollection("run_steps").find(new Document("runId", runId))
                .into(new ArrayList<>());
        assertThat(steps).as("the run's steps are stored").isNotEmpty()
                .anySatisfy(step -> assertThat(step.toJson()).contains("invalid API key ***"));
        for (String name : collections) {
            for (Document doc : connection.database().getCollection(name).find()) {
                assertThat(doc.toJson()).as("a document of %s", name).doesNotContain("TOPSECRET");
            }
        }
        assertThat(output.getAll()).doesNotContain("TOPSECRET");
    }

    @SuppressWarnings("unchecked")
    @Test
    void aCredentialShowsTheWorkflowsThatUseItAndCannotBeDeletedFromUnderThem() throws Exception {
        String credentialId = (String) call("POST", "/api/v1/credentials",
                "{\"name\": \"Billing token\", \"type\": \"httpBearerAuth\", \"data\": {\"token\": \"" + SECRET + "\"}}", 201)
                .get("id");
        String workflowId = (String) call("POST", "/api/v1/workflows", """
                {"name": "Invoices", "nodes": [
                  {"name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"name": "Send", "type": "n8n-nodes-base.httpRequest", "typeVersion": 4.2, "position": [200, 0],
                   "parameters": {"url": "https://example.invalid/", "authentication": "genericCredentialType",
                                  "genericAuthType": "httpBearerAuth"},
                   "credentials": {"httpBearerAuth": {"id": "%s", "name": "Billing token"}}}],
                 "connections": {"Start": {"main": [[{"node": "Send", "type": "main", "index": 0}]]}}}"""
                .formatted(credentialId), 201).get("id");
        call("POST", "/api/v1/workflows/" + workflowId + "/publish", "{}", 201);

        Map<String, Object> detail = call("GET", "/api/v1/credentials/" + credentialId, null, 200);
        assertThat((List<Map<String, Object>>) detail.get("usedBy")).singleElement().satisfies(use -> assertThat(use)
                .containsEntry("workflowId", workflowId).containsEntry("workflowName", "Invoices")
                .containsEntry("draftNodes", List.of("Send")).containsEntry("publishedVersion", 1L)
                .containsEntry("publishedNodes", List.of("Send")));

        Map<String, Object> refused = call("DELETE", "/api/v1/credentials/" + credentialId, null, 409);
        Map<String, Object> error = (Map<String, Object>) refused.get("error");
        assertThat(error).containsEntry("code", "credential_in_use");
        assertThat((String) error.get("message")).isEqualTo("credential \"Billing token\" is used by 1 workflow "
                + "(\"Invoices\"): remove it from them first, or delete it anyway with ?force=true");
        assertThat((List<Object>) ((Map<String, Object>) error.get("details")).get("usedBy")).hasSize(1);

        Map<String, Object> untested = call("POST", "/api/v1/credentials/" + credentialId + "/test", null, 200);
        assertThat(untested).containsEntry("status", "untestable");
        assertThat((String) untested.get("message")).contains("not tied to one service");

        call("DELETE", "/api/v1/credentials/" + credentialId + "?force=true", null, 204);
        call("GET", "/api/v1/credentials/" + credentialId, null, 404);
        for (String body : responses) {
            assertThat(body).doesNotContain("TOPSECRET");
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void theCredentialTypesTheNodesDeclareAreListedWithTheirSecretFields() throws Exception {
        Map<String, Object> types = call("GET", "/api/v1/credential-types", null, 200);
        List<Map<String, Object>> items = (List<Map<String, Object>>) types.get("items");
        assertThat(items).extracting(t -> t.get("name"))
                .contains("httpBasicAuth", "httpHeaderAuth", "httpQueryAuth", "httpBearerAuth", "httpCustomAuth", "oAuth2Api");
        Map<String, Object> header = items.stream().filter(t -> "httpHeaderAuth".equals(t.get("name"))).findFirst().orElseThrow();
        assertThat(header).containsEntry("authentication", "generic").containsEntry("test", "address");
        assertThat((List<String>) header.get("nodeTypes")).contains("switchboard.httpRequest", "switchboard.webhook");
        assertThat((List<Map<String, Object>>) header.get("fields")).extracting(f -> f.get("name") + ":" + f.get("secret"))
                .containsExactly("name:false", "value:true");
        Map<String, Object> oauth = items.stream().filter(t -> "oAuth2Api".equals(t.get("name"))).findFirst().orElseThrow();
        assertThat(oauth).containsEntry("authentication", "oauth2").containsEntry("test", "token");
    }
}
