package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.switchboard.app.ApiClient.Reply;

/**
 * The approval policy and the audit log over real HTTP: publishing is refused for a path that reaches a
 * risky node around the approval gate (naming the node and the path), allowed with the gate, and allowed
 * around it with an override whose reason the audit log keeps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GovernanceApiTest {

    private static final String KEY = "test-key-governance";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "governance-data");
        registry.add("switchboard.data-dir", dataDir::toString);
        registry.add("switchboard.api-key", () -> KEY);
    }

    @Value("${local.server.port}")
    int port;

    private Reply call(String method, String path, String body) throws Exception {
        return new ApiClient(port, KEY, text -> { }).call(method, path, body);
    }

    private static String node(String id, String name, String type, String parameters) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"type\": \"" + type + "\", \"typeVersion\": "
                + (type.endsWith("httpRequest") ? "4.2" : "1") + ", \"position\": [0, 0], \"parameters\": " + parameters + "}";
    }

    private static final String START = node("t", "Start", "n8n-nodes-base.manualTrigger", "{}");
    private static final String CHARGE = node("c", "Charge card", "n8n-nodes-base.httpRequest",
            "{\"method\": \"POST\", \"url\": \"http://127.0.0.1:9/charge\"}");
    private static final String GATE = node("g", "Manager approves", "switchboard.approval", "{\"message\": \"Charge?\"}");

    private static String link(String from, String to) {
        return "\"" + from + "\": {\"main\": [[{\"node\": \"" + to + "\", \"type\": \"main\", \"index\": 0}]]}";
    }

    private String create(String nodes, String connections) throws Exception {
        Reply r = call("POST", "/api/v1/workflows", "{\"name\": \"Charge " + System.nanoTime() + "\", \"nodes\": [" + nodes
                + "], \"connections\": {" + connections + "}}");
        assertThat(r.status()).isEqualTo(201);
        return (String) r.json().get("id");
    }

    private void requireApprovalFor(String... tags) throws Exception {
        Reply set = call("PUT", "/api/v1/policy", "{\"approvalRequiredFor\": [" + String.join(", ",
                java.util.Arrays.stream(tags).map(t -> "\"" + t + "\"").toList()) + "]}");
        assertThat(set.status()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPathAroundTheGateIsRefusedNamingTheNodeAndThePathAndTheGateMakesItPass() throws Exception {
        requireApprovalFor("external-write");

        String direct = create(START + "," + CHARGE, link("Start", "Charge card"));
        Reply refused = call("POST", "/api/v1/workflows/" + direct + "/publish", "{\"note\": \"first\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.error()).containsEntry("code", "policy_violation");
        assertThat((String) refused.error().get("message")).contains("\"Charge card\" (external-write)", "Start → Charge card");
        List<Map<String, Object>> violations = (List<Map<String, Object>>) ((Map<String, Object>) refused.error().get("details"))
                .get("violations");
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v).containsEntry("node", "Charge card");
            assertThat(v.get("path")).isEqualTo(List.of("Start", "Charge card"));
        });

        String gated = create(START + "," + GATE + "," + CHARGE, link("Start", "Manager approves") + ","
                + link("Manager approves", "Charge card"));
        assertThat(call("POST", "/api/v1/workflows/" + gated + "/publish", null).status()).isEqualTo(201);

        String around = create(START + "," + GATE + "," + CHARGE, "\"Start\": {\"main\": [[{\"node\": \"Manager approves\", "
                + "\"type\": \"main\", \"index\": 0}, {\"node\": \"Charge card\", \"type\": \"main\", \"index\": 0}]]},"
                + link("Manager approves", "Charge card"));
        Reply aroundRefused = call("POST", "/api/v1/workflows/" + around + "/publish", null);
        assertThat(aroundRefused.status()).as("one path passes the gate, another goes around it").isEqualTo(422);
        assertThat((String) aroundRefused.error().get("message")).contains("Start → Charge card");

        String reading = create(START + "," + node("r", "Read prices", "n8n-nodes-base.httpRequest",
                "{\"method\": \"GET\", \"url\": \"http://127.0.0.1:9/prices\"}"), link("Start", "Read prices"));
        assertThat(call("POST", "/api/v1/workflows/" + reading + "/publish", null).status())
                .as("a GET writes nothing").isEqualTo(201);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOverrideWithAReasonPublishesAndTheAuditLogKeepsItWithThePublishAndThePolicyChange() throws Exception {
        requireApprovalFor("external-write", "payment");
        String direct = create(START + "," + CHARGE, link("Start", "Charge card"));
        Reply published = call("POST", "/api/v1/workflows/" + direct + "/publish",
                "{\"note\": \"urgent fix\", \"overrideReason\": \"the payment provider asks for a test charge today\"}");
        assertThat(published.status()).isEqualTo(201);

        List<Map<String, Object>> overrides = (List<Map<String, Object>>) call("GET",
                "/api/v1/audit?action=" + java.net.URLEncoder.encode("policy overridden", java.nio.charset.StandardCharsets.UTF_8)
                        + "&subject=workflow:" + direct, null).json().get("items");
        assertThat(overrides).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("actor", "api");
            assertThat((Map<String, Object>) e.get("details")).containsEntry("reason",
                    "the payment provider asks for a test charge today");
        });
        List<Map<String, Object>> trail = (List<Map<String, Object>>) call("GET", "/api/v1/audit?subject=workflow:" + direct,
                null).json().get("items");
        assertThat(trail).extracting(e -> e.get("action")).containsExactly("workflow published", "policy overridden");
        List<Map<String, Object>> policy = (List<Map<String, Object>>) call("GET",
                "/api/v1/audit?subject=policy", null).json().get("items");
        assertThat(policy).isNotEmpty().allSatisfy(e -> assertThat(e).containsEntry("action", "policy changed"));

        Reply bad = call("PUT", "/api/v1/policy", "{\"approvalRequiredFor\": [\"everything\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat((String) bad.error().get("message")).contains("unknown risk tag \"everything\"");
    }
}
