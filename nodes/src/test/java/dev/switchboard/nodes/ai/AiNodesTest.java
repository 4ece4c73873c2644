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
    void anUnknownModelAndAnUnreachableServerAreNamed() {
        provider.answer(404, null);
        RunResult unknown = run("""
                {"name": "AI", "type": "switchboard.aiChat", "typeVersion": 1, "position": [200, 0],
                 "credentials": {"openAiApi": {"id": "cred-1", "name": "Support model"}},
                 "parameters": {"prompt": "Hello", "model": "gpt-99"}}""", "openAiApi", List.of(Map.of()));
        assertThat(unknown.status()).isEqualTo(RunStatus.FAILED);
        assertThat(unknown.error().message()).contains("the model \"gpt-99\" is not known at " + provider.url());

        String url = provider.url();
        provider.close();
        RunResult unreachable = run("""
                {"name": "AI", "type": "switchboard.aiChat", "typeVersion": 1, "position": [200, 0],
                 "credentials": {"openAiApi": {"id": "cred-1", "name": "Support model"}},
                 "parameters": {"prompt": "Hello"}}""", "openAiApi", List.of(Map.of()));
        assertThat(unreachable.status()).isEqualTo(RunStatus.FAILED);
        assertThat(unreachable.error().message()).contains("cannot reach the model server at " + url);
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

    private static final String EXTRACT = """
            {"name": "AI", "type": "switchboard.aiExtract", "typeVersion": 1, "position": [200, 0],
             "credentials": {"openAiApi": {"id": "cred-1", "name": "Support model"}},
             "parameters": {"text": "={{ $json.body }}", "retries": 1, "fields": {"fields": [
               {"name": "orderNumber", "type": "string", "description": "the order number", "required": "true"},
               {"name": "amount", "type": "number", "description": "the amount in EUR", "required": "true"},
               {"name": "deliveryDate", "type": "date", "required": "false"}]}}}""";

    @Test
    void extractionIsCheckedAndAskedAgainWithWhatWasWrong() {
        provider.answer(200, "{\"orderNumber\": \"A-17\", \"amount\": \"120 EUR\"}");
        provider.answer(200, "{\"orderNumber\": \"A-17\", \"amount\": 120, \"deliveryDate\": null}");
        RunResult result = run(EXTRACT, "openAiApi", List.of(Map.of("body", "Please refund order A-17, 120 EUR.")));

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        Map<String, Object> item = NodeTestKit.json(result, "AI", 0).get(0);
        assertThat(item.get("extracted").toString()).contains("orderNumber=A-17", "amount=120");
        assertThat(provider.received).hasSize(2);
        assertThat(provider.received.get(1)).contains("\\\"amount\\\" must be a number");
        assertThat(item.get("tokens")).isEqualTo(Map.of("inputTokens", 24, "outputTokens", 10));
    }

    @Test
    void anAnswerThatStaysInvalidGoesToTheInvalidOutputWithTheReason() {
        provider.answer(200, "I cannot find an order.");
        provider.answer(200, "{\"amount\": 5}");
        RunResult result = run(EXTRACT, "openAiApi", List.of(Map.of("body", "hello")));

        assertThat(NodeTestKit.json(result, "AI", 0)).isEmpty();
        assertThat(NodeTestKit.json(result, "AI", 1).get(0).get("error").toString())
                .isEqualTo("the model's answer stayed invalid after 2 tries: \"orderNumber\" is required but missing");
    }

    @Test
    void summariesAndSentimentsLandOnTheItems() {
        provider.answer(200, "  Ada wants her money back.  ");
        RunResult summary = run("""
                {"name": "AI", "type": "switchboard.aiSummarize", "typeVersion": 1, "position": [200, 0],
                 "credentials": {"openAiApi": {"id": "cred-1", "name": "Support model"}},
                 "parameters": {"text": "={{ $json.body }}", "length": "one line"}}""", "openAiApi",
                List.of(Map.of("body", "long thread")));
        assertThat(NodeTestKit.json(summary, "AI").get(0)).containsEntry("summary", "Ada wants her money back.");
        assertThat(provider.received.get(0)).contains("in one line");

        provider.answer(200, "{\"sentiment\": \"Negative\", \"confidence\": 0.88}");
        RunResult sentiment = run("""
                {"name": "AI", "type": "switchboard.aiSentiment", "typeVersion": 1, "position": [200, 0],
                 "credentials": {"openAiApi": {"id": "cred-1", "name": "Support model"}},
                 "parameters": {"text": "={{ $json.body }}"}}""", "openAiApi", List.of(Map.of("body", "This is awful")));
        assertThat(NodeTestKit.json(sentiment, "AI").get(0)).containsEntry("sentiment", "negative").containsEntry("confidence", 0.88);
    }

    @Test
    void withRedactionNoPersonalDataReachesTheModelAndTheAnswerGetsItBack() {
        provider.answer(200, "Dear customer, we will write to [EMAIL_1] and refund to [IBAN_2].");
        RunResult result = run("""
                {"name": "AI", "type": "switchboard.aiChat", "typeVersion": 1, "position": [200, 0],
                 "credentials": {"openAiApi": {"id": "cred-1", "name": "Support model"}},
                 "parameters": {"redact": true, "systemPrompt": "Reply politely.",
                                "prompt": "={{ $json.body }}"}}""", "openAiApi", List.of(Map.of("body",
                "From ada.lovelace@example.com: please refund to DE89 3704 0044 0532 0130 00, card 4111 1111 1111 1111, "
                        + "call me on +49 30 1234567.")));

        String sent = provider.received.get(0);
        assertThat(sent).doesNotContain("ada.lovelace@example.com").doesNotContain("@example.com")
                .doesNotContain("4111 1111").doesNotContain("3704 0044").doesNotContain("1234567")
                .contains("[EMAIL_1]", "[IBAN_2]", "[CARD_3]", "[PHONE_4]");
        assertThat(NodeTestKit.json(result, "AI").get(0).get("text"))
                .isEqualTo("Dear customer, we will write to ada.lovelace@example.com and refund to DE89 3704 0044 0532 0130 00.");
    }

    @Test
    void redactionReplacesTheSameValueByTheSamePlaceholder() {
        Redaction r = new Redaction();
        assertThat(r.redact("a@b.io wrote to c@d.io, then a@b.io again")).isEqualTo("[EMAIL_1] wrote to [EMAIL_2], then [EMAIL_1] again");
        assertThat(r.restore("ask [EMAIL_2]")).isEqualTo("ask c@d.io");
        assertThat(r.redact("order 12345 of 2026-12-06")).as("short numbers and dates stay").isEqualTo("order 12345 of 2026-12-06");
    }
}
