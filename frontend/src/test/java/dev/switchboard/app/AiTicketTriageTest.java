package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import dev.switchboard.app.ApiClient.Reply;
import dev.switchboard.platform.json.Json;

/**
 * The example workflow {@code examples/ai-ticket-triage.json}, imported over the REST API and run through its
 * webhook against a model provider and a helpdesk on loopback: a clear technical ticket is answered at once,
 * a refund and an unsure ticket wait for approval before their reply goes out; steps carry tokens and their
 * estimated cost from the admin's prices; no e-mail address reaches the model; sampled answers become AI
 * reviews that are accepted or corrected once and counted per node and week.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AiTicketTriageTest {

    private static final String KEY = "test-key-ai";
    private static final String MODEL_KEY = "sk-TRIAGE-SECRET-77";
    private static HttpServer model;
    private static HttpServer helpdesk;
    private static final List<String> prompts = new CopyOnWriteArrayList<>();
    private static final List<String> replies = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "ai-data");
        registry.add("switchboard.data-dir", dataDir::toString);
        registry.add("switchboard.api-key", () -> KEY);
        registry.add("switchboard.approval-sweep-seconds", () -> "1");
    }

    /**
     * Answers OpenAI's chat completions like a model would for this workflow: a classification by the words of
     * the ticket (refund, crash; anything else it is unsure of), or a drafted reply.
     */
    @BeforeAll
    static void startStandIns() throws IOException {
        model = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        model.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            prompts.add(body);
            String text;
            if (body.contains("You sort texts into categories")) {
                List<?> messages = (List<?>) Json.parseObject(body).get("messages");
                String ticket = String.valueOf(((Map<?, ?>) messages.get(messages.size() - 1)).get("content"));
                text = ticket.contains("refund") ? "{\"categories\": [\"refund\"], \"confidence\": 0.93}"
                        : ticket.contains("crashes") ? "{\"categories\": [\"technical\"], \"confidence\": 0.9}"
                        : "{\"categories\": [\"sales\"], \"confidence\": 0.4}";
            } else {
                text = "Hello, thank you for writing to us. The team will confirm shortly.";
            }
            byte[] answer = """
                    {"id": "c1", "object": "chat.completion", "created": 1, "model": "gpt-test",
                     "choices": [{"index": 0, "message": {"role": "assistant", "content": %s}, "finish_reason": "stop"}],
                     "usage": {"prompt_tokens": 400, "completion_tokens": 100, "total_tokens": 500}}"""
                    .formatted(Json.write(text)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        model.start();
        helpdesk = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        helpdesk.createContext("/", exchange -> {
            replies.add(exchange.getRequestURI().getPath() + " " + new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        helpdesk.start();
    }

    @AfterAll
    static void stopStandIns() {
        model.stop(0);
        helpdesk.stop(0);
    }

    @Value("${local.server.port}")
    int port;

    private Reply call(String method, String path, String body) throws Exception {
        return new ApiClient(port, KEY, text -> { }).call(method, path, body);
    }

    private String importExample(String name) throws Exception {
        String json = Files.readString(Path.of("../examples/ai-ticket-triage.json"))
                .replace("https://helpdesk.example.com", "http://127.0.0.1:" + helpdesk.getAddress().getPort())
                .replace("\"name\": \"AI ticket triage\"", "\"name\": \"" + name + "\"");
        Reply created = call("POST", "/api/v1/workflows", json);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return (String) created.json().get("id");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(Reply page) {
        return (List<Map<String, Object>>) page.json().get("items");
    }

    private Map<String, Object> awaitRunOf(String workflowId, String subject, String status) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> seen = List.of();
        while (System.nanoTime() < until) {
            seen = new java.util.ArrayList<>();
            for (Map<String, Object> r : items(call("GET", "/api/v1/runs?workflowId=" + workflowId + "&size=100", null))) {
                Reply run = call("GET", "/api/v1/runs/" + r.get("id"), null);
                if (run.text().contains(subject) && status.equals(run.json().get("status"))) {
                    return run.json();
                }
                seen.add(run.json().get("status") + " " + run.json().get("error"));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + status + " run for \"" + subject + "\"; runs: " + seen);
    }

    private void ticket(String id, String subject, String message) throws Exception {
        Reply r = new ApiClient(port, null, t -> { }).call("POST", "/webhook/support-tickets", """
                {"ticketId": "%s", "name": "Ada", "email": "ada.lovelace@example.com", "subject": "%s", "message": "%s"}"""
                .formatted(id, subject, message));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExampleAnswersClearTicketsAtOnceAndHoldsRefundsAndUnsureOnesForApproval() throws Exception {
        assertThat(call("PUT", "/api/v1/model-prices",
                "{\"prices\": [{\"model\": \"gpt-test\", \"inputPerMillion\": 1.5, \"outputPerMillion\": 6}]}").status())
                .isEqualTo(200);
        Reply credential = call("POST", "/api/v1/credentials", """
                {"name": "Support model", "type": "openAiApi", "data": {"apiKey": "%s", "url": "http://127.0.0.1:%d/v1"}}"""
                .formatted(MODEL_KEY, model.getAddress().getPort()));
        assertThat(credential.status()).isEqualTo(201);
        String workflowId = importExample("AI ticket triage");
        assertThat(call("POST", "/api/v1/workflows/" + workflowId + "/publish", "{\"note\": \"example\"}").status()).isEqualTo(201);
        assertThat(call("POST", "/api/v1/workflows/" + workflowId + "/activate", null).status()).isEqualTo(200);

        ticket("T-1", "The app crashes at login", "Since this morning the app crashes. Write to ada.lovelace@example.com");
        Map<String, Object> clear = awaitRunOf(workflowId, "The app crashes at login", "succeeded");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) clear.get("steps");
        assertThat(steps).extracting(s -> s.get("node")).containsExactly("New ticket", "Classify ticket", "Draft reply",
                "Needs a person?", "Send reply");
        Map<String, Object> classify = steps.get(1);
        assertThat((List<Map<String, Object>>) classify.get("usage")).containsExactly(Map.of("model", "gpt-test",
                "calls", 1L, "inputTokens", 400L, "outputTokens", 100L, "estimatedCost", 0.0012));
        assertThat((Double) clear.get("estimatedCost")).as("two calls at $0.0012").isEqualTo(0.0024, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(replies).anySatisfy(r -> assertThat(r).startsWith("/api/tickets/T-1/reply")
                .contains("ada.lovelace@example.com", "The team will confirm", "technical"));
        assertThat(prompts).as("redacted before leaving the server").noneMatch(p -> p.contains("ada.lovelace@example.com"));

        ticket("T-2", "I want a refund", "Please refund order 17.");
        ticket("T-3", "Question", "hmm, not sure what I need");
        Map<String, Object> refund = awaitRunOf(workflowId, "I want a refund", "waiting");
        Map<String, Object> unsure = awaitRunOf(workflowId, "hmm, not sure", "waiting");
        assertThat(replies).noneMatch(r -> r.contains("T-2") || r.contains("T-3"));

        for (Map<String, Object> run : List.of(refund, unsure)) {
            Map<String, Object> request = null;
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (request == null && System.nanoTime() < until) {
                request = items(call("GET", "/api/v1/approvals?status=pending&size=100", null)).stream()
                        .filter(a -> run.get("id").equals(a.get("runId"))).findFirst().orElse(null);
                Thread.sleep(100);
            }
            assertThat(request).as("an approval for run " + run.get("id")).isNotNull();
            assertThat(((Map<String, Object>) request.get("fields")).get("Draft")).asString().contains("The team will confirm");
            assertThat(call("POST", "/api/v1/approvals/" + request.get("id") + "/approve", null).status()).isEqualTo(200);
            awaitRunOf(workflowId, (String) ((Map<String, Object>) request.get("fields")).get("Ticket"), "succeeded");
        }
        assertThat(replies).anyMatch(r -> r.startsWith("/api/tickets/T-2/reply") && r.contains("refund"));
        assertThat(replies).anyMatch(r -> r.startsWith("/api/tickets/T-3/reply") && r.contains("sales"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void sampledAnswersBecomeAiReviewsThatAreJudgedOnceAndCountedPerNodeAndWeek() throws Exception {
        call("POST", "/api/v1/credentials", """
                {"name": "Sorting model", "type": "openAiApi", "data": {"apiKey": "%s", "url": "http://127.0.0.1:%d/v1"}}"""
                .formatted(MODEL_KEY, model.getAddress().getPort()));
        Reply created = call("POST", "/api/v1/workflows", """
                {"name": "Sorting %d", "nodes": [
                  {"id": "t", "name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"id": "c", "name": "Classify", "type": "switchboard.aiClassify", "typeVersion": 1, "position": [200, 0],
                   "credentials": {"openAiApi": {"id": "", "name": "Sorting model"}},
                   "parameters": {"text": "={{ $json.subject }}", "reviewSample": 100, "minConfidence": 0.5,
                     "categories": {"categories": [{"category": "refund"}, {"category": "technical"}]}}}],
                 "connections": {"Start": {"main": [[{"node": "Classify", "type": "main", "index": 0}]]}}}"""
                .formatted(System.nanoTime()));
        String workflowId = (String) created.json().get("id");
        Reply run = call("POST", "/api/v1/workflows/" + workflowId + "/run?draft=true&wait=true",
                "[{\"subject\": \"refund please\"}, {\"subject\": \"it crashes\"}]");
        assertThat(run.json().get("status")).isEqualTo("succeeded");

        List<Map<String, Object>> sampled = items(call("GET", "/api/v1/ai-reviews?status=pending&workflowId=" + workflowId, null));
        assertThat(sampled).hasSize(2);
        assertThat(sampled).allSatisfy(r -> assertThat(r).containsEntry("type", "AI review").containsEntry("node", "Classify"));
        Map<String, Object> refund = sampled.stream().filter(r -> "refund please".equals(r.get("question"))).findFirst().orElseThrow();
        assertThat(refund.get("answer")).isEqualTo(Map.of("categories", List.of("refund")));
        Map<String, Object> crash = sampled.stream().filter(r -> "it crashes".equals(r.get("question"))).findFirst().orElseThrow();

        assertThat(call("POST", "/api/v1/ai-reviews/" + refund.get("id") + "/accept", null).json()).containsEntry("status", "accepted");
        Reply again = call("POST", "/api/v1/ai-reviews/" + refund.get("id") + "/accept", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).containsEntry("code", "already_decided");
        assertThat(call("POST", "/api/v1/ai-reviews/" + crash.get("id") + "/correct", "{}").status()).isEqualTo(400);
        Reply corrected = call("POST", "/api/v1/ai-reviews/" + crash.get("id") + "/correct",
                "{\"correction\": {\"categories\": [\"technical\"]}, \"comment\": \"a crash is technical\"}");
        assertThat(corrected.json()).containsEntry("status", "corrected")
                .containsEntry("correction", Map.of("categories", List.of("technical")));

        List<Map<String, Object>> rates = (List<Map<String, Object>>) call("GET",
                "/api/v1/ai-reviews/accept-rates?workflowId=" + workflowId, null).json().get("data");
        assertThat(rates).hasSize(1);
        assertThat(rates.get(0)).containsEntry("node", "Classify").containsEntry("accepted", 1L)
                .containsEntry("corrected", 1L).containsEntry("acceptRate", 0.5);
        assertThat((String) rates.get(0).get("week")).matches("\\d{4}-W\\d{2}");
    }

    @Test
    void pricesAreCheckedBeforeTheyAreSaved() throws Exception {
        Reply bad = call("PUT", "/api/v1/model-prices", "{\"prices\": [{\"model\": \"x\", \"inputPerMillion\": -1, \"outputPerMillion\": 1}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat((String) bad.error().get("message")).contains("prices[0]", "0 or more");
        Reply twice = call("PUT", "/api/v1/model-prices", """
                {"prices": [{"model": "a", "inputPerMillion": 1, "outputPerMillion": 1}, {"model": "A", "inputPerMillion": 1, "outputPerMillion": 1}]}""");
        assertThat((String) twice.error().get("message")).contains("priced twice");
        assertThat(call("GET", "/api/v1/model-prices", null).json()).containsEntry("currency", "USD").containsKey("prices");
    }
}
