package dev.switchboard.platform.run;

import java.util.List;
import java.util.Map;

import dev.switchboard.platform.expression.ExpressionException;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.PairedItem;

/**
 * Follows {@code pairedItem} links back from an input item to the item of an earlier node it came
 * from — what {@code $('Node').item} means.
 */
final class Lineage {

    private Lineage() {
    }

    static Item find(Map<String, List<Step>> runData, String target, List<List<Item>> inputs, List<SourceRef> sources,
            int inputIndex, int itemIndex) {
        List<List<Item>> currentInputs = inputs;
        List<SourceRef> currentSources = sources;
        int input = inputIndex;
        int index = itemIndex;
        for (int hops = 0; hops < 10_000; hops++) {
            SourceRef source = input < currentSources.size() ? currentSources.get(input) : null;
            List<Item> items = input < currentInputs.size() ? currentInputs.get(input) : null;
            if (source == null || items == null) {
                throw new ExpressionException("Can't get data for expression: no path back to node \"" + target + "\"");
            }
            if (index < 0 || index >= items.size()) {
                throw new ExpressionException("Can't get data for expression: item " + index + " of node \""
                        + source.node() + "\" does not exist, so the item of \"" + target + "\" is unknown");
            }
            Item item = items.get(index);
            if (source.node().equals(target)) {
                return item;
            }
            List<Step> steps = runData.get(source.node());
            if (steps == null || source.runIndex() >= steps.size()) {
                throw new ExpressionException("Can't get data for expression: node \"" + source.node() + "\" has no run "
                        + source.runIndex());
            }
            Step step = steps.get(source.runIndex());
            if (step.inputs() == null || step.inputs().isEmpty() || step.sources() == null) {
                throw new ExpressionException("Can't get data for expression: no path back to node \"" + target + "\"");
            }
            List<PairedItem> paired = item.pairedItem();
            if (paired.isEmpty()) {
                List<Item> firstInput = step.inputs().get(0);
                if (firstInput != null && firstInput.size() == 1) {
                    paired = List.of(PairedItem.of(0));
                } else {
                    throw new ExpressionException("Paired item data for item " + index + " from node \"" + source.node()
                            + "\" is unavailable, so the matching item of \"" + target + "\" cannot be found");
                }
            }
            PairedItem p = paired.get(0);
            currentInputs = step.inputs();
            currentSources = step.sources();
            input = p.input();
            index = p.item();
        }
        throw new ExpressionException("Can't get data for expression: the lineage of the item is too long");
    }
}
