package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import dev.switchboard.app.ApiClient.Reply;

/**
 * Rollback hooks over real HTTP: a shop on loopback records every call. Undo requests run newest first,
 * a failing undo is retried, one that keeps failing leaves the run needing attention (and the others still
 * run), a step that failed is not undone, and a finished run is rolled back on request, once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CompensationTest {

    private static final String KEY = "test-key-compensation";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "compensation-data");
        registry.add("switchboard.data-dir", dataDir::toString);
        registry.add("switchboard.api-key", () -> KEY);
    }

    @Value("${local.server.port}")
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    dev.switchboard.platform.incident.IncidentStore incidents;

    private HttpServer shop;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    /** Statuses to answer, per "METHOD /path", before answering normally. */
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();

    @BeforeEach
    void openShop() throws IOException {
        shop = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        shop.createContext("/", exchange -> {
            String call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            calls.add(call);
            Deque<Integer> queue = scripted.get(call);
            Integer status = queue == null ? null : queue.poll();
            if (status == null) {
                status = exchange.getRequestMethod().equals("POST") ? 201 : 200;
            }
            String last = exchange.getRequestURI().getPath().replaceAll(".*/", "");
            byte[] body = ("{\"id\": \"" + last + "-1\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        shop.start();
    }

    @AfterEach
    void closeShop() {
        shop.stop(0);
    }

    private void script(String call, Integer... statuses) {
        scripted.put(call, new ArrayDeque<>(List.of(statuses)));
    }

    private Reply call(String method, String path, String body) throws Exception {
        return new ApiClient(port, KEY, text -> { }).call(method, path, body);
    }

    private String shop() {
        return "http://127.0.0.1:" + shop.getAddress().getPort();
    }

    /** Start → create order → create invoice → (fail, when asked); each create has its undo request. */
    private String workflow(boolean rollbackOnFailure, boolean failAtTheEnd) throws Exception {
        String fail = failAtTheEnd ? """
                ,{"id": "f", "name": "Stop", "type": "n8n-nodes-base.stopAndError", "typeVersion": 1, "position": [660, 0],
                  "parameters": {"errorMessage": "the customer cancelled"}}""" : "";
        String failLink = failAtTheEnd ? ", \"Create invoice\": {\"main\": [[{\"node\": \"Stop\", \"type\": \"main\", \"index\": 0}]]}" : "";
        Reply created = call("POST", "/api/v1/workflows", """
                {"name": "Order %d", "settings": {"rollbackOnFailure": %s}, "nodes": [
                  {"id": "t", "name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"id": "o", "name": "Create order", "type": "n8n-nodes-base.httpRequest", "typeVersion": 4.2, "position": [220, 0],
                   "parameters": {"method": "POST", "url": "%s/orders", "undoRequest": true, "undoMethod": "DELETE",
                                  "undoUrl": "=%s/orders/{{ $json.output.id }}"}},
                  {"id": "i", "name": "Create invoice", "type": "n8n-nodes-base.httpRequest", "typeVersion": 4.2, "position": [440, 0],
                   "parameters": {"method": "POST", "url": "%s/invoices", "undoRequest": true, "undoMethod": "DELETE",
                                  "undoUrl": "=%s/invoices/{{ $json.output.id }}"}}%s],
                 "connections": {"Start": {"main": [[{"node": "Create order", "type": "main", "index": 0}]]},
                   "Create order": {"main": [[{"node": "Create invoice", "type": "main", "index": 0}]]}%s}}
                """.formatted(System.nanoTime(), rollbackOnFailure, shop(), shop(), shop(), shop(), fail, failLink));
        assertThat(created.status()).isEqualTo(201);
        return (String) created.json().get("id");
    }

    private Map<String, Object> run(String workflowId) throws Exception {
        Reply run = call("POST", "/api/v1/workflows/" + workflowId + "/run?draft=true&wait=true", "[{\"customer\": \"Ada\"}]");
        assertThat(run.status()).isEqualTo(200);
        return run.json();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitStatus(String runId, String... statuses) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Map<String, Object> run = call("GET", "/api/v1/runs/" + runId, null).json();
            if (List.of(statuses).contains(run.get("status")) || System.nanoTime() > until) {
                return run;
            }
            Thread.sleep(100);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> compensations(Map<String, Object> run) {
        return ((List<Map<String, Object>>) run.get("steps")).stream().filter(s -> s.containsKey("compensates")).toList();
    }

    @Test
    void aFailedRunIsRolledBackNewestFirstAsItsWorkflowSays() throws Exception {
        Map<String, Object> run = run(workflow(true, true));
        Map<String, Object> after = awaitStatus((String) run.get("id"), "rolled back", "needs attention");

        assertThat(after.get("status")).isEqualTo("rolled back");
        assertThat(calls).containsExactly("POST /orders", "POST /invoices", "DELETE /invoices/invoices-1", "DELETE /orders/orders-1");
        assertThat(compensations(after)).extracting(s -> s.get("node") + " " + s.get("status") + " undoes #" + s.get("compensates"))
                .containsExactly("Create invoice succeeded undoes #2", "Create order succeeded undoes #1");
    }

    @Test
    void aFailingUndoIsRetriedAndOneThatKeepsFailingLeavesTheRunNeedingAttentionWhileTheOthersStillRun() throws Exception {
        script("DELETE /invoices/invoices-1", 503);
        Map<String, Object> retried = awaitStatus((String) run(workflow(true, true)).get("id"), "rolled back", "needs attention");
        assertThat(retried.get("status")).isEqualTo("rolled back");
        assertThat(compensations(retried).get(0)).containsEntry("attempts", 2L);

        calls.clear();
        script("DELETE /invoices/invoices-1", 500, 500, 500, 500);
        Map<String, Object> stuck = awaitStatus((String) run(workflow(true, true)).get("id"), "rolled back", "needs attention");
        assertThat(stuck.get("status")).isEqualTo("needs attention");
        assertThat(incidents.get(stuck.get("id") + ":rollback-needs-attention")).as("an incident is opened")
                .hasValueSatisfying(i -> assertThat(i.title()).contains("Create invoice"));
        assertThat(stuck.get("error").toString()).contains("undoing \"Create invoice\" failed after 3 attempts", "500");
        assertThat(calls).containsExactly("POST /orders", "POST /invoices", "DELETE /invoices/invoices-1",
                "DELETE /invoices/invoices-1", "DELETE /invoices/invoices-1", "DELETE /orders/orders-1");
    }

    @Test
    void aStepThatFailedIsNotUndone() throws Exception {
        script("POST /invoices", 500);
        Map<String, Object> after = awaitStatus((String) run(workflow(true, false)).get("id"), "rolled back", "needs attention");
        assertThat(after.get("status")).isEqualTo("rolled back");
        assertThat(calls).containsExactly("POST /orders", "POST /invoices", "DELETE /orders/orders-1");
    }

    @Test
    void aFinishedRunIsRolledBackOnRequestOnceAndWithoutTheSettingNothingHappensByItself() throws Exception {
        Map<String, Object> failed = run(workflow(false, true));
        assertThat(awaitStatus((String) failed.get("id"), "failed").get("status")).isEqualTo("failed");
        Thread.sleep(300);
        assertThat(calls).as("no rollback without rollbackOnFailure").containsExactly("POST /orders", "POST /invoices");

        Map<String, Object> succeeded = run(workflow(false, false));
        assertThat(succeeded.get("status")).isEqualTo("succeeded");
        calls.clear();
        Reply rolledBack = call("POST", "/api/v1/runs/" + succeeded.get("id") + "/rollback", null);
        assertThat(rolledBack.status()).isEqualTo(200);
        assertThat(rolledBack.json().get("status")).isEqualTo("rolled back");
        assertThat(calls).containsExactly("DELETE /invoices/invoices-1", "DELETE /orders/orders-1");

        Reply again = call("POST", "/api/v1/runs/" + succeeded.get("id") + "/rollback", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).containsEntry("code", "not_rollbackable");
        assertThat(calls).hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRejectedApprovalRollsTheRunBackWhenItsWorkflowSaysSo() throws Exception {
        Reply created = call("POST", "/api/v1/workflows", """
                {"name": "Reserve %d", "settings": {"rollbackOnRejection": true}, "nodes": [
                  {"id": "t", "name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"id": "o", "name": "Reserve stock", "type": "n8n-nodes-base.httpRequest", "typeVersion": 4.2, "position": [220, 0],
                   "parameters": {"method": "POST", "url": "%s/reservations", "undoRequest": true,
                                  "undoUrl": "=%s/reservations/{{ $json.output.id }}"}},
                  {"id": "a", "name": "Confirm", "type": "switchboard.approval", "typeVersion": 1, "position": [440, 0],
                   "parameters": {"message": "Ship it?"}},
                  {"id": "s", "name": "Ship", "type": "n8n-nodes-base.noOp", "typeVersion": 1, "position": [660, 0], "parameters": {}}],
                 "connections": {"Start": {"main": [[{"node": "Reserve stock", "type": "main", "index": 0}]]},
                   "Reserve stock": {"main": [[{"node": "Confirm", "type": "main", "index": 0}]]},
                   "Confirm": {"main": [[{"node": "Ship", "type": "main", "index": 0}], []]}}}
                """.formatted(System.nanoTime(), shop(), shop()));
        Map<String, Object> run = run((String) created.json().get("id"));
        assertThat(run.get("status")).isEqualTo("waiting");
        String requestId = run.get("id") + ":2";
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (call("GET", "/api/v1/approvals/" + requestId, null).status() != 200 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(call("POST", "/api/v1/approvals/" + requestId + "/reject", "{\"comment\": \"out of stock\"}").status())
                .isEqualTo(200);

        Map<String, Object> after = awaitStatus((String) run.get("id"), "rolled back", "needs attention");
        assertThat(after.get("status")).isEqualTo("rolled back");
        assertThat(calls).containsExactly("POST /reservations", "DELETE /reservations/reservations-1");
        assertThat(((List<Map<String, Object>>) after.get("steps")).stream().map(st -> (String) st.get("node")).toList())
                .as("the rejected output is not followed").doesNotContain("Ship");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCodeNodesUndoScriptSeesWhatItsStepDidAndAThrowLeavesTheRunNeedingAttention() throws Exception {
        String undo = "const first = $input.all()[0].json; if (first.output.orderId !== 7 || first.input.customer !== 'Ada') "
                + "{ throw new Error('not what the step did'); } return [{json: {undone: first.output.orderId}}];";
        for (boolean fails : new boolean[] {false, true}) {
            Reply created = call("POST", "/api/v1/workflows", dev.switchboard.platform.json.Json.write(Map.of(
                    "name", "Code undo " + System.nanoTime(),
                    "nodes", List.of(
                            Map.of("id", "t", "name", "Start", "type", "n8n-nodes-base.manualTrigger", "typeVersion", 1,
                                    "position", List.of(0, 0), "parameters", Map.of()),
                            Map.of("id", "c", "name", "Book", "type", "n8n-nodes-base.code", "typeVersion", 2,
                                    "position", List.of(200, 0), "parameters", Map.of(
                                            "jsCode", "return [{json: {orderId: 7}}];",
                                            "compensationCode", fails ? "throw new Error('the ledger is closed');" : undo))),
                    "connections", Map.of("Start", Map.of("main", List.of(List.of(Map.of("node", "Book", "type", "main",
                            "index", 0))))))));
            Map<String, Object> run = run((String) created.json().get("id"));
            assertThat(run.get("status")).isEqualTo("succeeded");
            Reply rolledBack = call("POST", "/api/v1/runs/" + run.get("id") + "/rollback", null);
            assertThat(rolledBack.json().get("status")).isEqualTo(fails ? "needs attention" : "rolled back");
            Map<String, Object> undoStep = compensations(rolledBack.json()).get(0);
            if (fails) {
                assertThat(rolledBack.json().get("error").toString()).contains("the ledger is closed");
            } else {
                assertThat(undoStep.get("outputs").toString()).contains("undone=7");
            }
        }
    }
}
