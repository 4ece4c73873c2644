package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

import dev.switchboard.app.ApiClient.Reply;
import dev.switchboard.platform.approval.ApprovalService;
import dev.switchboard.platform.approval.ApprovalStatus;
import dev.switchboard.platform.run.RunStore;

/**
 * Approvals over real HTTP on the embedded MongoDB: a run waits at an approval node; a decision through
 * the API or a signed link (GET shows, only POST decides, a second POST is refused) resumes it on the
 * decided output; deadlines decide or escalate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApprovalsApiTest {

    private static final String KEY = "test-key-approvals";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "approvals-data");
        registry.add("switchboard.data-dir", dataDir::toString);
        registry.add("switchboard.api-key", () -> KEY);
        registry.add("switchboard.approval-sweep-seconds", () -> "1");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    ApprovalService approvals;

    @Autowired
    RunStore runs;

    private final HttpClient http = HttpClient.newHttpClient();

    @org.junit.jupiter.api.extension.RegisterExtension
    static final com.icegreen.greenmail.junit5.GreenMailExtension MAIL = new com.icegreen.greenmail.junit5.GreenMailExtension(
            com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig().withDisabledAuthentication());

    private Reply call(String method, String path, String body) throws Exception {
        return new ApiClient(port, KEY, text -> { }).call(method, path, body);
    }

    /** manual trigger → approval → "Pay" on approved, "Refuse" on rejected, "Too late" on timed out. */
    private String refundWorkflow(String approvalParameters) throws Exception {
        Reply created = call("POST", "/api/v1/workflows", """
                {"name": "Refund %d", "nodes": [
                  {"id": "t", "name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"id": "a", "name": "Approve refund", "type": "switchboard.approval", "typeVersion": 1, "position": [200, 0],
                   "parameters": %s},
                  {"id": "p", "name": "Pay", "type": "n8n-nodes-base.noOp", "typeVersion": 1, "position": [400, -100], "parameters": {}},
                  {"id": "r", "name": "Refuse", "type": "n8n-nodes-base.noOp", "typeVersion": 1, "position": [400, 0], "parameters": {}},
                  {"id": "l", "name": "Too late", "type": "n8n-nodes-base.noOp", "typeVersion": 1, "position": [400, 100], "parameters": {}}],
                 "connections": {"Start": {"main": [[{"node": "Approve refund", "type": "main", "index": 0}]]},
                   "Approve refund": {"main": [[{"node": "Pay", "type": "main", "index": 0}],
                                               [{"node": "Refuse", "type": "main", "index": 0}],
                                               [{"node": "Too late", "type": "main", "index": 0}]]}}}
                """.formatted(System.nanoTime(), approvalParameters));
        assertThat(created.status()).isEqualTo(201);
        return (String) created.json().get("id");
    }

    private String startWaitingRun(String workflowId) throws Exception {
        Reply run = call("POST", "/api/v1/workflows/" + workflowId + "/run?draft=true&wait=true", "[{\"amount\": 120}]");
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().get("status")).isEqualTo("waiting");
        return (String) run.json().get("id");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> requestOf(String runId) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            Reply list = call("GET", "/api/v1/approvals?size=200", null);
            for (Object o : (List<Object>) list.json().get("items")) {
                Map<String, Object> r = (Map<String, Object>) o;
                if (runId.equals(r.get("runId"))) {
                    return r;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no approval request for run " + runId);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitRun(String runId, String status) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Reply run;
        do {
            run = call("GET", "/api/v1/runs/" + runId, null);
            if (status.equals(run.json().get("status"))) {
                return run.json();
            }
            Thread.sleep(100);
        } while (System.nanoTime() < until);
        throw new AssertionError("run " + runId + " is " + run.json().get("status") + ", not " + status);
    }

    @SuppressWarnings("unchecked")
    private static List<String> nodesRun(Map<String, Object> run) {
        return ((List<Map<String, Object>>) run.get("steps")).stream().map(s -> (String) s.get("node")).toList();
    }

    @Test
    void aRunWaitsAndTheApiDecisionResumesItOnTheApprovedOutputWithTheDecisionOnTheItems() throws Exception {
        String runId = startWaitingRun(refundWorkflow("""
                {"message": "=Refund {{ $json.amount }} EUR?", "fields": {"fields": [{"name": "amount", "value": "={{ $json.amount }}"}]}}
                """));
        Map<String, Object> request = requestOf(runId);
        assertThat(request).containsEntry("status", "pending").containsEntry("message", "Refund 120 EUR?");
        assertThat((Map<String, Object>) request.get("fields")).containsEntry("amount", 120L);
        assertThat(runs.get(runId).orElseThrow().status().label()).isEqualTo("waiting");

        Reply approved = call("POST", "/api/v1/approvals/" + request.get("id") + "/approve", "{\"comment\": \"fine\"}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json()).containsEntry("status", "approved");

        Map<String, Object> finished = awaitRun(runId, "succeeded");
        assertThat(nodesRun(finished)).containsExactly("Start", "Approve refund", "Pay");
        Map<String, Object> paid = ((List<Map<String, Object>>) finished.get("steps")).get(2);
        assertThat(paid.toString()).contains("decision=approve", "by=api", "comment=fine");

        Reply again = call("POST", "/api/v1/approvals/" + request.get("id") + "/reject", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).containsEntry("code", "already_decided");
        assertThat((String) again.error().get("message")).contains("already approved by api");
    }

    @Test
    void aSignedLinkShowsTheRequestOnGetDecidesOnlyOnPostAndOnlyOnce() throws Exception {
        String runId = startWaitingRun(refundWorkflow("{\"message\": \"Refund?\", \"approvers\": \"ann\"}"));
        String id = (String) requestOf(runId).get("id");
        String link = approvals.link(id, "ann@example.com").replaceFirst("http://localhost:\\d+", "http://127.0.0.1:" + port);

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Refund?", "<form method=\"post\"", "value=\"approve\"", "value=\"reject\"");
        HttpResponse<String> pageAgain = http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(pageAgain.statusCode()).as("following the link twice decides nothing").isEqualTo(200);
        assertThat(approvals.get(id).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);

        HttpResponse<String> decided = post(link, "decision=reject&comment=" + URLEncoder.encode("not in policy", StandardCharsets.UTF_8));
        assertThat(decided.statusCode()).isEqualTo(200);
        assertThat(decided.body()).contains("Recorded: rejected");
        HttpResponse<String> second = post(link, "decision=approve");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("already rejected by link:ann@example.com");

        assertThat(nodesRun(awaitRun(runId, "succeeded"))).containsExactly("Start", "Approve refund", "Refuse");
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(link + "x")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(404);
    }

    @Test
    void atTheDeadlineTheRequestIsDecidedAsTheNodeSays() throws Exception {
        String runId = startWaitingRun(refundWorkflow("""
                {"message": "Quick?", "deadlineAmount": 1, "deadlineUnit": "seconds", "onDeadline": "timeOut"}"""));
        assertThat(nodesRun(awaitRun(runId, "succeeded"))).containsExactly("Start", "Approve refund", "Too late");
        var request = approvals.get(runId + ":1").orElseThrow();
        assertThat(request.status()).isEqualTo(ApprovalStatus.TIMED_OUT);
        assertThat(request.decision().by()).isEqualTo("deadline");
    }

    @Test
    void escalationHandsTheRequestToAnotherRoleWithANewDeadline() throws Exception {
        String runId = startWaitingRun(refundWorkflow("""
                {"message": "Big refund", "approvers": "bob", "deadlineAmount": 1, "deadlineUnit": "seconds",
                 "onDeadline": "escalate", "escalateToRole": "admin", "escalateAmount": 1, "escalateUnit": "days"}"""));
        String id = (String) requestOf(runId).get("id");
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!approvals.get(id).orElseThrow().escalated() && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        var escalated = approvals.get(id).orElseThrow();
        assertThat(escalated.escalated()).isTrue();
        assertThat(escalated.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(escalated.roles()).containsExactly("admin");
        assertThat(escalated.approvers()).isEmpty();
        assertThat(escalated.deadline()).isAfter(java.time.Instant.now().plus(Duration.ofHours(23)));
        assertThat(escalated.decidableBy("bob", List.of("builder"))).isFalse();
        assertThat(escalated.decidableBy("carol", List.of("admin"))).isTrue();
    }

    @Test
    void theNoticeIsMailedThroughTheSmtpCredentialWithALinkThatDecides() throws Exception {
        Reply credential = call("POST", "/api/v1/credentials", """
                {"name": "Office mail %d", "type": "smtp", "data": {"host": "127.0.0.1", "port": %d, "secure": false}}
                """.formatted(System.nanoTime(), MAIL.getSmtp().getPort()));
        assertThat(credential.status()).isEqualTo(201);
        String runId = startWaitingRun(refundWorkflowWithCredential("""
                {"message": "Refund 120 EUR to Ada?", "notifyEmail": "ann@example.com", "emailFrom": "robot@example.com"}""",
                (String) credential.json().get("id")));
        assertThat(MAIL.waitForIncomingEmail(20_000, 1)).isTrue();
        var message = MAIL.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("Approval needed: Refund 120 EUR to Ada?");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ann@example.com");
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://\\S+/approval/\\S+").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        String url = link.group().replaceFirst("http://[^/]+", "http://127.0.0.1:" + port);

        assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        assertThat(post(url, "decision=approve").body()).contains("Recorded: approved");
        assertThat(nodesRun(awaitRun(runId, "succeeded"))).containsExactly("Start", "Approve refund", "Pay");
        assertThat(approvals.get(runId + ":1").orElseThrow().decision().by()).isEqualTo("link:ann@example.com");
    }

    private String refundWorkflowWithCredential(String approvalParameters, String credentialId) throws Exception {
        String id = refundWorkflow(approvalParameters);
        @SuppressWarnings("unchecked")
        Map<String, Object> draft = (Map<String, Object>) call("GET", "/api/v1/workflows/" + id, null).json().get("workflow");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) draft.get("nodes");
        List<Map<String, Object>> withCredential = new java.util.ArrayList<>();
        for (Map<String, Object> n : nodes) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>(n);
            if ("Approve refund".equals(n.get("name"))) {
                copy.put("credentials", Map.of("smtp", Map.of("id", credentialId, "name", "Office mail")));
            }
            withCredential.add(copy);
        }
        Map<String, Object> changed = new java.util.LinkedHashMap<>(draft);
        changed.put("nodes", withCredential);
        assertThat(call("PUT", "/api/v1/workflows/" + id, dev.switchboard.platform.json.Json.write(changed)).status()).isEqualTo(200);
        return id;
    }

    private HttpResponse<String> post(String url, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
