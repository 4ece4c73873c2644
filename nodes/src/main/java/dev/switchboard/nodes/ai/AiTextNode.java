package dev.switchboard.nodes.ai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * {@code summary}; Sentiment puts {@code sentiment} (positive, neutral or negative) and its confidence. Answers
 * below the review threshold go to the second output, "review".
 */
public abstract sealed class AiTextNode implements NodeType permits AiTextNode.Summarize, AiTextNode.Sentiment {

    abstract String system(NodeContext context, int item, boolean rate);

    /** Puts the answer on the item; returns what a correction would replace and the confidence. */
    abstract ChatModels.Rated put(Map<String, Object> json, String answer, boolean rate);

    abstract String answerField();

    @Override
    public NodeResult execute(NodeContext context) {
        List<Item> done = new ArrayList<>();
        List<Item> review = new ArrayList<>();
        List<Item> items = context.items();
        for (int i = 0; i < items.size(); i++) {
            boolean rate = QualityGate.threshold(context, i) > 0;
            String text = context.string("text", i, "");
            ChatModels.Reply reply = ChatModels.ask(context, context.string("model", i, ""), 0.0,
                    system(context, i, rate), text, i);
            Map<String, Object> json = new LinkedHashMap<>(items.get(i).json());
            ChatModels.Rated answer = put(json, reply.text(), rate);
            json.put("tokens", reply.usage());
            Item out = Item.of(json, i);
            if (QualityGate.needsReview(context, i, rate ? answer.confidence() : Double.valueOf(1))) {
                review.add(out);
            } else {
                done.add(out);
                QualityGate.sample(context, i, text, Map.of(answerField(), answer.text()), answer.confidence());
            }
        }
        return NodeResult.outputs(done, review);
    }

    /** {@code switchboard.aiSummarize}. */
    public static final class Summarize extends AiTextNode {
        private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("aiSummarize", "AI Summarize", NodeCategory.AI)
                .description("Summarises each item's text (a thread, a document) in the length you ask for.")
                .noN8nAlias()
                .outputs("summary", "review")
                .credentialTypes(ChatModels.TYPES)
                .parameters(ParameterSpec.required("text", "Text", ParameterType.STRING),
                        ParameterSpec.of("length", "Length", ParameterType.STRING, "three sentences")
                                .help("e.g. one line, three sentences, five bullet points"),
                        ChatModels.REDACT, ChatModels.MODEL,
                        QualityGate.REVIEW_BELOW, QualityGate.REVIEW_SAMPLE)
                .build();

        @Override
        public NodeDescriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        String system(NodeContext context, int item, boolean rate) {
            return "Summarise the user's text in " + context.string("length", item, "three sentences")
                    + (rate ? "." + ChatModels.ASK_CONFIDENCE : ". Answer with the summary only.");
        }

        @Override
        ChatModels.Rated put(Map<String, Object> json, String answer, boolean rate) {
            ChatModels.Rated rated = rate ? ChatModels.Rated.read(answer)
                    : new ChatModels.Rated(answer == null ? "" : answer.strip(), null);
            json.put("summary", rated.text());
            if (rate) {
                json.put("confidence", rated.confidence());
            }
            return rated;
        }

        @Override
        String answerField() {
            return "summary";
        }
    }

    /** {@code switchboard.aiSentiment}. */
    public static final class Sentiment extends AiTextNode {
        private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("aiSentiment", "AI Sentiment", NodeCategory.AI)
                .description("Tells whether each item's text is positive, neutral or negative, with a confidence.")
                .noN8nAlias()
                .outputs("sentiment", "review")
                .credentialTypes(ChatModels.TYPES)
                .parameters(ParameterSpec.required("text", "Text", ParameterType.STRING),
                        ChatModels.REDACT, ChatModels.MODEL,
                        QualityGate.REVIEW_BELOW, QualityGate.REVIEW_SAMPLE)
                .build();

        @Override
        public NodeDescriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        String system(NodeContext context, int item, boolean rate) {
            return "Judge the sentiment of the user's text. Answer with JSON only: "
                    + "{\"sentiment\": \"positive\" | \"neutral\" | \"negative\", \"confidence\": <a number from 0 to 1>}.";
        }

        @Override
        ChatModels.Rated put(Map<String, Object> json, String answer, boolean rate) {
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
            return new ChatModels.Rated(sentiment, confidence);
        }

        @Override
        String answerField() {
            return "sentiment";
        }
    }
}
