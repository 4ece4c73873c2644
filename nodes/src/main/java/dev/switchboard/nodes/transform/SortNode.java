package dev.switchboard.nodes.transform;

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
 * n8n's Sort: orders items by fields (text compared without case), shuffles them, or orders them
 * with a JavaScript comparator over {@code a} and {@code b}.
 */
public final class SortNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("sort", "Sort", NodeCategory.TRANSFORM)
            .description("Change the order of items.")
            .versions(1.0)
            .parameters(
                    ParameterSpec.options("type", "Type", "simple", "simple", "random", "code")
                            .help("Sort by fields, shuffle, or sort with your own comparator."),
                    ParameterSpec.of("sortFieldsUi", "Fields To Sort By", ParameterType.FIXED_COLLECTION, Map.of())
                            .help("sortField entries: {fieldName, order: ascending|descending}.")
                            .showWhen("type", "simple"),
                    new ParameterSpec("code", "Code", ParameterType.CODE, false, SortLogic.DEFAULT_CODE, null, false,
                            false, "Body of a comparator of items a and b: return a negative number to put a first,"
                                    + " positive to put b first, 0 to keep them.", Map.of("type", List.of("code")), null),
                    ParameterSpec.of("options", "Options", ParameterType.COLLECTION, Map.of())
                            .help("disableDotNotation: field names are plain keys.")
                            .showWhen("type", "simple"))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        return NodeResult.of(sort(context, context.items()));
    }

    /** Sorts as the node's parameters say; Item Lists' sort operation shares this. */
    static List<Item> sort(NodeContext context, List<Item> items) {
        String type = context.string("type", 0, "simple");
        return switch (type) {
            case "random" -> SortLogic.random(items);
            case "code" -> {
                Object raw = context.rawParameter("code");
                yield SortLogic.byCode(context, items, raw instanceof String s ? s : SortLogic.DEFAULT_CODE);
            }
            default -> SortLogic.simple(items, SortLogic.sortFields(context.parameter("sortFieldsUi", 0)),
                    !context.bool("options.disableDotNotation", 0, false));
        };
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
