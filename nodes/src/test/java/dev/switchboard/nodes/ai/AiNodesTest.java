package dev.switchboard.nodes.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.nodes.NodeTestKit;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCredential;
import dev.switchboard.platform.run.CredentialResolver;
import dev.switchboard.platform.run.InMemoryRunJournal;
import dev.switchboard.platform.run.RunClock;
import dev.switchboard.platform.run.RunRequest;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.workflow.WorkflowJson;

/**
 * The AI nodes against a stand-in provider on loopback: classification routes by category and sends unsure
 * answers to the low-confidence output, a 429 is retried, a refused key is named without showing it, tokens
 * are counted on the items, and Anthropic's protocol works too.
 */
class AiNodesTest {

    private static final String KEY = "sk-TOPSECRET-42";

    private StandInModelServer provider;

    @BeforeEach
    void start() throws Exception {
        provider = new StandInModelServer();
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private CredentialResolver vault(String type) {
        return (t, id, name) -> new NodeCredential("cred-1", "Support model", type,
                Map.of("apiKey", KEY, "url", provider.url()), Set.of("apiKey"),
                type.equals("openAiApi") ? ChatModels.OPENAI : ChatModels.ANTHROPIC);
    }

    private RunResult run(String nodeJson, String credentialType, List<Map<String, Object>> items) {
        var workflow = WorkflowJson.read("""
                {"name": "ai", "nodes": [
                  {"name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  %s],
                 "connections": {"Start": {"main": [[{"node": "AI", "type": "main", "index": 0}]]}}}""".formatted(nodeJson));
        RunRequest request = RunRequest.manual("ai-" + System.nanoTime(), workflow,
                items.stream().map(Item::of).toList()).withPinData(false).withClock(RunClock.virtual(Instant.now()))
                .withCredentials(vault(credentialType));
        return NodeTestKit.EXECUTOR.execute(request, new InMemoryRunJournal());
    }

    private static String classify(double minConfidence) {
        return """
                {"name": "AI", "type": "switchboard.aiClassify", "typeVersion": 1, "position": [200, 0],
                 "credentials": {"openAiApi": {"id": "cred-1", "name": "Support model"}},
                 "parameters": {"text": "={{ $json.subject }}", "minConfidence": %s, "categories": {"categories": [
                   {"category": "billing", "description": "invoices, refunds, payments"},
                   {"category": "technical", "description": "errors, bugs, outages"},
                   {"category": "sales", "description": "prices, quotes, new orders"}]}}}""".formatted(minConfidence);
    }

    @Test
    void classificationRoutesByCategoryAndSendsUnsureAnswersToTheLastOutput() {
        provider.answer(200, "{\"categories\": [\"technical\"], \"confidence\": 0.92}");
        provider.answer(200, "Sure! ```json\n{\"categories\": [\"Billing\"], \"confidence\": 0.81}\n```");
        provider.answer(200, "{\"categories\": [\"sales\"], \"confidence\": 0.3}");
        RunResult result = run(classify(0.5), "openAiApi", List.of(Map.of("subject", "The app crashes on login"),
                Map.of("subject", "Refund for invoice 17"), Map.of("subject", "hmm")));

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(NodeTestKit.json(result, "AI", 0)).extracting(j -> j.get("subject")).containsExactly("Refund for invoice 17");
        assertThat(NodeTestKit.json(result, "AI", 1)).extracting(j -> j.get("subject")).containsExactly("The app crashes on login");
        assertThat(NodeTestKit.json(result, "AI", 2)).isEmpty();
        assertThat(NodeTestKit.json(result, "AI", 3)).as("low confidence").extracting(j -> j.get("subject")).containsExactly("hmm");
        assertThat(NodeTestKit.json(result, "AI", 1).get(0).get("classification").toString()).contains("confidence=0.92");
        assertThat(NodeTestKit.json(result, "AI", 1).get(0).get("tokens")).isEqualTo(Map.of("inputTokens", 12, "outputTokens", 5));
        assertThat(provider.received.get(0)).contains("invoices, refunds, payments", "The app crashes on login");
    }

    @Test
    void aTooManyRequestsAnswerIsRetried() {
        provider.answer(429, null);
        provider.answer(200, "Dear Ada, thank you for writing.");
        RunResult result = run("""
                {"name": "AI", "type": "switchboard.aiChat", "typeVersion": 1, "position": [200, 0],
                 "credentials": {"openAiApi": {"id": "cred-1", "name": "Support model"}},
                 "parameters": {"systemPrompt": "You write short replies.", "prompt": "=Reply to {{ $json.name }}"}}""",
                "openAiApi", List.of(Map.of("name", "Ada")));

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(NodeTestKit.json(result, "AI").get(0)).containsEntry("text", "Dear Ada, thank you for writing.");
        assertThat(provider.received).hasSize(2);
        assertThat(provider.keys).allMatch(k -> k.equals("Bearer " + KEY));
    }

    @Test
    void aRefusedKeyIsNamedWithoutShowingIt() {
        provider.answer(401, null);
        RunResult result = run("""
                {"name": "AI", "type": "switchboard.aiChat", "typeVersion": 1, "position": [200, 0],
                 "credentials": {"openAiApi": {"id": "cred-1", "name": "Support model"}},
                 "parameters": {"prompt": "Hello"}}""", "openAiApi", List.of(Map.of()));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("\"Support model\" was refused", "check its API key")
                .doesNotContain("TOPSECRET");
        assertThat(provider.received).as("a refused key is not retried").hasSize(1);
    }

    @Test
    void anthropicsMessagesProtocolWorksAndCountsTokens() {
        provider.answer(200, "Bonjour");
        RunResult result = run("""
                {"name": "AI", "type": "switchboard.aiChat", "typeVersion": 1, "position": [200, 0],
                 "credentials": {"anthropicApi": {"id": "cred-1", "name": "Claude"}},
                 "parameters": {"prompt": "Say hello in French", "model": "claude-test"}}""", "anthropicApi", List.of(Map.of()));

        assertThat(result.status()).as(String.valueOf(result.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(NodeTestKit.json(result, "AI").get(0)).containsEntry("text", "Bonjour")
                .containsEntry("tokens", Map.of("inputTokens", 10, "outputTokens", 3));
        assertThat(Json.parseObject(provider.received.get(0)).toString()).contains("Say hello in French");
        assertThat(provider.keys).containsExactly(KEY);
    }
}
