package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.Json;
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
 * n8n's Split Out: turns a list inside each item (or an object's values, or the item's binary
 * attachments with {@code $binary}) into separate items. Several comma-separated fields split side
 * by side. A field missing from an item produces nothing for it (logged), as in n8n.
 */
public final class SplitOutNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("splitOut", "Split Out", NodeCategory.TRANSFORM)
            .description("Turn a list inside items into separate items.")
            .versions(1.0)
            .parameters(
                    new ParameterSpec("fieldToSplitOut", "Fields To Split Out", ParameterType.STRING, true, "", null, true,
                            false, "The list field(s) to split, separated by commas; dot paths reach nested fields;"
                                    + " $binary splits the binary attachments.", null, null),
                    ParameterSpec.options("include", "Include", "noOtherFields", "noOtherFields", "allOtherFields",
                            "selectedOtherFields").help("Which other fields of the item to copy into each new item."),
                    ParameterSpec.of("fieldsToInclude", "Fields To Include", ParameterType.STRING, "")
                            .help("The fields to copy, separated by commas.")
                            .showWhen("include", "selectedOtherFields"),
                    ParameterSpec.of("options", "Options", ParameterType.COLLECTION, Map.of())
                            .help("disableDotNotation: field names are plain keys; destinationFieldName: where each"
                                    + " element goes (one per field); includeBinary: keep the item's binary data."))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        List<Item> items = context.items();
        SplitOutLogic logic = new SplitOutLogic(SplitOutLogic.Style.SPLIT_OUT, context.log());
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.addAll(logic.split(items.get(i), i, settings(context, i)));
        }
        logic.reportMissingFields();
        return NodeResult.of(out);
    }

    private static SplitOutLogic.Settings settings(NodeContext context, int i) {
        List<String> fields = fieldsToSplit(context.parameter("fieldToSplitOut", i), i);
        String include = context.string("include", i, "noOtherFields");
        List<String> toInclude = "selectedOtherFields".equals(include)
                ? ListParams.fieldList(context, "fieldsToInclude", i) : List.of();
        boolean dot = !context.bool("options.disableDotNotation", i, false);
        List<String> destinations = ListParams.fieldList(context.string("options.destinationFieldName", i, ""),
                "options.destinationFieldName", i);
        boolean includeBinary = context.bool("options.includeBinary", i, false);
        return new SplitOutLogic.Settings(fields, include, toInclude, dot, destinations, includeBinary);
    }

    private static List<String> fieldsToSplit(Object value, int i) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            value = "";
        }
        if (value instanceof String s) {
            for (String part : s.split(",", -1)) {
                String t = part.trim();
                out.add(t.startsWith("$json.") ? t.substring("$json.".length()) : t);
            }
            return out;
        }
        if (value instanceof List<?> list) {
            for (Object o : list) {
                out.add(o instanceof String s ? s : Json.toText(o));
            }
            return out;
        }
        throw new NodeException("Parameter \"fieldToSplitOut\" must be field names separated by commas or a list of"
                + " field names, not " + Json.typeName(value) + " [item " + i + "]", i);
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
