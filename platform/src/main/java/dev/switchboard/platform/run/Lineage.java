package dev.switchboard.platform.run;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchboard.platform.expression.ExpressionException;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.PairedItem;

/**
 * Follows {@code pairedItem} links back from an input item to the item of an earlier node it came
 * from — what {@code $('Node').item} means. An item with several origins (a merged item) is followed
 * along each of them in turn until one leads to the node asked for, as n8n does.
 */
final class Lineage {

    private static final int MAX_HOPS = 10_000;

    private Lineage() {
    }

    static Item find(Map<String, List<Step>> runData, String target, List<List<Item>> inputs, List<SourceRef> sources,
            int inputIndex, int itemIndex) {
        Search search = new Search(runData, target);
        Item found = search.walk(inputs, sources, inputIndex, itemIndex, 0);
        if (found == null) {
            throw search.firstProblem != null ? search.firstProblem
                    : new ExpressionException("Can't get data for expression: no path back to node \"" + target + "\"");
        }
        return found;
    }

    /** A depth-first walk over the lineage; remembers the first problem met to report it if no path works. */
    private static final class Search {
        private final Map<String, List<Step>> runData;
        private final String target;
        private final Set<String> visited = new HashSet<>();
        private ExpressionException firstProblem;

        Search(Map<String, List<Step>> runData, String target) {
            this.runData = runData;
            this.target = target;
        }

        private Item fail(String message) {
            if (firstProblem == null) {
                firstProblem = new ExpressionException(message);
            }
            return null;
        }

        Item walk(List<List<Item>> inputs, List<SourceRef> sources, int input, int index, int hops) {
            while (true) {
                if (hops++ > MAX_HOPS) {
                    return fail("Can't get data for expression: the lineage of the item is too long");
                }
                SourceRef source = input >= 0 && input < sources.size() ? sources.get(input) : null;
                List<Item> items = input >= 0 && input < inputs.size() ? inputs.get(input) : null;
                if (source == null || items == null) {
                    return fail("Can't get data for expression: no path back to node \"" + target + "\"");
                }
                if (index < 0 || index >= items.size()) {
                    return fail("Can't get data for expression: item " + index + " of node \"" + source.node()
                            + "\" does not exist, so the item of \"" + target + "\" is unknown");
                }
                Item item = items.get(index);
                if (source.node().equals(target)) {
                    return item;
                }
                if (!visited.add(source.node() + "#" + source.runIndex() + "#" + source.outputIndex() + "#" + index)) {
                    return null;
                }
                List<Step> steps = runData.get(source.node());
                if (steps == null || source.runIndex() >= steps.size()) {
                    return fail("Can't get data for expression: node \"" + source.node() + "\" has no run "
                            + source.runIndex());
                }
                Step step = steps.get(source.runIndex());
                if (step.inputs() == null || step.inputs().isEmpty() || step.sources() == null) {
                    return fail("Can't get data for expression: no path back to node \"" + target + "\"");
                }
                List<PairedItem> paired = item.pairedItem();
                if (paired.isEmpty()) {
                    List<Item> firstInput = step.inputs().get(0);
                    if (firstInput != null && firstInput.size() == 1) {
                        paired = List.of(PairedItem.of(0));
                    } else {
                        return fail("Paired item data for item " + index + " from node \"" + source.node()
                                + "\" is unavailable, so the matching item of \"" + target + "\" cannot be found");
                    }
                }
                inputs = step.inputs();
                sources = step.sources();
                if (paired.size() == 1) {
                    input = paired.get(0).input();
                    index = paired.get(0).item();
                    continue;
                }
                for (PairedItem p : paired) {
                    Item found = walk(inputs, sources, p.input(), p.item(), hops);
                    if (found != null) {
                        return found;
                    }
                }
                return null;
            }
        }
    }
}
