package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.run.RunFilter;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.RunStore;
import dev.switchboard.platform.server.RunService;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.WorkflowJson;
import dev.switchboard.platform.workflow.WorkflowStore;

/** Webhooks over real HTTP: published and active at /webhook, drafts at /webhook-test. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "webhook-data");
        registry.add("switchboard.data-dir", dir::toString);
        registry.add("switchboard.api-key", () -> "k");
        registry.add("switchboard.webhook.max-body-bytes", () -> "2000");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    WorkflowStore workflows;

    @Autowired
    RunStore runs;

    @Autowired
    RunService runService;

    @Autowired
    List<org.springframework.boot.web.servlet.ServletRegistrationBean<?>> servlets;

    @Test
    void webhookUrlsGoToTheWebhookServletAndNothingElseDoes() {
        // Spring MVC's dispatcher serves "/", so the more specific servlet mappings take these paths away from it
        assertThat(servlets).filteredOn(s -> "webhooks".equals(s.getServletName())).singleElement()
                .satisfies(s -> assertThat(s.getUrlMappings()).containsExactlyInAnyOrder("/webhook/*", "/webhook-test/*"));
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private StoredWorkflow live(String json) {
        StoredWorkflow w = workflows.create(WorkflowJson.read(json));
        workflows.publish(w.id(), "test", null);
        return workflows.setActive(w.id(), true);
    }

    private static String webhookThen(String path, String mode, String nextNode) {
        return """
                {"name": "hook %1$s", "nodes": [
                  {"parameters": {"httpMethod": "POST", "path": "%1$s", "responseMode": "%2$s", "options": {}},
                   "name": "Hook", "type": "n8n-nodes-base.webhook", "typeVersion": 2, "position": [0, 0]},
                  %3$s],
                 "connections": {"Hook": {"main": [[{"node": "Next", "type": "main", "index": 0}]]}}}"""
                .formatted(path, mode, nextNode);
    }

    private static final String PRICE = """
            {"parameters": {"mode": "manual", "includeOtherFields": false, "options": {},
              "assignments": {"assignments": [{"id": "1", "name": "price", "value": "={{ $json.body.total * 2 }}", "type": "number"}]}},
             "name": "Next", "type": "n8n-nodes-base.set", "typeVersion": 3.4, "position": [200, 0]}""";

    @Test
    void anActiveWorkflowAnswersAtOnceAndRunsWithTheRequestAsItsItem() throws Exception {
        StoredWorkflow w = live(webhookThen("orders", "onReceived", PRICE));
        HttpResponse<String> r = post("/webhook/orders", "{\"total\": 21}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Json.parseObject(r.body())).containsEntry("message", "Workflow was started");
        RunRecord run = runs.list(new RunFilter(w.id(), null, null, null), Page.Request.first(5)).items().get(0);
        run = runService.await(run.id(), Duration.ofSeconds(30));
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.mode()).isEqualTo("webhook");
        Map<String, Object> item = run.input().get(0).json();
        assertThat(item).containsKeys("headers", "params", "query", "body");
        assertThat(item.get("body")).isEqualTo(Map.of("total", 21L));
    }

    @Test
    void lastNodeModeAnswersWithTheLastNodesFirstItem() throws Exception {
        live(webhookThen("quote", "lastNode", PRICE));
        HttpResponse<String> r = post("/webhook/quote", "{\"total\": 21}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Json.parseObject(r.body())).isEqualTo(Map.of("price", 42L));
    }

    @Test
    void aRespondToWebhookNodeDecidesTheAnswer() throws Exception {
        StoredWorkflow w = live(webhookThen("respond", "responseNode", """
                {"parameters": {"respondWith": "json", "responseBody": "={{ {\\"ok\\": true, \\"n\\": $json.body.n} }}",
                  "options": {"responseCode": 201}},
                 "name": "Next", "type": "n8n-nodes-base.respondToWebhook", "typeVersion": 1.1, "position": [200, 0]}"""));
        HttpResponse<String> r = post("/webhook/respond", "{\"n\": 7}");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(Json.parseObject(r.body())).isEqualTo(Map.of("ok", true, "n", 7L));
        // the workflow only computes and answers: it ran on the call's thread, and its end follows the answer
        RunRecord run = runs.list(new RunFilter(w.id(), null, null, null), Page.Request.first(5)).items().get(0);
        assertThat(runService.await(run.id(), Duration.ofSeconds(30)).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(runs.steps(run.id())).extracting(dev.switchboard.platform.run.Step::node).containsExactly("Hook", "Next");
    }

    @Test
    void theRespondToWebhookNodeAnswersAtOnceWhileTheRunGoesOn() throws Exception {
        StoredWorkflow w = live("""
                {"name": "answer early", "nodes": [
                  {"parameters": {"httpMethod": "POST", "path": "early", "responseMode": "responseNode", "options": {}},
                   "name": "Hook", "type": "n8n-nodes-base.webhook", "typeVersion": 2, "position": [0, 0]},
                  {"parameters": {"respondWith": "text", "responseBody": "received", "options": {}},
                   "name": "Answer", "type": "n8n-nodes-base.respondToWebhook", "typeVersion": 1.1, "position": [200, 0]},
                  {"parameters": {"amount": 3, "unit": "seconds"}, "name": "Later", "type": "n8n-nodes-base.wait",
                   "typeVersion": 1.1, "position": [400, 0]}],
                 "connections": {"Hook": {"main": [[{"node": "Answer", "type": "main", "index": 0}]]},
                                 "Answer": {"main": [[{"node": "Later", "type": "main", "index": 0}]]}}}""");
        HttpResponse<String> r = post("/webhook/early", "{}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("received");
        RunRecord run = runs.list(new RunFilter(w.id(), null, null, null), Page.Request.first(5)).items().get(0);
        assertThat(run.status()).as("the answer came before the wait after it ended").isEqualTo(RunStatus.RUNNING);
        assertThat(runService.await(run.id(), Duration.ofSeconds(30)).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void aFileBodyBecomesTheItemsBinaryAndRawBodyKeepsAnyBody() throws Exception {
        StoredWorkflow files = live(webhookThen("upload", "onReceived", PRICE)
                .replace("\"options\": {}},", "\"options\": {\"binaryPropertyName\": \"invoice\"}},"));
        byte[] pdf = new byte[1_500];
        new java.util.Random(3).nextBytes(pdf);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhook/upload"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).header("Content-Type", "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"march.pdf\"").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        RunRecord run = runs.list(new RunFilter(files.id(), null, null, null), Page.Request.first(5)).items().get(0);
        Map<?, ?> invoice = (Map<?, ?>) run.input().get(0).binary().get("invoice");
        assertThat(invoice.get("data")).isEqualTo(java.util.Base64.getEncoder().encodeToString(pdf));
        assertThat(invoice.get("mimeType")).isEqualTo("application/pdf");
        assertThat(invoice.get("fileName")).isEqualTo("march.pdf");
        assertThat(run.input().get(0).json().get("body")).isEqualTo(Map.of());

        StoredWorkflow raw = live(webhookThen("raw", "onReceived", PRICE)
                .replace("\"options\": {}},", "\"options\": {\"rawBody\": true}},"));
        assertThat(post("/webhook/raw", "{\"total\": 5}").statusCode()).isEqualTo(200);
        RunRecord rawRun = runs.list(new RunFilter(raw.id(), null, null, null), Page.Request.first(5)).items().get(0);
        assertThat(rawRun.input().get(0).json().get("body")).isEqualTo(Map.of("total", 5L));
        assertThat(((Map<?, ?>) rawRun.input().get(0).binary().get("data")).get("data"))
                .isEqualTo(java.util.Base64.getEncoder().encodeToString("{\"total\": 5}".getBytes()));
    }

    @Test
    void aRespondToWebhookNodeAnswersWithTheFileItWasGivenAsItsBytes() throws Exception {
        live(webhookThen("echo-file", "responseNode", """
                {"parameters": {"options": {}, "respondWith": "binary"},
                 "name": "Next", "type": "n8n-nodes-base.respondToWebhook", "typeVersion": 1.1, "position": [200, 0]}""")
                .replace("\"options\": {}},", "\"options\": {\"binaryPropertyName\": \"invoice\"}},"));
        byte[] pdf = new byte[1_500];
        new java.util.Random(5).nextBytes(pdf);
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhook/echo-file"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).header("Content-Type", "application/pdf").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(r.body()).isEqualTo(pdf);
    }

    @Test
    void aWorkflowThatKeepsNoSuccessfulRunsStoresOnlyItsFailures() throws Exception {
        StoredWorkflow w = live("""
                {"name": "keep failures", "settings": {"saveDataSuccessExecution": "none"}, "nodes": [
                  {"parameters": {"httpMethod": "POST", "path": "keep", "responseMode": "lastNode", "options": {}},
                   "name": "Hook", "type": "n8n-nodes-base.webhook", "typeVersion": 2, "position": [0, 0]},
                  {"parameters": {"mode": "manual", "includeOtherFields": false, "options": {},
                    "assignments": {"assignments": [{"id": "1", "name": "half", "type": "number",
                      "value": "={{ $json.body.n === 0 ? $json.nothing.at.all : $json.body.n / 2 }}"}]}},
                   "name": "Next", "type": "n8n-nodes-base.set", "typeVersion": 3.4, "position": [200, 0]}],
                 "connections": {"Hook": {"main": [[{"node": "Next", "type": "main", "index": 0}]]}}}""");
        HttpResponse<String> ok = post("/webhook/keep", "{\"n\": 8}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(Json.parseObject(ok.body())).isEqualTo(Map.of("half", 4L));
        assertThat(runs.list(new RunFilter(w.id(), null, null, null), Page.Request.first(5)).total())
                .as("a successful run leaves nothing").isZero();

        HttpResponse<String> bad = post("/webhook/keep", "{\"n\": 0}");
        assertThat(bad.statusCode()).isEqualTo(500);
        List<RunRecord> stored = runs.list(new RunFilter(w.id(), null, null, null), Page.Request.first(5)).items();
        assertThat(stored).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(runs.steps(run.id())).extracting(dev.switchboard.platform.run.Step::node).containsExactly("Hook", "Next");
        });
    }

    @Test
    void draftsAnswerOnlyAtTheTestUrlAndUnknownPathsAreNamed() throws Exception {
        workflows.create(WorkflowJson.read(webhookThen("draft-only", "lastNode", PRICE)));
        assertThat(post("/webhook/draft-only", "{\"total\": 1}").statusCode()).isEqualTo(404);
        HttpResponse<String> test = post("/webhook-test/draft-only", "{\"total\": 1}");
        assertThat(test.statusCode()).isEqualTo(200);
        assertThat(Json.parseObject(test.body())).isEqualTo(Map.of("price", 2L));
        HttpResponse<String> unknown = post("/webhook/nothing-here", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\\\"POST nothing-here\\\" is not registered");
    }

    @SuppressWarnings("unchecked")
    @Test
    void aFailedTriggeredRunStartsTheWorkflowsErrorWorkflow() throws Exception {
        StoredWorkflow handler = live("""
                {"name": "On failure", "nodes": [
                  {"parameters": {}, "name": "Error Trigger", "type": "n8n-nodes-base.errorTrigger", "typeVersion": 1, "position": [0, 0]},
                  {"parameters": {}, "name": "Note", "type": "n8n-nodes-base.noOp", "typeVersion": 1, "position": [200, 0]}],
                 "connections": {"Error Trigger": {"main": [[{"node": "Note", "type": "main", "index": 0}]]}}}""");
        String failing = webhookThen("breaks", "onReceived", """
                {"parameters": {"jsCode": "throw new Error('the ledger is closed');"},
                 "name": "Next", "type": "n8n-nodes-base.code", "typeVersion": 2, "position": [200, 0]}""")
                .replace("\"name\": \"hook breaks\",", "\"name\": \"hook breaks\", \"settings\": {\"errorWorkflow\": \"" + handler.id() + "\"},");
        live(failing);
        assertThat(post("/webhook/breaks", "{}").statusCode()).isEqualTo(200);
        RunRecord handled = null;
        for (int i = 0; i < 100 && handled == null; i++) {
            List<RunRecord> found = runs.list(new RunFilter(handler.id(), null, null, null), Page.Request.first(5)).items();
            if (!found.isEmpty() && found.get(0).status().isFinished()) {
                handled = found.get(0);
            } else {
                Thread.sleep(100);
            }
        }
        assertThat(handled).as("the error workflow ran").isNotNull();
        assertThat(handled.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(handled.mode()).isEqualTo("error");
        Map<String, Object> execution = (Map<String, Object>) handled.input().get(0).json().get("execution");
        assertThat((Map<String, Object>) execution.get("error")).containsEntry("message", "the ledger is closed")
                .containsEntry("node", "Next");
        assertThat(execution).containsEntry("lastNodeExecuted", "Next").containsEntry("mode", "webhook");
    }

    @Test
    void aWaitNodeResumesWhenItsResumeUrlIsCalled() throws Exception {
        StoredWorkflow w = live("""
                {"name": "ask", "nodes": [
                  {"parameters": {"httpMethod": "POST", "path": "ask", "options": {}}, "name": "Hook", "type": "n8n-nodes-base.webhook",
                   "typeVersion": 2, "position": [0, 0]},
                  {"parameters": {"mode": "manual", "includeOtherFields": false, "options": {},
                    "assignments": {"assignments": [{"id": "1", "name": "url", "value": "={{ $execution.resumeUrl }}", "type": "string"}]}},
                   "name": "Link", "type": "n8n-nodes-base.set", "typeVersion": 3.4, "position": [200, 0]},
                  {"parameters": {"resume": "webhook"}, "name": "Wait for answer", "type": "n8n-nodes-base.wait", "typeVersion": 1.1, "position": [400, 0]},
                  {"parameters": {"mode": "manual", "includeOtherFields": false, "options": {},
                    "assignments": {"assignments": [{"id": "1", "name": "answer", "value": "={{ $json.body.answer }}", "type": "number"}]}},
                   "name": "Use", "type": "n8n-nodes-base.set", "typeVersion": 3.4, "position": [600, 0]}],
                 "connections": {"Hook": {"main": [[{"node": "Link", "type": "main", "index": 0}]]},
                                 "Link": {"main": [[{"node": "Wait for answer", "type": "main", "index": 0}]]},
                                 "Wait for answer": {"main": [[{"node": "Use", "type": "main", "index": 0}]]}}}""");
        assertThat(post("/webhook/ask", "{}").statusCode()).isEqualTo(200);
        RunRecord run = null;
        for (int i = 0; i < 100; i++) {
            List<RunRecord> found = runs.list(new RunFilter(w.id(), null, null, null), Page.Request.first(1)).items();
            if (!found.isEmpty() && found.get(0).status() == RunStatus.WAITING) {
                run = found.get(0);
                break;
            }
            Thread.sleep(100);
        }
        assertThat(run).as("the run waits").isNotNull();
        String url = (String) runs.steps(run.id()).get(1).outputs().get(0).get(0).json().get("url");
        assertThat(url).endsWith("/webhook-waiting/" + run.id());
        HttpResponse<String> resumed = post("/webhook-waiting/" + run.id(), "{\"answer\": 42}");
        assertThat(resumed.statusCode()).isEqualTo(200);
        RunRecord done = runService.await(run.id(), Duration.ofSeconds(30));
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        List<dev.switchboard.platform.run.Step> steps = runs.steps(run.id());
        assertThat(steps.get(steps.size() - 1).outputs().get(0).get(0).json()).isEqualTo(Map.of("answer", 42L));
        assertThat(post("/webhook-waiting/" + run.id(), "{}").statusCode()).as("once only").isEqualTo(409);
    }

    @Autowired
    dev.switchboard.platform.credential.CredentialStore credentials;

    private HttpResponse<String> post(String path, String body, String header, String value) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header(header, value).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void basicAndHeaderAuthenticationUseTheNodesCredential() throws Exception {
        String basic = credentials.create("hook login", "httpBasicAuth", Map.of("user", "shop", "password", "s3cret")).id();
        String header = credentials.create("hook token", "httpHeaderAuth", Map.of("name", "X-Token", "value", "t0ken")).id();
        live(webhookThen("guarded", "lastNode", PRICE).replace("\"responseMode\": \"lastNode\",",
                "\"responseMode\": \"lastNode\", \"authentication\": \"basicAuth\",")
                .replace("\"name\": \"Hook\",", "\"name\": \"Hook\", \"credentials\": {\"httpBasicAuth\": {\"id\": \"" + basic + "\"}},"));
        HttpResponse<String> none = post("/webhook/guarded", "{\"total\": 1}");
        assertThat(none.statusCode()).as(none.body()).isEqualTo(401);
        String wrong = java.util.Base64.getEncoder().encodeToString("shop:nope".getBytes());
        String right = java.util.Base64.getEncoder().encodeToString("shop:s3cret".getBytes());
        assertThat(post("/webhook/guarded", "{\"total\": 1}", "Authorization", "Basic " + wrong).statusCode()).isEqualTo(403);
        HttpResponse<String> ok = post("/webhook/guarded", "{\"total\": 1}", "Authorization", "Basic " + right);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).doesNotContain("s3cret");

        live(webhookThen("tokened", "lastNode", PRICE).replace("\"responseMode\": \"lastNode\",",
                "\"responseMode\": \"lastNode\", \"authentication\": \"headerAuth\",")
                .replace("\"name\": \"Hook\",", "\"name\": \"Hook\", \"credentials\": {\"httpHeaderAuth\": {\"id\": \"" + header + "\"}},"));
        assertThat(post("/webhook/tokened", "{\"total\": 1}", "X-Token", "guess").statusCode()).isEqualTo(403);
        assertThat(post("/webhook/tokened", "{\"total\": 2}", "X-Token", "t0ken").statusCode()).isEqualTo(200);
        assertThat(runs.list(RunFilter.all(), Page.Request.first(100)).items())
                .filteredOn(run -> run.workflowName().equals("hook tokened") || run.workflowName().equals("hook guarded"))
                .isNotEmpty()
                .allSatisfy(run -> assertThat(Json.write(run.input().get(0).toMap()))
                        .as("the run keeps *** for the secret header").doesNotContain("t0ken").doesNotContain(right)
                        .contains("***"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        live(webhookThen("big", "onReceived", PRICE));
        HttpResponse<String> r = post("/webhook/big", "{\"total\": \"" + "x".repeat(5000) + "\"}");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("too_large");
        assertThat(runs.list(RunFilter.all(), Page.Request.first(100)).items())
                .noneMatch(run -> run.workflowName().equals("hook big"));
        assertThat(List.of(r.statusCode())).containsOnly(413);
    }
}
