package dev.switchboard.nodes.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.json.JsonException;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * Outputs fixed items: its {@code data} parameter holds a JSON array of objects (one item each) or a
 * single object (one item). It stands in for n8n's test-only {@code n8n-nodes-testing.testData}.
 */
public final class TestDataNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("testData", "Test Data", NodeCategory.TRANSFORM)
            .noN8nAlias()
            .alias("n8n-nodes-testing.testData")
            .description("Outputs fixed items, for tests and examples.")
            .parameters(ParameterSpec.of("data", "Data", ParameterType.JSON, "[]")
                    .help("A JSON array of objects (one item each) or a single object."))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    @SuppressWarnings("unchecked")
    public NodeResult execute(NodeContext context) {
        Object data = context.parameter("data", 0);
        if (data instanceof String text) {
            try {
                data = text.isBlank() ? List.of() : Json.parse(text);
            } catch (JsonException e) {
                throw new NodeException("Parameter \"data\" is not valid JSON: " + e.getMessage());
            }
        }
        List<Object> values = data instanceof List<?> list ? (List<Object>) list : data == null ? List.of() : List.of(data);
        boolean paired = !context.items().isEmpty();
        List<Item> out = new ArrayList<>();
        for (Object value : values) {
            if (!(value instanceof Map<?, ?> map)) {
                throw new NodeException("Parameter \"data\": every entry must be a JSON object but one is "
                        + Json.typeName(value));
            }
            Map<String, Object> json = Json.copy((Map<String, Object>) map);
            out.add(paired ? Item.of(json, 0) : Item.of(json));
        }
        return NodeResult.of(out);
    }
}
