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
 * n8n's older all-in-one Item Lists node: split out, aggregate ("concatenate" from v3), remove
 * duplicates, sort, limit and summarize, with the parameter names and behaviour of each version.
 * Version differences: v1 splits arrays only; v2 also splits objects' values; from v2.1 a missing
 * field yields nothing instead of failing; from v2.2 several fields split side by side; before
 * v2.1 aggregating or summarizing a field that no item has fails; v3.1 tells "1" from 1 when
 * removing duplicates instead of failing on mixed types.
 */
public final class ItemListsNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("itemLists", "Item Lists", NodeCategory.TRANSFORM)
            .description("Helper for working with lists of items and transforming arrays (older n8n node; the"
                    + " Split Out, Aggregate, Remove Duplicates, Sort, Limit and Summarize nodes replace it).")
            .versions(1.0, 2.0, 2.1, 2.2, 3.0, 3.1)
            .parameters(
                    ParameterSpec.options("operation", "Operation", "splitOutItems", "splitOutItems", "aggregateItems",
                            "concatenateItems", "removeDuplicates", "sort", "limit", "summarize")
                            .help("aggregateItems (before v3) and concatenateItems (v3) are the same operation."),
                    new ParameterSpec("fieldToSplitOut", "Fields To Split Out", ParameterType.STRING, true, "", null, true,
                            false, "The list field to split (from v2.2 several, separated by commas).",
                            Map.of("operation", List.of("splitOutItems")), null),
                    new ParameterSpec("include", "Include", ParameterType.OPTIONS, false, null,
                            List.of("noOtherFields", "allOtherFields", "selectedOtherFields", "allFields", "specifiedFields",
                                    "allFieldsExcept"), true, false,
                            "Split out: which other fields to copy (default noOtherFields). Aggregate all item data:"
                                    + " which fields to keep (default allFields).", null, null),
                    ParameterSpec.of("fieldsToInclude", "Fields To Include", ParameterType.STRING, "")
                            .help("Comma-separated names (before v3 a collection {fields: [{fieldName}]})."),
                    ParameterSpec.of("fieldsToExclude", "Fields To Exclude", ParameterType.STRING, "")
                            .help("Comma-separated names (before v3 a collection {fields: [{fieldName}]})."),
                    ParameterSpec.options("aggregate", "Aggregate", "aggregateIndividualFields", "aggregateIndividualFields",
                            "aggregateAllItemData").showWhen("operation", "aggregateItems", "concatenateItems"),
                    ParameterSpec.of("fieldsToAggregate", "Fields To Aggregate", ParameterType.FIXED_COLLECTION,
                                    Map.of("fieldToAggregate", List.of(Map.of("fieldToAggregate", "", "renameField", false))))
                            .help("fieldToAggregate entries: {fieldToAggregate, renameField, outputFieldName}.")
                            .showWhen("aggregate", "aggregateIndividualFields"),
                    ParameterSpec.of("destinationFieldName", "Put Output in Field", ParameterType.STRING, "data")
                            .showWhen("aggregate", "aggregateAllItemData"),
                    ParameterSpec.options("compare", "Compare", "allFields", "allFields", "allFieldsExcept", "selectedFields")
                            .showWhen("operation", "removeDuplicates"),
                    ParameterSpec.of("fieldsToCompare", "Fields To Compare", ParameterType.STRING, "")
                            .help("Comma-separated names (before v3 a collection {fields: [{fieldName}]}).")
                            .showWhen("compare", "selectedFields"),
                    ParameterSpec.options("type", "Type", "simple", "simple", "random", "code")
                            .showWhen("operation", "sort"),
                    ParameterSpec.of("sortFieldsUi", "Fields To Sort By", ParameterType.FIXED_COLLECTION, Map.of())
                            .help("sortField entries: {fieldName, order: ascending|descending}.")
                            .showWhen("type", "simple"),
                    new ParameterSpec("code", "Code", ParameterType.CODE, false, SortLogic.DEFAULT_CODE, null, false,
                            false, "Body of a comparator of items a and b.", Map.of("type", List.of("code")), null),
                    ParameterSpec.of("maxItems", "Max Items", ParameterType.NUMBER, 1L).showWhen("operation", "limit"),
                    ParameterSpec.options("keep", "Keep", "firstItems", "firstItems", "lastItems")
                            .showWhen("operation", "limit"),
                    ParameterSpec.of("fieldsToSummarize", "Fields to Summarize", ParameterType.FIXED_COLLECTION,
                                    Map.of("values", List.of(Map.of("aggregation", "count", "field", ""))))
                            .help("values entries: {aggregation, field, includeEmpty, separateBy, customSeparator}.")
                            .showWhen("operation", "summarize"),
                    ParameterSpec.of("fieldsToSplitBy", "Fields to Split By", ParameterType.STRING, "")
                            .showWhen("operation", "summarize"),
                    ParameterSpec.of("options", "Options", ParameterType.COLLECTION, Map.of())
                            .help("Per operation: disableDotNotation, destinationFieldName, mergeLists, keepMissing,"
                                    + " removeOtherFields, outputFormat, skipEmptySplitFields."))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        List<Item> items = context.items();
        double version = context.typeVersion();
        String operation = context.string("operation", 0, "splitOutItems");
        List<Item> out = switch (operation) {
            case "splitOutItems" -> splitOut(context, items, version);
            case "aggregateItems", "concatenateItems" -> List.of(aggregate(context, items, version));
            case "removeDuplicates" -> DedupeLogic.removeDuplicates(items, RemoveDuplicatesNode.settings(context),
                    version >= 3.1 ? DedupeLogic.Flavor.TYPES_SORTED : DedupeLogic.Flavor.STRICT_TYPES);
            case "sort" -> SortNode.sort(context, items);
            case "limit" -> LimitNode.limit(items, context.number("maxItems", 0, 1),
                    "lastItems".equals(context.string("keep", 0, "firstItems")));
            case "summarize" -> summarize(context, items, version);
            default -> throw new NodeException("Parameter \"operation\": \"" + operation + "\" is not an Item Lists"
                    + " operation");
        };
        return NodeResult.of(out);
    }

    private static List<Item> splitOut(NodeContext context, List<Item> items, double version) {
        SplitOutLogic.Style style = version < 2 ? SplitOutLogic.Style.LIST_ONLY
                : version < 2.1 ? SplitOutLogic.Style.SINGLE_FIELD
                : version < 2.2 ? SplitOutLogic.Style.SINGLE_FIELD_SKIP_MISSING : SplitOutLogic.Style.MULTI_FIELD;
        boolean dot = !context.bool("options.disableDotNotation", 0, false);
        SplitOutLogic logic = new SplitOutLogic(style, context.log());
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String field = context.string("fieldToSplitOut", i, "");
            String destination = context.string("options.destinationFieldName", i, "");
            String include = context.string("include", i, "noOtherFields");
            List<String> fields = new ArrayList<>();
            List<String> destinations = new ArrayList<>();
            if (style == SplitOutLogic.Style.MULTI_FIELD) {
                for (String part : field.split(",", -1)) {
                    fields.add(part.trim());
                }
                destinations.addAll(ListParams.fieldList(destination, "options.destinationFieldName", i));
            } else {
                fields.add(field);
                destinations.add(destination);
            }
            List<String> toInclude = "selectedOtherFields".equals(include)
                    ? ListParams.fieldList(context, "fieldsToInclude", i) : List.of();
            out.addAll(logic.split(items.get(i), i,
                    new SplitOutLogic.Settings(fields, include, toInclude, dot, destinations, false)));
        }
        logic.reportMissingFields();
        return out;
    }

    private static Item aggregate(NodeContext context, List<Item> items, double version) {
        if ("aggregateAllItemData".equals(context.string("aggregate", 0, "aggregateIndividualFields"))) {
            return AggregateLogic.allItemData(items, AggregateNode.allDataOptions(context));
        }
        AggregateLogic.FieldOptions options = new AggregateLogic.FieldOptions(
                AggregateLogic.fieldSpecs(context.parameter("fieldsToAggregate", 0)),
                !context.bool("options.disableDotNotation", 0, false),
                context.bool("options.mergeLists", 0, false),
                context.bool("options.keepMissing", 0, false), version < 2.1);
        return AggregateLogic.individualFields(items, options, context.log());
    }

    private static List<Item> summarize(NodeContext context, List<Item> items, double version) {
        List<SummarizeLogic.Aggregation> aggregations = SummarizeLogic.aggregations(context.parameter("fieldsToSummarize", 0));
        SummarizeLogic.requireAField(aggregations);
        SummarizeLogic logic = new SummarizeLogic(SummarizeLogic.Style.ITEM_LISTS, new SummarizeLogic.Settings(
                aggregations, SummarizeLogic.splitFields(context.string("fieldsToSplitBy", 0, "")),
                !context.bool("options.disableDotNotation", 0, false),
                "singleItem".equals(context.string("options.outputFormat", 0, "separateItems")),
                context.bool("options.skipEmptySplitFields", 0, false)));
        if (version < 2.1) {
            String missing = logic.missingField(items);
            if (missing != null) {
                throw new NodeException("Parameter \"fieldsToSummarize\": the field '" + missing
                        + "' does not exist in any items");
            }
        }
        return logic.summarize(items);
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
