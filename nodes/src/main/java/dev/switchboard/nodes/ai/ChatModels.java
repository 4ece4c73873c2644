package dev.switchboard.nodes.ai;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.switchboard.platform.node.CredentialType;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeCredential;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * The chat model a node's credential names, asked with retries (429 and 5xx, with backoff), and errors that
 * say what to fix: a refused key, an unknown model, a server that cannot be reached.
 */
final class ChatModels {

    static final CredentialType OPENAI = CredentialType.of("openAiApi", "OpenAI (or compatible) API",
                    ParameterSpec.of("apiKey", "API key", ParameterType.STRING, "").asSecret(),
                    ParameterSpec.of("url", "Base URL", ParameterType.STRING, "https://api.openai.com/v1")
                            .help("An OpenAI-compatible server: e.g. http://127.0.0.1:11434/v1 for Ollama."),
                    ParameterSpec.of("model", "Default model", ParameterType.STRING, "")
                            .help("The model nodes use when they name none, e.g. gpt-4o-mini or llama3.1."))
            .description("OpenAI, or any server speaking its chat completions API (Ollama, vLLM, LM Studio, LocalAI).");
    static final CredentialType ANTHROPIC = CredentialType.of("anthropicApi", "Anthropic API",
                    ParameterSpec.of("apiKey", "API key", ParameterType.STRING, "").asSecret(),
                    ParameterSpec.of("url", "Base URL", ParameterType.STRING, "https://api.anthropic.com/v1"),
                    ParameterSpec.of("model", "Default model", ParameterType.STRING, "")
                            .help("The model nodes use when they name none, e.g. claude-3-5-haiku-latest."))
            .description("Anthropic's messages API.");

    static final CredentialType OLLAMA = CredentialType.of("ollamaApi", "Ollama",
                    ParameterSpec.of("baseUrl", "Base URL", ParameterType.STRING, "http://127.0.0.1:11434"),
                    ParameterSpec.of("model", "Default model", ParameterType.STRING, "")
                            .help("The model nodes use when they name none, e.g. llama3.2."))
            .description("A local Ollama server (through its OpenAI-compatible API); needs no key.");

    /** The credential types every model node accepts. */
    static final CredentialType[] TYPES = {OPENAI, ANTHROPIC, OLLAMA};

    /** The model a node asks; empty: its credential's default model, else the provider's usual small one. */
    static final ParameterSpec MODEL = ParameterSpec.of("model", "Model", ParameterType.STRING, "")
            .help("e.g. gpt-4o-mini, llama3.1, claude-3-5-haiku-latest; empty for the credential's default.");

    static final int RETRIES = 3;
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ChatModels() {
    }

    /** What a model said, and what it cost in tokens. */
    record Reply(String text, String model, Integer inputTokens, Integer outputTokens) {
        Map<String, Object> usage() {
            return Map.of("inputTokens", inputTokens == null ? 0 : inputTokens, "outputTokens",
                    outputTokens == null ? 0 : outputTokens);
        }
    }

    /** Added to a system prompt when the node's review gate needs the model's confidence in a free-text answer. */
    static final String ASK_CONFIDENCE = "\nAnswer with JSON only: {\"text\": \"<your answer>\", \"confidence\": "
            + "<a number from 0 to 1: how sure you are that the answer is right and complete>}.";

    /** A free-text answer given in the {@link #ASK_CONFIDENCE} form: its text and confidence (null when it is not in that form). */
    record Rated(String text, Double confidence) {
        static Rated read(String answer) {
            Object parsed = AiExtractNode.parse(answer);
            if (parsed instanceof Map<?, ?> m && m.get("text") instanceof String t) {
                return new Rated(t.strip(), QualityGate.confidence(parsed));
            }
            return new Rated(answer == null ? "" : answer.strip(), null);
        }
    }

    /** The parameter every AI node has: keep personal data from the model. */
    static final ParameterSpec REDACT = ParameterSpec.of("redact", "Redact personal data", ParameterType.BOOLEAN, false)
            .help("Replace e-mail addresses, phone numbers, card numbers and IBANs by placeholders before the prompt "
                    + "leaves the server, and put them back where the answer repeats them.");

    /**
     * Asks the model of the node's credential; {@code system} may be blank. With the node's {@code redact}
     * on, personal data never reaches the model (see {@link Redaction}).
     */
    static Reply ask(NodeContext context, String modelName, Double temperature, String system, String user, int item) {
        if (context.bool("redact", item, false)) {
            Redaction redaction = new Redaction();
            String safeSystem = redaction.redact(system);
            String safeUser = redaction.redact(user);
            if (redaction.count() > 0) {
                context.log().info("redacted " + redaction.count() + " piece(s) of personal data before asking the model");
            }
            Reply reply = askModel(context, modelName, temperature, safeSystem, safeUser, item);
            return new Reply(redaction.restore(reply.text()), reply.model(), reply.inputTokens(), reply.outputTokens());
        }
        return askModel(context, modelName, temperature, system, user, item);
    }

    /** Ollama's OpenAI-compatible API is under /v1 of its base URL. */
    static String ollamaUrl(String baseUrl) {
        String base = baseUrl == null || baseUrl.isBlank() ? "http://127.0.0.1:11434" : baseUrl.strip();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return base.endsWith("/v1") ? base : base + "/v1";
    }

    private static Reply askModel(NodeContext context, String modelName, Double temperature, String system, String user,
            int item) {
        var openAi = context.credential(OPENAI.name());
        var ollama = openAi.isPresent() ? java.util.Optional.<NodeCredential>empty() : context.credential(OLLAMA.name());
        var anthropic = openAi.isPresent() || ollama.isPresent() ? java.util.Optional.<NodeCredential>empty()
                : context.credential(ANTHROPIC.name());
        if (openAi.isEmpty() && anthropic.isEmpty() && ollama.isEmpty()) {
            throw new NodeException("choose an openAiApi, anthropicApi or ollamaApi credential for \"" + context.nodeName()
                    + "\"", item);
        }
        NodeCredential credential = openAi.or(() -> ollama).orElseGet(anthropic::get);
        boolean openAiProtocol = anthropic.isEmpty();
        String url = ollama.isPresent() ? ollamaUrl(credential.text("baseUrl")) : credential.text("url");
        String defaultModel = credential.text("model");
        String model = modelName != null && !modelName.isBlank() ? modelName
                : defaultModel != null && !defaultModel.isBlank() ? defaultModel.strip()
                : openAi.isPresent() ? "gpt-4o-mini" : ollama.isPresent() ? "llama3.2" : "claude-3-5-haiku-latest";
        String key = ollama.isPresent() ? "ollama" : credential.text("apiKey");
        ChatModel chat = openAiProtocol
                ? OpenAiChatModel.builder().baseUrl(url == null || url.isBlank() ? "https://api.openai.com/v1" : url)
                        .apiKey(key).modelName(model).temperature(temperature)
                        .maxRetries(RETRIES).timeout(TIMEOUT).build()
                : AnthropicChatModel.builder().baseUrl(url == null || url.isBlank() ? "https://api.anthropic.com/v1" : url)
                        .apiKey(credential.text("apiKey")).modelName(model).temperature(temperature).maxTokens(1024)
                        .maxRetries(RETRIES).timeout(TIMEOUT).build();
        List<ChatMessage> messages = new ArrayList<>();
        if (system != null && !system.isBlank()) {
            messages.add(SystemMessage.from(system));
        }
        messages.add(UserMessage.from(user == null ? "" : user));
        ChatResponse response;
        try {
            response = chat.chat(messages);
        } catch (AuthenticationException e) {
            throw new NodeException("the " + credential.type() + " credential \"" + credential.name()
                    + "\" was refused by " + url + ": check its API key [item " + item + "]", item);
        } catch (ModelNotFoundException e) {
            throw new NodeException("the model \"" + model + "\" is not known at " + url + " [item " + item + "]", item);
        } catch (RateLimitException e) {
            throw new NodeException("the model server kept answering 429 (too many requests) after " + RETRIES
                    + " retries [item " + item + "]", item);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e.getCause() instanceof java.net.ConnectException || why.contains("Connection refused")
                    || e.getClass().getSimpleName().contains("UnresolvedModelServer")) {
                throw new NodeException("cannot reach the model server at " + url + " [item " + item + "]", item);
            }
            throw new NodeException("the model server at " + url + " failed: " + why + " [item " + item + "]", item);
        }
        var usage = response.tokenUsage();
        String answered = response.modelName() == null || response.modelName().isBlank() ? model : response.modelName();
        context.recordModelUse(new dev.switchboard.platform.node.ModelUse(answered,
                usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount()));
        context.log().info("model " + model + ": " + (usage == null ? "?" : usage.inputTokenCount()) + " tokens in, "
                + (usage == null ? "?" : usage.outputTokenCount()) + " out");
        return new Reply(response.aiMessage().text(), model, usage == null ? null : usage.inputTokenCount(),
                usage == null ? null : usage.outputTokenCount());
    }
}
