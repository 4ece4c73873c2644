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
 * Merges the items of several branches once they have arrived: one after the other, matched by
 * fields, by position, every combination, or the data of one chosen branch. Versions 1 (legacy
 * modes), 2 and 2.1 (two inputs) and 3 to 3.2 (two to ten inputs) as n8n has them.
 */
public final class MergeNode implements NodeType {

    private static final Double[] V1 = {1.0};
    private static final Double[] V2 = {2.0, 2.1};
    private static final Double[] V3 = {3.0, 3.1, 3.2};
    private static final Double[] V2_V3 = {2.0, 2.1, 3.0, 3.1, 3.2};

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("merge", "Merge", NodeCategory.FLOW)
            .versions(1.0, 2.0, 2.1, 3.0, 3.1, 3.2)
            .description("Waits for the data of its inputs and merges it: appended, combined by matching fields or "
                    + "by position, every combination, or the data of one chosen input.")
            .inputs("Input 1", "Input 2")
            .parameters(
                    ParameterSpec.options("mode", "Mode", "append", "append", "keepKeyMatches", "mergeByIndex",
                            "mergeByKey", "multiplex", "passThrough", "removeKeyMatches", "wait")
                            .help("How to merge the inputs (version 1 modes).").inVersions(V1),
                    ParameterSpec.options("mode", "Mode", "append", "append", "combine", "chooseBranch")
                            .help("Append: all items of input 1, then input 2. Combine: merge matching items. "
                                    + "Choose branch: output the data of one input once all have arrived.")
                            .inVersions(V2_V3),
                    // version 1
                    ParameterSpec.options("join", "Join", "left", "inner", "left", "outer")
                            .help("How many items merging by index outputs when the inputs differ in length.")
                            .showWhen("mode", "mergeByIndex").inVersions(V1),
                    ParameterSpec.of("propertyName1", "Property input 1", ParameterType.STRING, "")
                            .help("The field of input 1 items to match on.")
                            .showWhen("mode", "keepKeyMatches", "mergeByKey", "removeKeyMatches").inVersions(V1),
                    ParameterSpec.of("propertyName2", "Property input 2", ParameterType.STRING, "")
                            .help("The field of input 2 items to match on.")
                            .showWhen("mode", "keepKeyMatches", "mergeByKey", "removeKeyMatches").inVersions(V1),
                    ParameterSpec.options("overwrite", "Overwrite", "always", "always", "blank", "undefined")
                            .help("When a value of input 2 replaces the one of input 1: always, only over empty "
                                    + "values, or only where the field is missing.")
                            .showWhen("mode", "mergeByKey").inVersions(V1),
                    ParameterSpec.options("output", "Output data", "input1", "input1", "input2")
                            .help("Which input's items to pass through.").showWhen("mode", "passThrough")
                            .inVersions(V1),
                    // version 2
                    ParameterSpec.options("combinationMode", "Combination mode", "mergeByFields", "mergeByFields",
                            "mergeByPosition", "multiplex")
                            .help("Combine items with equal field values, by their position, or every pair.")
                            .showWhen("mode", "combine").inVersions(V2),
                    // version 3
                    ParameterSpec.options("numberInputs", "Number of inputs", 2L, "2", "3", "4", "5", "6", "7", "8",
                            "9", "10").help("How many inputs to merge; the node waits for all connected ones.")
                            .inVersions(V3),
                    ParameterSpec.options("combineBy", "Combine by", "combineByFields", "combineByFields",
                            "combineByPosition", "combineAll")
                            .help("Matching fields, position, or all possible combinations (cross join).")
                            .showWhen("mode", "combine").inVersions(V3),
                    ParameterSpec.of("advanced", "Match fields with different names", ParameterType.BOOLEAN, false)
                            .help("Name the field of each input separately.").inVersions(V3),
                    ParameterSpec.of("fieldsToMatchString", "Fields to match", ParameterType.STRING, "")
                            .help("The fields to match on, separated by commas (e.g. id, name).")
                            .showWhen("advanced", false).inVersions(V3),
                    // versions 2 and 3
                    new ParameterSpec("mergeByFields", "Fields to match", ParameterType.FIXED_COLLECTION, false,
                            Map.of("values", List.of(Map.of("field1", "", "field2", ""))), null, true, false,
                            "Pairs of fields (input 1 field, input 2 field) whose values must be equal.", null,
                            List.of(V2_V3)),
                    ParameterSpec.options("joinMode", "Output type", "keepMatches", "keepMatches", "keepNonMatches",
                            "keepEverything", "enrichInput1", "enrichInput2")
                            .help("Matches merged (inner join), items without a match, both (outer join), or all "
                                    + "of one input enriched with the other (left or right join).")
                            .inVersions(V2_V3),
                    ParameterSpec.options("outputDataFrom", "Output data from", "both", "both", "input1", "input2")
                            .help("For kept matches or non-matches: both inputs, or only one of them.")
                            .inVersions(V2_V3),
                    ParameterSpec.options("chooseBranchMode", "Output type", "waitForBoth", "waitForBoth")
                            .showWhen("mode", "chooseBranch").inVersions(V2),
                    ParameterSpec.options("chooseBranchMode", "Output type", "waitForAll", "waitForAll")
                            .showWhen("mode", "chooseBranch").inVersions(V3),
                    ParameterSpec.options("output", "Output", "input1", "input1", "input2", "empty")
                            .help("The data of input 1, of input 2, or a single empty item.")
                            .showWhen("mode", "chooseBranch").inVersions(V2),
                    ParameterSpec.options("output", "Output", "specifiedInput", "specifiedInput", "empty")
                            .help("The data of one input, or a single empty item.")
                            .showWhen("mode", "chooseBranch").inVersions(V3),
                    ParameterSpec.of("useDataOfInput", "Use data of input", ParameterType.NUMBER, 1L)
                            .help("The number of the input whose data to output.")
                            .showWhen("output", "specifiedInput").inVersions(V3),
                    new ParameterSpec("options", "Options", ParameterType.COLLECTION, false, Map.of(), null, true, false,
                            "clashHandling.values {resolveClash: addSuffix | preferInput1 | preferInput2 (preferLast), "
                                    + "mergeMode: deepMerge | shallowMerge, overrideEmpty}, fuzzyCompare, "
                                    + "includeUnpaired, disableDotNotation, multipleMatches (all | first).",
                            null, List.of(V2_V3)))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public int inputCount(double version, Map<String, Object> parameters) {
        if (version >= 3 && parameters != null && parameters.get("numberInputs") != null) {
            Object n = parameters.get("numberInputs");
            try {
                int count = n instanceof Number num ? num.intValue() : Integer.parseInt(String.valueOf(n).trim());
                return Math.max(2, Math.min(10, count));
            } catch (NumberFormatException e) {
                return 2;
            }
        }
        return 2;
    }

    @Override
    public boolean waitsForAllInputs() {
        return true;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        double version = context.typeVersion();
        List<Item> out;
        if (version < 2) {
            out = MergeV1.run(context);
        } else {
            out = MergeModes.run(context, version, inputs(context, version));
        }
        return NodeResult.of(out);
    }

    private List<List<Entry>> inputs(NodeContext context, double version) {
        int count = Math.max(inputCount(version, numberInputs(context)), context.inputCount());
        if (version < 3) {
            count = 2;
        }
        List<List<Entry>> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inputs.add(Entry.of(context.input(i), i));
        }
        return inputs;
    }

    private static Map<String, Object> numberInputs(NodeContext context) {
        Object n = context.parameter("numberInputs", 0);
        return n == null ? Map.of() : Map.of("numberInputs", n);
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
