package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Edit Fields (Set): adds or changes fields on each item, keeping all, none or some of the others.
 * Versions 1 and 2 take typed value lists ({@code values.string/number/boolean}); version 3 takes
 * typed fields with conversion, or a JSON object; 3.3 and later take n8n's assignment list.
 */
public final class SetNode implements NodeType {

    static final String DEFAULT_JSON_OUTPUT = "{\n  \"my_field_1\": \"value\",\n  \"my_field_2\": 1\n}\n";

    private static final Double[] V3_FIELDS = {3.0, 3.1, 3.2};
    private static final Double[] V3_ASSIGNMENTS = {3.3, 3.4};

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("set", "Edit Fields (Set)", NodeCategory.TRANSFORM)
            .versions(1.0, 2.0, 3.0, 3.1, 3.2, 3.3, 3.4)
            .description("Adds, changes or removes fields on each item.")
            .parameters(
                    ParameterSpec.of("keepOnlySet", "Keep Only Set", ParameterType.BOOLEAN, false)
                            .help("Whether to drop every field the node does not set.").inVersions(1.0, 2.0),
                    ParameterSpec.of("values", "Values to Set", ParameterType.FIXED_COLLECTION, Map.of())
                            .help("Lists of fields by type: boolean, number and string, each with a name (dot notation allowed) and a value.")
                            .rows("string", "name", "value").rows("number", "name", "value")
                            .rows("boolean", "name", "value").inVersions(1.0, 2.0),
                    ParameterSpec.options("mode", "Mode", "manual", "manual", "raw")
                            .help("Edit fields one by one (manual) or write the output as a JSON object (raw).")
                            .inVersions(3.0, 3.1, 3.2, 3.3, 3.4),
                    ParameterSpec.of("duplicateItem", "Duplicate Item", ParameterType.BOOLEAN, false)
                            .help("In manual test runs only: output each item several times.").inVersions(3.0, 3.1, 3.2, 3.3, 3.4),
                    ParameterSpec.of("duplicateCount", "Duplicate Item Count", ParameterType.NUMBER, 0)
                            .help("How many extra copies of each item to output.").showWhen("duplicateItem", true)
                            .inVersions(3.0, 3.1, 3.2, 3.3, 3.4),
                    ParameterSpec.of("jsonOutput", "JSON", ParameterType.JSON, DEFAULT_JSON_OUTPUT)
                            .help("The fields to output, as a JSON object; {{ }} expressions may fill in values.")
                            .showWhen("mode", "raw").inVersions(3.0, 3.1, 3.2, 3.3, 3.4),
                    ParameterSpec.of("fields", "Fields to Set", ParameterType.FIXED_COLLECTION, Map.of())
                            .help("values: a list of {name, type (stringValue, numberValue, booleanValue, arrayValue, objectValue), and the value under the type's name}.")
                            .showWhen("mode", "manual").inVersions(V3_FIELDS),
                    ParameterSpec.of("assignments", "Fields to Set", ParameterType.FIXED_COLLECTION, Map.of())
                            .help("assignments: a list of {name, type (string, number, boolean, array, object), value}.")
                            .rows("assignments", "name", "value", "type")
                            .showWhen("mode", "manual").inVersions(V3_ASSIGNMENTS),
                    ParameterSpec.options("include", "Include in Output", "all", "all", "none", "selected", "except")
                            .help("Which input fields to keep beside the ones set.").inVersions(V3_FIELDS),
                    ParameterSpec.of("includeOtherFields", "Include Other Input Fields", ParameterType.BOOLEAN, false)
                            .help("Whether to pass the input fields on along with the ones set.").inVersions(V3_ASSIGNMENTS),
                    ParameterSpec.options("include", "Input Fields to Include", "all", "all", "selected", "except")
                            .help("Which input fields to keep when other fields are included.")
                            .showWhen("includeOtherFields", true).inVersions(V3_ASSIGNMENTS),
                    ParameterSpec.of("includeFields", "Fields to Include", ParameterType.STRING, "")
                            .help("Comma-separated field names to keep.").showWhen("include", "selected")
                            .inVersions(3.0, 3.1, 3.2, 3.3, 3.4),
                    ParameterSpec.of("excludeFields", "Fields to Exclude", ParameterType.STRING, "")
                            .help("Comma-separated field names to drop.").showWhen("include", "except")
                            .inVersions(3.0, 3.1, 3.2, 3.3, 3.4),
                    ParameterSpec.of("options", "Options", ParameterType.COLLECTION, Map.of())
                            .help("dotNotation (default true): \"a.b\" sets b inside a. Version 3: ignoreConversionErrors, "
                                    + "includeBinary (before 3.4), stripBinary (3.4 and later, default true)."))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        double version = context.typeVersion();
        List<Item> input = context.items();
        List<Item> out = new ArrayList<>();
        if (version < 3) {
            List<Item> items = input.isEmpty() ? List.of(Item.of(new LinkedHashMap<>())) : input;
            for (int i = 0; i < items.size(); i++) {
                try {
                    out.add(SetLegacyValues.apply(context, items.get(i), i, version));
                } catch (RuntimeException e) {
                    out.add(failure(context, e, i));
                }
            }
            return NodeResult.of(out);
        }
        SetFieldsMode mode = new SetFieldsMode(context);
        boolean duplicate = context.bool("duplicateItem", 0, false)
                && "test".equals(context.execution().get("mode"));
        int copies = duplicate ? Math.max(0, (int) context.number("duplicateCount", 0, 0)) + 1 : 1;
        for (int i = 0; i < input.size(); i++) {
            Item item;
            try {
                item = mode.apply(input.get(i), i);
            } catch (RuntimeException e) {
                item = failure(context, e, i);
            }
            for (int c = 0; c < copies; c++) {
                out.add(item);
            }
        }
        return NodeResult.of(out);
    }

    private static Item failure(NodeContext context, RuntimeException e, int itemIndex) {
        if (!context.continueOnFail()) {
            if (e instanceof NodeException) {
                throw e;
            }
            throw new NodeException(e.getMessage(), itemIndex, null, e);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", e.getMessage());
        return Item.of(json, itemIndex);
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
