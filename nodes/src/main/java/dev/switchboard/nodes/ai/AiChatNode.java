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

/** Asks a chat model, once per item: for drafting replies and documents. The answer goes to {@code text}. */
public final class AiChatNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("aiChat", "AI Chat", NodeCategory.AI)
            .description("Asks a chat model (OpenAI-compatible or Anthropic) with a system and a user prompt; drafts replies and documents.")
            .noN8nAlias()
            .credentialTypes(ChatModels.OPENAI, ChatModels.ANTHROPIC)
            .parameters(
                    ParameterSpec.of("systemPrompt", "System prompt", ParameterType.STRING, "")
                            .help("How the model should behave, e.g. \"You answer customer e-mails politely and briefly.\""),
                    ParameterSpec.required("prompt", "Prompt", ParameterType.STRING)
                            .help("What to ask, with expressions: e.g. Draft a reply to: {{ $json.body }}"),
                    ChatModels.REDACT,
                    ParameterSpec.of("model", "Model", ParameterType.STRING, "")
                            .help("e.g. gpt-4o-mini, llama3.1, claude-3-5-haiku-latest; empty for the default."),
                    ParameterSpec.of("temperature", "Temperature", ParameterType.NUMBER, 0.2))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        return NodeResult.of(ItemLoop.mapEach(context, (item, i) -> {
            ChatModels.Reply reply = ChatModels.ask(context, context.string("model", i, ""),
                    context.number("temperature", i, 0.2), context.string("systemPrompt", i, ""),
                    context.string("prompt", i, ""), i);
            Map<String, Object> json = new LinkedHashMap<>(item.json());
            json.put("text", reply.text());
            json.put("model", reply.model());
            json.put("tokens", reply.usage());
            return List.of(Item.of(json, i));
        }));
    }
}
