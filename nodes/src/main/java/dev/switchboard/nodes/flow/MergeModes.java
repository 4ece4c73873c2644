package dev.switchboard.nodes.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.PairedItem;

/** Merge versions 2 to 3.2: append, combine (by fields, by position, all combinations), choose branch. */
final class MergeModes {

    private MergeModes() {
    }

    static List<Item> run(NodeContext context, double version, List<List<Entry>> inputs) {
        String mode = context.string("mode", 0, "append");
        String combination = null;
        if (version < 3 && List.of("mergeByFields", "mergeByPosition", "multiplex").contains(mode)) {
            // workflows saved before "combine" grouped these modes
            combination = mode;
            mode = "combine";
        }
        return switch (mode) {
            case "append" -> Entry.items(append(version < 3 ? inputs.subList(0, 2) : inputs));
            case "combine" -> Entry.items(combine(context, version, inputs, combination));
            case "chooseBranch" -> Entry.items(chooseBranch(context, version, inputs));
            case "combineBySql" -> throw new NodeException("Parameter \"mode\": the SQL query mode is not supported; "
                    + "use matching fields, position or all combinations");
            default -> throw new NodeException("Parameter \"mode\": unknown mode \"" + mode + "\"");
        };
    }

    private static List<Entry> append(List<List<Entry>> inputs) {
        List<Entry> out = new ArrayList<>();
        inputs.forEach(out::addAll);
        return out;
    }

    private static List<Entry> combine(NodeContext context, double version, List<List<Entry>> inputs,
            String legacyCombination) {
        Map<String, Object> options = NodeParams.map(context, "options");
        Map<String, Object> clash = NodeParams.clash(options);
        String how;
        if (version < 3) {
            how = legacyCombination != null ? legacyCombination : context.string("combinationMode", 0, "mergeByFields");
        } else {
            how = context.string("combineBy", 0, "combineByFields");
        }
        return switch (how) {
            case "mergeByFields", "combineByFields" -> byFields(context, version, inputs, options, clash);
            case "mergeByPosition" -> byPositionV2(inputs.get(0), inputs.get(1), clash,
                    NodeParams.bool(options, "includeUnpaired"));
            case "combineByPosition" -> byPositionV3(inputs, clash, NodeParams.bool(options, "includeUnpaired"));
            case "multiplex", "combineAll" -> MergeCombine.allCombinations(inputs.get(0), inputs.get(1), clash);
            default -> throw new NodeException("Parameter \"" + (version < 3 ? "combinationMode" : "combineBy")
                    + "\": unknown value \"" + how + "\"");
        };
    }

    private static List<Entry> byFields(NodeContext context, double version, List<List<Entry>> inputs,
            Map<String, Object> options, Map<String, Object> clash) {
        List<MergeCombine.FieldPair> fields;
        if (version >= 3 && !context.bool("advanced", 0, false)) {
            fields = MergeCombine.fieldPairs(context.string("fieldsToMatchString", 0, ""), "fieldsToMatchString");
        } else {
            fields = MergeCombine.fieldPairs(NodeParams.map(context, "mergeByFields").get("values"), "mergeByFields");
        }
        String joinMode = context.string("joinMode", 0, "keepMatches");
        String from = context.string("outputDataFrom", 0, "both");
        boolean dotNotation = !NodeParams.bool(options, "disableDotNotation");
        List<Entry> input1 = inputs.get(0);
        List<Entry> input2 = inputs.get(1);
        if (version < 2.1) {
            MergeCombine.requirePresent(input1, fields.stream().map(MergeCombine.FieldPair::field1).toList(),
                    dotNotation, "Input 1", "mergeByFields");
            MergeCombine.requirePresent(input2, fields.stream().map(MergeCombine.FieldPair::field2).toList(),
                    dotNotation, "Input 2", "mergeByFields");
        }
        var o = new MergeCombine.FieldOptions(joinMode, from, NodeParams.bool(options, "fuzzyCompare"), dotNotation,
                NodeParams.string(options, "multipleMatches", "all"), clash);
        return MergeCombine.byFields(input1, input2, fields, o);
    }

    /** Version 2: item i of input 1 with item i of input 2. */
    private static List<Entry> byPositionV2(List<Entry> input1, List<Entry> input2, Map<String, Object> clash,
            boolean includeUnpaired) {
        if (input1.isEmpty() || input2.isEmpty()) {
            return append(List.of(input1, input2));
        }
        List<List<Entry>> ordered = MergeCombine.inClashOrder(input1, input2, clash);
        List<Entry> first = ordered.get(0);
        List<Entry> second = ordered.get(1);
        int count = includeUnpaired ? Math.max(first.size(), second.size()) : Math.min(first.size(), second.size());
        ObjectMerge.Mode mode = ObjectMerge.Mode.of(clash);
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i >= first.size()) {
                out.add(second.get(i));
            } else if (i >= second.size()) {
                out.add(first.get(i));
            } else {
                List<Entry> pair = List.of(first.get(i), second.get(i));
                out.add(MergeCombine.combine(pair, mode, MergeCombine.dedupe(Entry.originsOf(pair))));
            }
        }
        return out;
    }

    /**
     * Version 3: item i of every input merged, the preferred input last (input N by default). As in
     * n8n, with "add input number" the last input's fields are also kept under their own names.
     */
    private static List<Entry> byPositionV3(List<List<Entry>> inputs, Map<String, Object> clash,
            boolean includeUnpaired) {
        String resolve = clash.get("resolveClash") instanceof String s ? s : "";
        int preferredIndex = inputs.size() - 1;
        if (resolve.startsWith("preferInput")) {
            try {
                preferredIndex = Integer.parseInt(resolve.substring("preferInput".length())) - 1;
            } catch (NumberFormatException e) {
                throw new NodeException("Parameter \"options.clashHandling\": unknown choice \"" + resolve + "\"");
            }
            if (preferredIndex < 0 || preferredIndex >= inputs.size()) {
                throw new NodeException("Parameter \"options.clashHandling\": input "
                        + (preferredIndex + 1) + " does not exist");
            }
        }
        List<Entry> preferred = inputs.get(preferredIndex);
        List<List<Entry>> all = new ArrayList<>(inputs);
        if (resolve.equals("addSuffix")) {
            for (int i = 0; i < all.size(); i++) {
                all.set(i, Entry.suffixed(all.get(i), String.valueOf(i + 1)));
            }
        }
        int count = preferred.size();
        for (List<Entry> in : all) {
            count = includeUnpaired ? Math.max(count, in.size()) : Math.min(count, in.size());
        }
        ObjectMerge.Mode mode = ObjectMerge.Mode.of(clash);
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Entry> ordered = new ArrayList<>();
            for (List<Entry> in : all) {
                if (i < in.size()) {
                    ordered.add(in.get(i));
                }
            }
            if (i < preferred.size()) {
                ordered.add(preferred.get(i));
            }
            out.add(MergeCombine.combine(ordered, mode, MergeCombine.dedupe(Entry.originsOf(ordered))));
        }
        return out;
    }

    private static List<Entry> chooseBranch(NodeContext context, double version, List<List<Entry>> inputs) {
        // n8n runs this mode only once data arrived on both inputs 1 and 2
        if (inputs.get(0).isEmpty() || inputs.get(1).isEmpty()) {
            return List.of();
        }
        String output = context.string("output", 0, version < 3 ? "input1" : "specifiedInput");
        switch (output) {
            case "input1" -> {
                return inputs.get(0);
            }
            case "input2" -> {
                return inputs.get(1);
            }
            case "specifiedInput" -> {
                int which = NodeParams.integer(context, "useDataOfInput", 1, 1);
                if (which > inputs.size()) {
                    throw new NodeException("Parameter \"useDataOfInput\": input " + which + " doesn't exist; "
                            + "the node has only " + inputs.size() + " inputs");
                }
                return inputs.get(which - 1);
            }
            case "empty" -> {
                List<PairedItem> origin = new ArrayList<>();
                inputs.forEach(in -> origin.addAll(Entry.originsOf(in)));
                return List.of(new Entry(new LinkedHashMap<>(), null, origin));
            }
            default -> throw new NodeException("Parameter \"output\": unknown choice \"" + output + "\"");
        }
    }
}
