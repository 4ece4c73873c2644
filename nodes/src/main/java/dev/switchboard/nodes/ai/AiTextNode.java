package dev.switchboard.nodes.ai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.nodes.support.ItemLoop;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * Summarising and sentiment: a fixed task over each item's text. Summarize puts the summary in
 * {@code summary}; Sentiment puts {@code sentiment} (positive, neutral or negative) and its confidence.
 */
public abstract sealed class AiTextNode implements NodeType permits AiTextNode.Summarize, AiTextNode.Sentiment {

    abstract String system(NodeContext context, int item);

    abstract void put(Map<String, Object> json, String answer);

    @Override
    public NodeResult execute(NodeContext context) {
        return NodeResult.of(ItemLoop.mapEach(context, (item, i) -> {
            ChatModels.Reply reply = ChatModels.ask(context, context.string("model", i, ""), 0.0, system(context, i),
                    context.string("text", i, ""), i);
            Map<String, Object> json = new LinkedHashMap<>(item.json());
            put(json, reply.text());
            json.put("tokens", reply.usage());
            return List.of(Item.of(json, i));
        }));
    }

    /** {@code switchboard.aiSummarize}. */
    public static final class Summarize extends AiTextNode {
        private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("aiSummarize", "AI Summarize", NodeCategory.AI)
                .description("Summarises each item's text (a thread, a document) in the length you ask for.")
                .noN8nAlias()
                .credentialTypes(ChatModels.OPENAI, ChatModels.ANTHROPIC)
                .parameters(ParameterSpec.required("text", "Text", ParameterType.STRING),
                        ParameterSpec.of("length", "Length", ParameterType.STRING, "three sentences")
                                .help("e.g. one line, three sentences, five bullet points"),
                        ChatModels.REDACT, ParameterSpec.of("model", "Model", ParameterType.STRING, ""))
                .build();

        @Override
        public NodeDescriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        String system(NodeContext context, int item) {
            return "Summarise the user's text in " + context.string("length", item, "three sentences")
                    + ". Answer with the summary only.";
        }

        @Override
        void put(Map<String, Object> json, String answer) {
            json.put("summary", answer == null ? "" : answer.strip());
        }
    }

    /** {@code switchboard.aiSentiment}. */
    public static final class Sentiment extends AiTextNode {
        private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("aiSentiment", "AI Sentiment", NodeCategory.AI)
                .description("Tells whether each item's text is positive, neutral or negative, with a confidence.")
                .noN8nAlias()
                .credentialTypes(ChatModels.OPENAI, ChatModels.ANTHROPIC)
                .parameters(ParameterSpec.required("text", "Text", ParameterType.STRING),
                        ChatModels.REDACT, ParameterSpec.of("model", "Model", ParameterType.STRING, ""))
                .build();

        @Override
        public NodeDescriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        String system(NodeContext context, int item) {
            return "Judge the sentiment of the user's text. Answer with JSON only: "
                    + "{\"sentiment\": \"positive\" | \"neutral\" | \"negative\", \"confidence\": <a number from 0 to 1>}.";
        }

        @Override
        void put(Map<String, Object> json, String answer) {
            Object parsed = AiExtractNode.parse(answer);
            String sentiment = "neutral";
            double confidence = 0;
            if (parsed instanceof Map<?, ?> m) {
                String s = String.valueOf(m.get("sentiment")).strip().toLowerCase(java.util.Locale.ROOT);
                if (List.of("positive", "neutral", "negative").contains(s)) {
                    sentiment = s;
                    confidence = m.get("confidence") instanceof Number n ? Math.max(0, Math.min(1, n.doubleValue())) : 0;
                }
            }
            json.put("sentiment", sentiment);
            json.put("confidence", confidence);
        }
    }
}
