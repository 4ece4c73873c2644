package dev.switchboard.nodes.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * Compares two datasets: items are paired when the fields to match are equal, then the pairs are
 * split into the same and the different ones. Four outputs: in A only, same, different, in B only.
 */
public final class CompareDatasetsNode implements NodeType {

    private static final Double[] OLD = {1.0, 2.0};
    private static final Double[] NEW = {2.1, 2.2, 2.3};

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("compareDatasets", "Compare Datasets",
                    NodeCategory.FLOW)
            .versions(1.0, 2.0, 2.1, 2.2, 2.3)
            .description("Pairs the items of input A and input B by matching fields and sorts them into: only in A, "
                    + "the same in both, different, and only in B.")
            .inputs("Input A", "Input B")
            .outputs("In A only", "Same", "Different", "In B only")
            .parameters(
                    new ParameterSpec("mergeByFields", "Fields to match", ParameterType.FIXED_COLLECTION, false,
                            Map.of("values", List.of(Map.of("field1", "", "field2", ""))), null, true, false,
                            "Pairs of fields (input A field, input B field) whose values must be equal for two items "
                                    + "to be compared.", null, null),
                    ParameterSpec.options("resolve", "When there are differences", "preferInput2", "preferInput1",
                            "preferInput2", "mix", "includeBoth")
                            .help("What the different output holds: input A's version, input B's, a mix, or both.")
                            .inVersions(OLD),
                    ParameterSpec.options("resolve", "When there are differences", "includeBoth", "preferInput1",
                            "preferInput2", "mix", "includeBoth")
                            .help("What the different output holds: input A's version, input B's, a mix, or both.")
                            .inVersions(NEW),
                    ParameterSpec.of("fuzzyCompare", "Fuzzy compare", ParameterType.BOOLEAN, false)
                            .help("Tolerate small type differences: the number 3 equals the text \"3\".")
                            .inVersions(2.0, 2.1, 2.2, 2.3),
                    ParameterSpec.options("preferWhenMix", "Prefer", "input1", "input1", "input2")
                            .help("For a mix: the input whose version is used for most fields.")
                            .showWhen("resolve", "mix"),
                    ParameterSpec.of("exceptWhenMix", "For everything except", ParameterType.STRING, "")
                            .help("For a mix: the fields, separated by commas, taken from the other input.")
                            .showWhen("resolve", "mix"),
                    new ParameterSpec("options", "Options", ParameterType.COLLECTION, false, Map.of(), null, true, false,
                            "skipFields (comma-separated, dot paths allowed), disableDotNotation, multipleMatches "
                                    + "(first | all), fuzzyCompare (version 1).", null, null))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean waitsForAllInputs() {
        return true;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        double version = context.typeVersion();
        List<MergeCombine.FieldPair> fields = MergeCombine.fieldPairs(
                NodeParams.map(context, "mergeByFields").get("values"), "mergeByFields");
        Map<String, Object> options = NodeParams.map(context, "options");
        boolean fuzzy = version >= 2 ? context.bool("fuzzyCompare", 0, false) : NodeParams.bool(options, "fuzzyCompare");
        boolean dotNotation = !NodeParams.bool(options, "disableDotNotation");
        List<Entry> inputA = nonEmpty(Entry.of(context.input(0), 0));
        List<Entry> inputB = nonEmpty(Entry.of(context.input(1), 1));
        if (version < 2.2) {
            if (!inputA.isEmpty()) {
                MergeCombine.requirePresent(inputA, fields.stream().map(MergeCombine.FieldPair::field1).toList(),
                        dotNotation, "Input A", "mergeByFields");
            }
            if (!inputB.isEmpty()) {
                MergeCombine.requirePresent(inputB, fields.stream().map(MergeCombine.FieldPair::field2).toList(),
                        dotNotation, "Input B", "mergeByFields");
            }
        }
        String resolve = context.string("resolve", 0, version >= 2.1 ? "includeBoth" : "preferInput2");
        List<String> skipFields = new ArrayList<>();
        for (String f : NodeParams.string(options, "skipFields", "").split(",", -1)) {
            skipFields.add(f.trim());
        }
        if (!dotNotation) {
            for (String f : skipFields) {
                if (f.contains(".")) {
                    throw new NodeException("Parameter \"options.skipFields\": dot notation is disabled, but the field "
                            + "to skip comparing \"" + f + "\" contains a dot");
                }
            }
        }
        var settings = new DatasetComparison.Settings(version, fuzzy, dotNotation,
                NodeParams.string(options, "multipleMatches", "first"), skipFields, resolve,
                context.string("preferWhenMix", 0, "input1"), context.string("exceptWhenMix", 0, ""));
        List<List<Entry>> outputs = DatasetComparison.compare(inputA, inputB, fields, settings);
        return NodeResult.of(outputs.stream().map(Entry::items).toList(), true);
    }

    /** Items whose json is empty take no part in the comparison. */
    private static List<Entry> nonEmpty(List<Entry> entries) {
        return entries.stream().filter(e -> !e.json().isEmpty()).toList();
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
