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
 * Asks a chat model, once per item: for drafting replies and documents. The answer goes to {@code text}; with
 * a review threshold the model also rates its confidence, and answers below it go to the "review" output.
 */
public final class AiChatNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("aiChat", "AI Chat", NodeCategory.AI)
            .description("Asks a chat model (OpenAI-compatible or Anthropic) with a system and a user prompt; drafts replies and documents.")
            .noN8nAlias()
            .outputs("reply", "review")
            .credentialTypes(ChatModels.TYPES)
            .parameters(
                    ParameterSpec.of("systemPrompt", "System prompt", ParameterType.STRING, "")
                            .help("How the model should behave, e.g. \"You answer customer e-mails politely and briefly.\""),
                    ParameterSpec.required("prompt", "Prompt", ParameterType.STRING)
                            .help("What to ask, with expressions: e.g. Draft a reply to: {{ $json.body }}"),
                    ChatModels.REDACT,
                    ChatModels.MODEL,
                    ParameterSpec.of("temperature", "Temperature", ParameterType.NUMBER, 0.2),
                    QualityGate.REVIEW_BELOW, QualityGate.REVIEW_SAMPLE)
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        List<Item> replies = new ArrayList<>();
        List<Item> review = new ArrayList<>();
        List<Item> items = context.items();
        for (int i = 0; i < items.size(); i++) {
            boolean rate = QualityGate.threshold(context, i) > 0;
            String system = context.string("systemPrompt", i, "");
            String prompt = context.string("prompt", i, "");
            ChatModels.Reply reply = ChatModels.ask(context, context.string("model", i, ""),
                    context.number("temperature", i, 0.2), rate ? system + ChatModels.ASK_CONFIDENCE : system, prompt, i);
            ChatModels.Rated rated = rate ? ChatModels.Rated.read(reply.text()) : new ChatModels.Rated(reply.text(), null);
            Map<String, Object> json = new LinkedHashMap<>(items.get(i).json());
            json.put("text", rated.text());
            if (rate) {
                json.put("confidence", rated.confidence());
            }
            json.put("model", reply.model());
            json.put("tokens", reply.usage());
            Item out = Item.of(json, i);
            if (QualityGate.needsReview(context, i, rate ? rated.confidence() : Double.valueOf(1))) {
                review.add(out);
            } else {
                replies.add(out);
                QualityGate.sample(context, i, prompt, Map.of("text", rated.text()), rated.confidence());
            }
        }
        return NodeResult.outputs(replies, review);
    }
}
