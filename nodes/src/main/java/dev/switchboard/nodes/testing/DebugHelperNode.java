package dev.switchboard.nodes.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.nodes.support.ItemLoop;
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
 * Causes problems on purpose and makes fake data, for trying out error handling and downstream
 * nodes. As in n8n, "Do Nothing" outputs no items; "Out Of Memory" is refused here: it fails with
 * a clear error instead of exhausting the server's memory.
 */
public final class DebugHelperNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("debugHelper", "Debug Helper", NodeCategory.TRANSFORM)
            .description("Throws errors on purpose or generates random data, for testing workflows.")
            .parameters(
                    ParameterSpec.options("category", "Category", "throwError", "doNothing", "throwError", "oom",
                            "outOfMemory", "randomData").help("What to do: nothing, fail, or generate random data."),
                    ParameterSpec.options("throwErrorType", "Error type", "NodeApiError", "NodeApiError",
                            "NodeOperationError", "Error").showWhen("category", "throwError"),
                    ParameterSpec.of("throwErrorMessage", "Error message", ParameterType.STRING, "Node has thrown an error")
                            .showWhen("category", "throwError"),
                    ParameterSpec.of("memorySizeValue", "Memory size (MB)", ParameterType.NUMBER, 10)
                            .showWhen("category", "oom", "outOfMemory")
                            .help("Accepted for compatibility; memory exhaustion is never simulated."),
                    ParameterSpec.options("randomDataType", "Data type", "user", RandomData.TYPES.toArray(String[]::new))
                            .showWhen("category", "randomData"),
                    ParameterSpec.of("nanoidAlphabet", "NanoId alphabet", ParameterType.STRING,
                            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
                            .showWhen("randomDataType", "nanoid"),
                    ParameterSpec.of("nanoidLength", "NanoId length", ParameterType.STRING, "16")
                            .showWhen("randomDataType", "nanoid"),
                    ParameterSpec.of("randomDataSeed", "Seed", ParameterType.STRING, "")
                            .showWhen("category", "randomData")
                            .help("The same seed gives the same data; leave empty for new data each run."),
                    ParameterSpec.of("randomDataCount", "Number of items", ParameterType.NUMBER, 10)
                            .showWhen("category", "randomData"),
                    ParameterSpec.of("randomDataSingleArray", "Output as a single array", ParameterType.BOOLEAN, false)
                            .showWhen("category", "randomData")
                            .help("Output one item holding all records in generatedItems, instead of one item per record."))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String category = context.string("category", 0, "throwError");
        return NodeResult.of(ItemLoop.mapEach(context, (item, i) -> switch (category) {
            // n8n's Debug Helper outputs nothing in this mode.
            case "doNothing" -> List.<Item>of();
            case "throwError" -> throw new NodeException(context.string("throwErrorMessage", 0,
                    "Node has thrown an error"), i);
            case "oom", "outOfMemory" -> throw new NodeException("Debug Helper: \"Out Of Memory\" is not "
                    + "simulated here, to protect the server; use \"Throw Error\" to test failure handling", i);
            case "randomData" -> randomItems(context, i);
            default -> throw new NodeException("Parameter \"category\": unknown value \"" + category + "\"", i);
        }));
    }

    private static List<Item> randomItems(NodeContext context, int itemIndex) {
        String type = context.string("randomDataType", 0, "user");
        if (!RandomData.TYPES.contains(type)) {
            throw new NodeException("Parameter \"randomDataType\": unknown value \"" + type + "\"", itemIndex);
        }
        double count = context.number("randomDataCount", 0, 10);
        if (count < 0 || count > 100_000) {
            throw new NodeException("Parameter \"randomDataCount\" must be between 0 and 100000 but is "
                    + dev.switchboard.platform.json.Json.formatDouble(count), itemIndex);
        }
        int length = (int) context.number("nanoidLength", 0, 16);
        RandomData data = new RandomData(context.string("randomDataSeed", 0, ""));
        List<Object> generated = new ArrayList<>();
        for (int n = 0; n < (int) count; n++) {
            generated.add(data.next(type, context.string("nanoidAlphabet", 0, null), length));
        }
        if (context.bool("randomDataSingleArray", 0, false)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("generatedItems", generated);
            return List.of(Item.of(json, itemIndex));
        }
        List<Item> out = new ArrayList<>();
        for (Object record : generated) {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) record;
            out.add(Item.of(json, itemIndex));
        }
        return out;
    }
}
