package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Approvals across processes: a run keeps waiting through a crash of the server and is approved after the
 * restart; a deadline that passes while the server is down is handled when it starts again; and in a real
 * browser, an approver signs in, opens the inbox, approves, and the run completes.
 */
class ApprovalsIT {

    private static final String KEY = "approvals-it-key";

    /** manual trigger → approval (these parameters) → "Pay" (approved) / "Refuse" (rejected) / "Too late". */
    static String workflow(String name, String approvalParameters) {
        return """
                {"name": "%s", "nodes": [
                  {"id": "t", "name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"id": "a", "name": "Approve", "type": "switchboard.approval", "typeVersion": 1, "position": [220, 0], "parameters": %s},
                  {"id": "p", "name": "Pay", "type": "n8n-nodes-base.noOp", "typeVersion": 1, "position": [440, -120], "parameters": {}},
                  {"id": "r", "name": "Refuse", "type": "n8n-nodes-base.noOp", "typeVersion": 1, "position": [440, 0], "parameters": {}},
                  {"id": "l", "name": "Too late", "type": "n8n-nodes-base.noOp", "typeVersion": 1, "position": [440, 120], "parameters": {}}],
                 "connections": {"Start": {"main": [[{"node": "Approve", "type": "main", "index": 0}]]},
                   "Approve": {"main": [[{"node": "Pay", "type": "main", "index": 0}], [{"node": "Refuse", "type": "main", "index": 0}],
                                        [{"node": "Too late", "type": "main", "index": 0}]]}}}
                """.formatted(name, approvalParameters);
    }

    static String waitingRun(ServerProcess server, String workflowJson) throws Exception {
        String id = (String) server.expect(201, "POST", "/api/v1/workflows", workflowJson).get("id");
        Map<String, Object> run = server.expect(200, "POST", "/api/v1/workflows/" + id + "/run?draft=true&wait=true",
                "[{\"amount\": 80}]");
        assertThat(run.get("status")).isEqualTo("waiting");
        return (String) run.get("id");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> request(ServerProcess server, String runId) throws Exception {
        Map<String, Object>[] found = new Map[1];
        ServerProcess.poll("the approval request of run " + runId, Duration.ofSeconds(30), () -> {
            for (Object o : (List<Object>) server.expect(200, "GET", "/api/v1/approvals?size=200", null).get("items")) {
                if (runId.equals(((Map<String, Object>) o).get("runId"))) {
                    found[0] = (Map<String, Object>) o;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @SuppressWarnings("unchecked")
    static List<String> finishedNodes(ServerProcess server, String runId) throws Exception {
        ServerProcess.poll("run " + runId + " to succeed", Duration.ofSeconds(60),
                () -> "succeeded".equals(server.expect(200, "GET", "/api/v1/runs/" + runId, null).get("status")));
        return ((List<Map<String, Object>>) server.expect(200, "GET", "/api/v1/runs/" + runId, null).get("steps")).stream()
                .map(s -> (String) s.get("node")).toList();
    }

    @Test
    void aWaitingRunSurvivesACrashAndADeadlineThatPassedWhileDownIsHandledAtStartUp() throws Exception {
        Path dir = ServerProcess.workDirectory("approvals-restart");
        int port = ServerProcess.freePort();
        String patient;
        String hurried;
        try (ServerProcess first = ServerProcess.start("first", dir.resolve("data"), port, KEY, Map.of(), List.of()).awaitUp()) {
            patient = waitingRun(first, workflow("No deadline", "{\"message\": \"Pay 80?\"}"));
            hurried = waitingRun(first, workflow("Three seconds", """
                    {"message": "Pay 80 quickly?", "deadlineAmount": 3, "deadlineUnit": "seconds", "onDeadline": "reject"}"""));
            request(first, patient);
            request(first, hurried);
            assertThat(first.kill()).as("SIGKILL").isEqualTo(137);
        }
        Thread.sleep(4_000);
        try (ServerProcess second = ServerProcess.start("second", dir.resolve("data"), port, KEY, Map.of(), List.of()).awaitUp()) {
            assertThat(finishedNodes(second, hurried)).as("rejected by its deadline, which passed while the server was down")
                    .containsExactly("Start", "Approve", "Refuse");
            Map<String, Object> late = request(second, hurried);
            assertThat(late.get("status")).isEqualTo("rejected");
            assertThat(late.get("decision").toString()).contains("by=deadline");

            assertThat(request(second, patient).get("status")).as("still waiting after the restart").isEqualTo("pending");
            Map<String, Object> id = request(second, patient);
            second.expect(200, "POST", "/api/v1/approvals/" + id.get("id") + "/approve", "{\"comment\": \"after the crash\"}");
            assertThat(finishedNodes(second, patient)).containsExactly("Start", "Approve", "Pay");
        }
    }

    @Test
    void anApproverSignsInOpensTheInboxApprovesAndTheRunCompletes() throws Exception {
        BrowserSession.assumeInstalled();
        Path dir = ServerProcess.workDirectory("approvals-browser");
        try (ServerProcess server = ServerProcess.start("server", dir.resolve("data"), ServerProcess.freePort(), KEY, Map.of(),
                List.of()).awaitUp()) {
            server.expect(201, "POST", "/api/v1/users",
                    "{\"username\": \"alma\", \"roles\": [\"approver\"], \"password\": \"approver-password\"}");
            String runId = waitingRun(server, workflow("Supplier payment", """
                    {"message": "=Pay {{ $json.amount }} EUR to the supplier?", "approverRoles": ["approver"],
                     "fields": {"fields": [{"name": "amount", "value": "={{ $json.amount }}"}]}}"""));
            request(server, runId);

            try (BrowserSession browser = BrowserSession.open(dir, 1400, 900)) {
                browser.get("http://127.0.0.1:" + server.port() + "/login");
                browser.signIn("alma", "approver-password");
                browser.waitFor(By.id("workflows"));
                browser.get("http://127.0.0.1:" + server.port() + "/inbox");
                WebElement inbox = browser.waitFor(By.id("inbox"));
                browser.waitForText(inbox, "Pay 80 EUR to the supplier?");
                inbox.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                        .filter(c -> c.getText().equals("Pay 80 EUR to the supplier?")).findFirst().orElseThrow().click();
                assertThat(browser.waitFor(By.id("approval-message")).getText()).isEqualTo("Pay 80 EUR to the supplier?");
                browser.waitFor(By.cssSelector("#approval-comment textarea")).sendKeys("invoice checked");
                browser.screenshot("approval-inbox.png");
                WebElement approve = browser.waitFor(By.id("approve"));
                browser.script("arguments[0].scrollIntoView({block: 'center'});", approve);
                approve.click();
                browser.waitForText(browser.waitFor(By.cssSelector("vaadin-notification-card")), "Recorded: approved");
                browser.screenshot("approval-approved.png");
            }
            assertThat(finishedNodes(server, runId)).containsExactly("Start", "Approve", "Pay");
            assertThat(request(server, runId).get("decision").toString()).contains("by=alma", "comment=invoice checked");
        }
    }
}
