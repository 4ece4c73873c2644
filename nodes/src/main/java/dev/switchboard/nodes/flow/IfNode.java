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
 * Routes each item to the "true" or the "false" output, depending on conditions.
 *
 * <p>Version 1 takes conditions grouped by data type ({@code conditions.boolean/dateTime/number/string},
 * each {@code {value1, operation, value2}}) combined with {@code combineOperation} all/any, compared as
 * JavaScript compares. Versions 2 to 2.2 take n8n's filter-style conditions with type validation: strict
 * unless "Convert types where required" is on ({@code options.looseTypeValidation} in 2, the top-level
 * {@code looseTypeValidation} from 2.1); from 2.2, converting reads "false" and "0" as false.
 *
 * <p>An item whose conditions cannot be evaluated (a value of the wrong type) fails the node, or goes to
 * the "false" output when the node continues on failure.
 */
public final class IfNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("if", "If", NodeCategory.FLOW)
            .versions(1.0, 2.0, 2.1, 2.2)
            .description("Sends each item to the true or the false output, depending on conditions.")
            .outputs("true", "false")
            .parameters(
                    new ParameterSpec("conditions", "Conditions", ParameterType.FIXED_COLLECTION, false, Map.of(),
                            null, true, false,
                            "The conditions to check. From version 2: {conditions: [{leftValue, operator: {type, "
                                    + "operation}, rightValue}], combinator: and|or}; the types are string, number, "
                                    + "dateTime, boolean, array and object. Version 1: lists of {value1, operation, "
                                    + "value2} under boolean, dateTime, number and string.",
                            null, null),
                    ParameterSpec.options("combineOperation", "Combine", "all", "all", "any")
                            .help("Whether all conditions must hold for the true output, or any one of them.")
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
        List<Item> trueItems = new ArrayList<>();
        List<Item> falseItems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i).withPairedItem(i);
            boolean pass = ConditionParameters.ifOrFilterPasses(context, i,
                    index -> !"any".equals(context.string("combineOperation", index, "all")));
            (pass ? trueItems : falseItems).add(item);
        }
        return NodeResult.outputs(trueItems, falseItems);
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
