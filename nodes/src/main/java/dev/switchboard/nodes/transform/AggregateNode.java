package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.PairedItem;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * n8n's Aggregate: combines all items into one, either as a list per chosen field ("individual
 * fields") or as the list of the items themselves ("all item data"), optionally one item per group.
 */
public final class AggregateNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("aggregate", "Aggregate", NodeCategory.TRANSFORM)
            .description("Combine a field from many items into a list in a single item.")
            .versions(1.0)
            .parameters(
                    ParameterSpec.options("aggregate", "Aggregate", "aggregateIndividualFields", "aggregateIndividualFields",
                            "aggregateAllItemData").help("Lists of individual fields, or all item data in one list."),
                    ParameterSpec.of("fieldsToAggregate", "Fields To Aggregate", ParameterType.FIXED_COLLECTION,
                                    Map.of("fieldToAggregate", List.of(Map.of("fieldToAggregate", "", "renameField", false))))
                            .help("fieldToAggregate entries: {fieldToAggregate, renameField, outputFieldName}.")
                            .showWhen("aggregate", "aggregateIndividualFields"),
                    ParameterSpec.of("destinationFieldName", "Put Output in Field", ParameterType.STRING, "data")
                            .help("The output field that receives the list of items.")
                            .showWhen("aggregate", "aggregateAllItemData"),
                    ParameterSpec.options("include", "Include", "allFields", "allFields", "specifiedFields", "allFieldsExcept")
                            .help("Which fields of each item to keep in the list.")
                            .showWhen("aggregate", "aggregateAllItemData"),
                    ParameterSpec.of("fieldsToInclude", "Fields To Include", ParameterType.STRING, "")
                            .help("Comma-separated names (or a JSON array).").showWhen("include", "specifiedFields"),
                    ParameterSpec.of("fieldsToExclude", "Fields To Exclude", ParameterType.STRING, "")
                            .help("Comma-separated names (or a JSON array).").showWhen("include", "allFieldsExcept"),
                    ParameterSpec.of("options", "Options", ParameterType.COLLECTION, Map.of())
                            .help("groupByFields, disableDotNotation, mergeLists, includeBinaries, keepOnlyUnique,"
                                    + " keepMissing."))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        List<Item> items = context.items();
        boolean allItemData = "aggregateAllItemData".equals(context.string("aggregate", 0, "aggregateIndividualFields"));
        List<String> groupBy = ListParams.fieldList(context, "options.groupByFields", 0);
        AggregateLogic.FieldOptions fieldOptions = null;
        AggregateLogic.AllDataOptions allOptions = null;
        Item single;
        if (allItemData) {
            allOptions = allDataOptions(context);
            single = AggregateLogic.allItemData(items, allOptions);
        } else {
            fieldOptions = new AggregateLogic.FieldOptions(
                    AggregateLogic.fieldSpecs(context.parameter("fieldsToAggregate", 0)),
                    !context.bool("options.disableDotNotation", 0, false),
                    context.bool("options.mergeLists", 0, false),
                    context.bool("options.keepMissing", 0, false), false);
            single = AggregateLogic.individualFields(items, fieldOptions, context.log());
        }
        boolean binaries = context.bool("options.includeBinaries", 0, false);
        boolean uniqueOnly = context.bool("options.keepOnlyUnique", 0, false);
        if (!groupBy.isEmpty()) {
            List<Item> out = new ArrayList<>();
            for (Item group : AggregateLogic.grouped(items, groupBy, allItemData, fieldOptions, allOptions)) {
                out.add(binaries ? AggregateLogic.withBinaries(group, members(items, group), uniqueOnly) : group);
            }
            return NodeResult.of(out);
        }
        if (binaries) {
            single = AggregateLogic.withBinaries(single, members(items, single), uniqueOnly);
        }
        return NodeResult.of(List.of(single));
    }

    static AggregateLogic.AllDataOptions allDataOptions(NodeContext context) {
        String include = context.string("include", 0, "allFields");
        List<String> toInclude = "specifiedFields".equals(include)
                ? ListParams.fieldList(context, "fieldsToInclude", 0) : List.of();
        List<String> toExclude = "allFieldsExcept".equals(include)
                ? ListParams.fieldList(context, "fieldsToExclude", 0) : List.of();
        return new AggregateLogic.AllDataOptions(context.string("destinationFieldName", 0, "data"), toInclude, toExclude);
    }

    private static List<Item> members(List<Item> items, Item aggregated) {
        List<Item> out = new ArrayList<>();
        for (PairedItem p : aggregated.pairedItem()) {
            if (p.item() < items.size()) {
                out.add(items.get(p.item()));
            }
        }
        return out;
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
