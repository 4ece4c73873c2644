package dev.switchboard.nodes.transform;

import java.util.ArrayList;
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
 * n8n's Remove Duplicates: drops items whose compared fields (all, all but some, or chosen ones)
 * equal an earlier item's. Version 2's operations that remember items across executions are not
 * available: they need a deduplication store that outlives the run.
 */
public final class RemoveDuplicatesNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("removeDuplicates", "Remove Duplicates",
                    NodeCategory.TRANSFORM)
            .description("Delete items with matching field values.")
            .versions(1.0, 1.1, 2.0)
            .parameters(
                    ParameterSpec.options("operation", "Operation", "removeDuplicateInputItems", "removeDuplicateInputItems",
                                    "removeItemsSeenInPreviousExecutions", "clearDeduplicationHistory")
                            .help("Only removing duplicates within the current input is available.")
                            .inVersions(2.0),
                    ParameterSpec.options("compare", "Compare", "allFields", "allFields", "allFieldsExcept", "selectedFields")
                            .help("Which fields must be equal for items to count as duplicates."),
                    ParameterSpec.of("fieldsToExclude", "Fields To Exclude", ParameterType.STRING, "")
                            .help("Fields left out of the comparison, separated by commas.")
                            .showWhen("compare", "allFieldsExcept"),
                    ParameterSpec.of("fieldsToCompare", "Fields To Compare", ParameterType.STRING, "")
                            .help("The fields compared, separated by commas.")
                            .showWhen("compare", "selectedFields"),
                    ParameterSpec.of("options", "Options", ParameterType.COLLECTION, Map.of())
                            .help("disableDotNotation: field names are plain keys; removeOtherFields: keep only the"
                                    + " compared fields."))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        List<Item> items = context.items();
        double version = context.typeVersion();
        if (version >= 2) {
            String operation = context.string("operation", 0, "removeDuplicateInputItems");
            switch (operation) {
                case "removeDuplicateInputItems" -> {
                }
                case "clearDeduplicationHistory" -> {
                    context.log().info("no deduplication history is kept, so there is nothing to clear");
                    return NodeResult.of(passThrough(items));
                }
                default -> throw new NodeException("Parameter \"operation\": \"" + operation + "\" is not supported;"
                        + " only \"removeDuplicateInputItems\" (remove items repeated within the current input) is");
            }
        }
        DedupeLogic.Settings settings = settings(context);
        return NodeResult.of(DedupeLogic.removeDuplicates(items, settings,
                version > 1 ? DedupeLogic.Flavor.NULLS_IGNORED : DedupeLogic.Flavor.STRICT_TYPES));
    }

    /** The comparison settings, read from item 0 as n8n does; Item Lists shares this. */
    static DedupeLogic.Settings settings(NodeContext context) {
        String compare = context.string("compare", 0, "allFields");
        boolean dot = !context.bool("options.disableDotNotation", 0, false);
        boolean removeOthers = context.bool("options.removeOtherFields", 0, false);
        if ("allFields".equals(compare)) {
            dot = true;
            removeOthers = false;
        }
        List<String> exclude = "allFieldsExcept".equals(compare)
                ? ListParams.fieldList(context, "fieldsToExclude", 0) : List.of();
        List<String> include = "selectedFields".equals(compare)
                ? ListParams.fieldList(context, "fieldsToCompare", 0) : List.of();
        return new DedupeLogic.Settings(compare, exclude, include, dot, removeOthers);
    }

    private static List<Item> passThrough(List<Item> items) {
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(items.get(i).withPairedItem(i));
        }
        return out;
    }
}
