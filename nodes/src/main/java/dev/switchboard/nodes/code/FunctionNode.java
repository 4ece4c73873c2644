package dev.switchboard.nodes.code;

import java.util.List;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;
import dev.switchboard.platform.node.ScriptMode;

/** n8n's legacy Function node: {@code functionCode} runs once with {@code items} and returns them. */
public final class FunctionNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("function", "Function (legacy)", NodeCategory.TRANSFORM)
            .description("Older n8n's code node; new workflows use Code.")
            .parameters(new ParameterSpec("functionCode", "JavaScript", ParameterType.CODE, true, "return items;", null,
                    false, false, "Gets `items`; returns the items to output.", null, null))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        Object raw = context.rawParameter("functionCode");
        String code = raw instanceof String s ? s : "return items;";
        try {
            Object result = context.scripts().run(code, ScriptMode.RUN_ONCE_FOR_ALL_ITEMS, 0, "functionCode");
            return NodeResult.of(ScriptItems.fromAllItems(result, context.items().size()));
        } catch (NodeException e) {
            if (!context.continueOnFail()) {
                throw e;
            }
            return NodeResult.of(List.of(Item.of(ScriptItems.errorJson(e.getMessage()))));
        }
    }
}
