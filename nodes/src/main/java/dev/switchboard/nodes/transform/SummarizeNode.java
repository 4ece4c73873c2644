package dev.switchboard.nodes.transform;

import java.util.List;
import java.util.Map;

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
 * n8n's Summarize: count, sum, average, min, max, append or concatenate fields across items, split by
 * other fields' values (a pivot table). Version 1 turns split values into text; 1.1 keeps their
 * types, and a field that no item has is logged instead of failing.
 */
public final class SummarizeNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("summarize", "Summarize", NodeCategory.TRANSFORM)
            .description("Sum, count, max, etc. across items.")
            .versions(1.0, 1.1)
            .parameters(
                    ParameterSpec.of("fieldsToSummarize", "Fields to Summarize", ParameterType.FIXED_COLLECTION,
                                    Map.of("values", List.of(Map.of("aggregation", "count", "field", ""))))
                            .help("values entries: {aggregation: append|average|concatenate|count|countUnique|max|min|sum,"
                                    + " field, includeEmpty, separateBy, customSeparator}."),
                    ParameterSpec.of("fieldsToSplitBy", "Fields to Split By", ParameterType.STRING, "")
                            .help("Fields whose values split the summary, separated by commas."),
                    ParameterSpec.of("options", "Options", ParameterType.COLLECTION, Map.of())
                            .help("continueIfFieldNotFound (v1), disableDotNotation, outputFormat"
                                    + " (separateItems|singleItem), skipEmptySplitFields."))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        List<Item> items = context.items();
        double version = context.typeVersion();
        List<SummarizeLogic.Aggregation> aggregations = SummarizeLogic.aggregations(context.parameter("fieldsToSummarize", 0));
        SummarizeLogic.requireAField(aggregations);
        SummarizeLogic.Settings settings = new SummarizeLogic.Settings(aggregations,
                SummarizeLogic.splitFields(context.string("fieldsToSplitBy", 0, "")),
                !context.bool("options.disableDotNotation", 0, false),
                "singleItem".equals(context.string("options.outputFormat", 0, "separateItems")),
                context.bool("options.skipEmptySplitFields", 0, false));
        SummarizeLogic logic = new SummarizeLogic(version >= 1.1 ? SummarizeLogic.Style.SUMMARIZE_TYPED_KEYS
                : SummarizeLogic.Style.SUMMARIZE_TEXT_KEYS, settings);
        String missing = logic.missingField(items);
        if (missing != null) {
            String message = "The field '" + missing + "' does not exist in any items";
            if (version < 1.1 && !context.bool("options.continueIfFieldNotFound", 0, false)) {
                throw new NodeException("Parameter \"fieldsToSummarize\": " + message
                        + " (turn on \"Continue if Field Not Found\" to summarize anyway)");
            }
            context.log().warn(message);
        }
        return NodeResult.of(logic.summarize(items));
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
