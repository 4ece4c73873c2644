package dev.switchboard.nodes.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.nodes.NodeTestKit;
import dev.switchboard.platform.ai.ModelPrice;
import dev.switchboard.platform.ai.ModelPriceTable;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.ModelUse;
import dev.switchboard.platform.node.NodeCredential;
import dev.switchboard.platform.node.NumberHistory;
import dev.switchboard.platform.run.CredentialResolver;
import dev.switchboard.platform.run.InMemoryRunJournal;
import dev.switchboard.platform.run.ModelCharge;
import dev.switchboard.platform.run.RunClock;
import dev.switchboard.platform.run.RunRequest;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunServices;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.workflow.WorkflowJson;

/**
 * The quality gates of the AI nodes (answers below a confidence to the review output, a sample to people),
 * token use and estimated cost on the step, extraction by JSON schema, and n8n's AI chains loading as
 * Switchboard nodes — against the stand-in provider on loopback.
 */
class AiQualityGatesTest {

    private static final String KEY = "sk-GATES-1234";
    private StandInModelServer provider;
    private final List<RunServices.RunReview> reviews = new CopyOnWriteArrayList<>();
    private final ModelPriceTable prices = new ModelPriceTable(List.of(new ModelPrice("gpt-test", 2.0, 8.0)));
    private final RunServices services = new RunServices() {
        private final NumberHistory history = NumberHistory.inMemory();

        @Override
        public Double estimateCost(ModelUse use) {
            return prices.cost(use);
        }

        @Override
        public void review(RunReview review) {
            reviews.add(review);
        }

        @Override
        public NumberHistory history(String workflowId, String node) {
            return history;
        }
    };

    @BeforeEach
    void start() throws Exception {
        provider = new StandInModelServer();
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private RunResult run(String nodeJson, List<Map<String, Object>> items) {
        return runWorkflow("""
                {"name": "gates", "nodes": [
                  {"name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  %s],
                 "connections": {"Start": {"main": [[{"node": "AI", "type": "main", "index": 0}]]}}}""".formatted(nodeJson), items);
    }

    private RunResult runWorkflow(String workflowJson, List<Map<String, Object>> items) {
        CredentialResolver vault = (type, id, name) -> new NodeCredential("cred-1", "Support model", type,
                Map.of("apiKey", KEY, "url", provider.url(), "baseUrl", provider.url().replace("/v1", ""), "model", "house-model"),
                Set.of("apiKey"), switch (type) {
                    case "anthropicApi" -> ChatModels.ANTHROPIC;
                    case "ollamaApi" -> ChatModels.OLLAMA;
                    default -> ChatModels.OPENAI;
                });
        RunRequest request = RunRequest.builder("gates-" + System.nanoTime(), WorkflowJson.read(workflowJson))
                .startItems(items.stream().map(Item::of).toList()).usePinData(false)
                .clock(RunClock.virtual(Instant.now())).credentials(vault).services(services).build();
        return NodeTestKit.EXECUTOR.execute(request, new InMemoryRunJournal());
    }

    private static String chat(String extra) {
        return """
                {"name": "AI", "type": "switchboard.aiChat", "typeVersion": 1, "position": [200, 0],
                 "credentials": {"openAiApi": {"id": "cred-1", "name": "Support model"}},
                 "parameters": {"prompt": "={{ $json.ask }}"%s}}""".formatted(extra);
    }

    @Test
    void outputsAreNamedAfterTheCategoriesThenTheReviewOutput() {
        Map<String, Object> categories = Map.of("categories", Map.of("categories", List.of(
                Map.of("category", "refund"), Map.of("category", "technical"))));
        assertThat(new AiClassifyNode().outputLabels(1, categories)).containsExactly("refund", "technical", "low confidence");
        assertThat(new AiChatNode().outputLabels(1, Map.of())).containsExactly("reply", "review");
        assertThat(new AiExtractNode().outputLabels(1, Map.of())).containsExactly("extracted", "invalid", "review");
        assertThat(new AnomalyNode().outputLabels(1, Map.of())).containsExactly("normal", "anomaly");
    }

    @Test
    void tokensAndTheirEstimatedCostAreOnTheStep() {
        provider.answer(200, "one");
        provider.answer(200, "two");
        RunResult result = run(chat(""), List.of(Map.of("ask", "a"), Map.of("ask", "b")));

        List<ModelCharge> usage = result.steps("AI").get(0).usage();
        // 2 calls of 12 tokens in and 5 out, at $2 and $8 per million
        assertThat(usage).containsExactly(new ModelCharge("gpt-test", 2, 24, 10, 24 * 2.0 / 1e6 + 10 * 8.0 / 1e6));
        assertThat(ModelCharge.totalCost(usage)).isEqualTo(0.000128, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(result.steps("Start").get(0).usage()).as("no model, no usage").isEmpty();
        assertThat(provider.received.get(0)).as("the credential's default model").contains("\"house-model\"");
    }

    @Test
    void anAnswerBelowTheReviewThresholdGoesToTheReviewOutput() {
        provider.answer(200, "{\"text\": \"Refund approved.\", \"confidence\": 0.35}");
        provider.answer(200, "```json\n{\"text\": \"Thanks for the order.\", \"confidence\": 0.9}\n```");
        provider.answer(200, "I am not answering in JSON");
        RunResult result = run(chat(", \"reviewBelow\": 0.6"), List.of(Map.of("ask", "refund?"), Map.of("ask", "order"),
                Map.of("ask", "odd")));

        assertThat(result.status()).as(String.valueOf(result.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(NodeTestKit.json(result, "AI", 0)).extracting(j -> j.get("text")).containsExactly("Thanks for the order.");
        assertThat(NodeTestKit.json(result, "AI", 1)).as("review: unsure, and no confidence given")
                .extracting(j -> j.get("text")).containsExactly("Refund approved.", "I am not answering in JSON");
        assertThat(NodeTestKit.json(result, "AI", 1).get(0)).containsEntry("confidence", 0.35);
        assertThat(provider.received.get(0)).contains("\\\"confidence\\\"");
    }

    @Test
    void aSampleOfAnswersGoesToPeopleWhileTheRunGoesOn() {
        for (int i = 0; i < 40; i++) {
            provider.answer(200, "{\"categories\": [\"billing\"], \"confidence\": 0.9}");
        }
        String node = """
                {"name": "AI", "type": "switchboard.aiClassify", "typeVersion": 1, "position": [200, 0],
                 "credentials": {"openAiApi": {"id": "cred-1", "name": "Support model"}},
                 "parameters": {"text": "={{ $json.t }}", "reviewSample": %s,
                   "categories": {"categories": [{"category": "billing", "description": "money"}]}}}""";
        RunResult all = run(node.formatted(100), List.of(Map.of("t", "refund 1"), Map.of("t", "refund 2")));
        assertThat(all.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(NodeTestKit.json(all, "AI", 0)).as("the run goes on with every item").hasSize(2);
        assertThat(reviews).hasSize(2);
        RunServices.RunReview first = reviews.get(0);
        assertThat(first.node()).isEqualTo("AI");
        assertThat(first.nodeType()).isEqualTo("switchboard.aiClassify");
        assertThat(first.sample().question()).isEqualTo("refund 1");
        assertThat(first.sample().answer()).isEqualTo(Map.of("categories", List.of("billing")));
        assertThat(first.sample().confidence()).isEqualTo(0.9);

        reviews.clear();
        List<Map<String, Object>> many = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(Map.of("t", "ticket " + i));
        }
        run(node.formatted(20), many);
        assertThat(reviews.size()).as("about a fifth of 30").isBetween(1, 14);
        reviews.clear();
        run(node.formatted(0), List.of(Map.of("t", "x")));
        assertThat(reviews).isEmpty();
    }

    private static final String SCHEMA_EXTRACT = """
            {"name": "AI", "type": "switchboard.aiExtract", "typeVersion": 1, "position": [200, 0],
             "credentials": {"openAiApi": {"id": "cred-1", "name": "Support model"}},
             "parameters": {"text": "={{ $json.body }}", "retries": 1, "schemaType": "jsonSchema",
               "jsonSchema": "{\\"type\\": \\"object\\", \\"required\\": [\\"order\\", \\"reason\\"], \\"additionalProperties\\": false, \\"properties\\": {\\"order\\": {\\"type\\": \\"string\\", \\"pattern\\": \\"^A-\\\\\\\\d+$\\"}, \\"reason\\": {\\"enum\\": [\\"refund\\", \\"exchange\\"]}, \\"lines\\": {\\"type\\": \\"array\\", \\"items\\": {\\"type\\": \\"object\\", \\"properties\\": {\\"qty\\": {\\"type\\": \\"integer\\", \\"minimum\\": 1}}}}}}"}}""";

    @Test
    void extractionByJsonSchemaIsCheckedAndAskedAgainWithThePathsThatWereWrong() {
        provider.answer(200, "{\"order\": \"17\", \"reason\": \"complaint\", \"lines\": [{\"qty\": 0}], \"mood\": \"angry\"}");
        provider.answer(200, "{\"order\": \"A-17\", \"reason\": \"refund\", \"lines\": [{\"qty\": 2}]}");
        RunResult result = run(SCHEMA_EXTRACT, List.of(Map.of("body", "Refund order A-17 please, 2 mugs")));

        assertThat(result.status()).as(String.valueOf(result.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(NodeTestKit.json(result, "AI", 0).get(0).get("extracted").toString()).contains("order=A-17", "reason=refund");
        assertThat(provider.received.get(0)).contains("additionalProperties");
        assertThat(provider.received.get(1)).contains("$.order must match", "$.reason must be one of",
                "$.lines[0].qty must be at least 1", "$.mood is not a property of the schema");
    }

    @Test
    void aSchemaThatIsNotOneIsNamed() {
        RunResult result = run("""
                {"name": "AI", "type": "switchboard.aiExtract", "typeVersion": 1, "position": [200, 0],
                 "credentials": {"openAiApi": {"id": "cred-1", "name": "Support model"}},
                 "parameters": {"text": "x", "schemaType": "jsonSchema", "jsonSchema": "{\\"type\\": \\"text\\"}"}}""",
                List.of(Map.of()));
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("Parameter \"jsonSchema\"", "\"type\": \"text\" is not a JSON Schema type");
        assertThat(provider.received).isEmpty();
    }

    @Test
    void extractionBelowTheReviewThresholdGoesToTheReviewOutput() {
        provider.answer(200, "{\"order\": \"A-1\", \"reason\": \"refund\", \"_confidence\": 0.2}");
        RunResult result = run(SCHEMA_EXTRACT.replace("\"retries\": 1,", "\"retries\": 1, \"reviewBelow\": 0.5,"),
                List.of(Map.of("body", "maybe a refund of A-1?")));
        assertThat(NodeTestKit.json(result, "AI", 0)).isEmpty();
        assertThat(NodeTestKit.json(result, "AI", 2).get(0)).containsEntry("confidence", 0.2);
        assertThat(NodeTestKit.json(result, "AI", 2).get(0).get("extracted")).isEqualTo(Map.of("order", "A-1", "reason", "refund"));
    }

    @Test
    void n8nsTextClassifierWithAnOpenAiChatModelLoadsAsAiClassify() {
        provider.answer(200, "{\"categories\": [\"Technical\"], \"confidence\": 0.2}");
        var workflow = """
                {"name": "n8n triage", "nodes": [
                  {"name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"name": "Text Classifier", "type": "@n8n/n8n-nodes-langchain.textClassifier", "typeVersion": 1.1,
                   "position": [200, 0], "parameters": {"inputText": "={{ $json.subject }}",
                     "categories": {"categories": [{"category": "Billing", "description": "money"},
                                                   {"category": "Technical", "description": "bugs"}]},
                     "options": {"fallback": "other"}}},
                  {"name": "OpenAI Chat Model", "type": "@n8n/n8n-nodes-langchain.lmChatOpenAi", "typeVersion": 1.2,
                   "position": [200, 200], "parameters": {"model": {"__rl": true, "value": "gpt-4o-mini", "mode": "list"},
                     "options": {"temperature": 0}},
                   "credentials": {"openAiApi": {"id": "cred-1", "name": "Support model"}}}],
                 "connections": {
                   "Start": {"main": [[{"node": "Text Classifier", "type": "main", "index": 0}]]},
                   "OpenAI Chat Model": {"ai_languageModel": [[{"node": "Text Classifier", "type": "ai_languageModel", "index": 0}]]}}}""";
        var loaded = WorkflowJson.read(workflow);
        assertThat(loaded.nodes()).extracting(n -> n.type()).containsExactly("n8n-nodes-base.manualTrigger", "switchboard.aiClassify");
        assertThat(loaded.node("Text Classifier").orElseThrow().parameters()).containsEntry("model", "gpt-4o-mini");

        RunResult result = runWorkflow(workflow, List.of(Map.of("subject", "The app crashes")));
        assertThat(result.status()).as(String.valueOf(result.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(NodeTestKit.json(result, "Text Classifier", 1)).as("n8n routes every answer: no confidence gate")
                .extracting(j -> j.get("subject")).containsExactly("The app crashes");
        assertThat(provider.received.get(0)).contains("gpt-4o-mini", "bugs");
    }

    @Test
    void n8nsInformationExtractorAndBasicChainWithOllamaAndAnthropicModelsLoad() {
        provider.answer(200, "{\"city\": \"Lyon\", \"nights\": 2}");
        provider.answer(200, "Bonjour Ada");
        var workflow = """
                {"name": "n8n chains", "nodes": [
                  {"name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"name": "Information Extractor", "type": "@n8n/n8n-nodes-langchain.informationExtractor", "typeVersion": 1,
                   "position": [200, 0], "parameters": {"text": "={{ $json.mail }}", "schemaType": "fromJson",
                     "jsonSchemaExample": "{\\"city\\": \\"Paris\\", \\"nights\\": 3}"}},
                  {"name": "Ollama Chat Model", "type": "@n8n/n8n-nodes-langchain.lmChatOllama", "typeVersion": 1,
                   "position": [200, 200], "parameters": {"model": "llama3.2:latest"},
                   "credentials": {"ollamaApi": {"id": "cred-2", "name": "Local Ollama"}}},
                  {"name": "Basic LLM Chain", "type": "@n8n/n8n-nodes-langchain.chainLlm", "typeVersion": 1.5,
                   "position": [400, 0], "parameters": {"promptType": "define", "text": "=Greet {{ $json.output.city }}",
                     "messages": {"messageValues": [{"message": "You are brief."}]}}},
                  {"name": "Anthropic Chat Model", "type": "@n8n/n8n-nodes-langchain.lmChatAnthropic", "typeVersion": 1.3,
                   "position": [400, 200], "parameters": {"model": "claude-test"},
                   "credentials": {"anthropicApi": {"id": "cred-3", "name": "Claude"}}}],
                 "connections": {
                   "Start": {"main": [[{"node": "Information Extractor", "type": "main", "index": 0}]]},
                   "Information Extractor": {"main": [[{"node": "Basic LLM Chain", "type": "main", "index": 0}]]},
                   "Ollama Chat Model": {"ai_languageModel": [[{"node": "Information Extractor", "type": "ai_languageModel", "index": 0}]]},
                   "Anthropic Chat Model": {"ai_languageModel": [[{"node": "Basic LLM Chain", "type": "ai_languageModel", "index": 0}]]}}}""";
        RunResult result = runWorkflow(workflow, List.of(Map.of("mail", "Two nights in Lyon please")));

        assertThat(result.status()).as(String.valueOf(result.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(NodeTestKit.json(result, "Information Extractor", 0).get(0).get("output"))
                .as("as n8n: the data in output").isEqualTo(Map.of("city", "Lyon", "nights", 2L));
        assertThat(NodeTestKit.json(result, "Basic LLM Chain", 0).get(0)).containsEntry("text", "Bonjour Ada");
        assertThat(provider.received.get(0)).contains("llama3.2:latest", "\\\"nights\\\"");
        assertThat(provider.keys.get(0)).as("Ollama through its OpenAI API").isEqualTo("Bearer ollama");
        assertThat(provider.received.get(1)).contains("claude-test", "You are brief.", "Greet Lyon");
        assertThat(provider.keys.get(1)).isEqualTo(KEY);
    }
}
