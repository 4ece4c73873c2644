package dev.switchboard.nodes.flow;

import java.util.ArrayList;
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
 * Keeps the items that meet conditions and drops the others.
 *
 * <p>Version 1 takes conditions grouped by data type ({@code conditions.boolean/dateTime/number/string})
 * combined with {@code combineConditions} AND/OR. Versions 2 to 2.2 take n8n's filter-style conditions
 * with type validation, as the If node does. An item whose conditions cannot be evaluated fails the
 * node, or is dropped when the node continues on failure.
 */
public final class FilterNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("filter", "Filter", NodeCategory.FLOW)
            .versions(1.0, 2.0, 2.1, 2.2)
            .description("Keeps only the items that meet conditions.")
            .outputs("Kept")
            .parameters(
                    new ParameterSpec("conditions", "Conditions", ParameterType.FIXED_COLLECTION, false, Map.of(),
                            null, true, false,
                            "The conditions an item must meet to be kept. From version 2: {conditions: [{leftValue, "
                                    + "operator: {type, operation}, rightValue}], combinator: and|or}. Version 1: "
                                    + "lists of {value1, operation, value2} under boolean, dateTime, number and string.",
                            null, null),
                    ParameterSpec.options("combineConditions", "Combine Conditions", "AND", "AND", "OR")
                            .help("AND keeps items that meet every condition, OR items that meet at least one.")
                            .inVersions(1.0),
                    ConditionParameters.IF_FILTER_LOOSE_TYPES,
                    ConditionParameters.IF_FILTER_OPTIONS)
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        List<Item> items = context.items();
        List<Item> kept = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            boolean pass = ConditionParameters.ifOrFilterPasses(context, i,
                    index -> !"OR".equalsIgnoreCase(context.string("combineConditions", index, "AND")));
            if (pass) {
                kept.add(items.get(i).withPairedItem(i));
            }
        }
        return NodeResult.of(kept);
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
