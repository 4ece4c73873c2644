package dev.switchboard.ui.editor;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.expression.ExpressionData;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.PairedItem;
import dev.switchboard.platform.run.Step;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowNode;

/**
 * What an expression in the node panel sees: the node's input and the other nodes' outputs as the
 * last test run left them, for one item. Lineage follows the paired items the run recorded.
 */
final class PreviewData implements ExpressionData {

    private final Workflow workflow;
    private final WorkflowNode node;
    private final List<Step> steps;
    private final List<Item> input;
    private final int itemIndex;
    private final ZoneId zone;

    PreviewData(Workflow workflow, WorkflowNode node, List<Step> steps, List<Item> input, int itemIndex, ZoneId zone) {
        this.workflow = workflow;
        this.node = node;
        this.steps = steps;
        this.input = input;
        this.itemIndex = itemIndex;
        this.zone = zone;
    }

    @Override
    public String nodeName() {
        return node.name();
    }

    @Override
    public List<Item> input() {
        return input;
    }

    @Override
    public int itemIndex() {
        return itemIndex;
    }

    @Override
    public int runIndex() {
        return 0;
    }

    @Override
    public List<Item> nodeOutput(String name, int outputIndex, int runIndex) {
        Step found = null;
        for (Step s : steps) {
            if (s.node().equals(name) && (runIndex < 0 || s.runIndex() == runIndex)) {
                found = s;
            }
        }
        if (found == null || found.outputs() == null || outputIndex >= found.outputs().size()) {
            return null;
        }
        List<Item> items = found.outputs().get(outputIndex);
        return items == null ? List.of() : items;
    }

    @Override
    public boolean nodeExists(String name) {
        return workflow.node(name).isPresent();
    }

    @Override
    public Item pairedItem(String name, int index) {
        Item current = index < input.size() ? input.get(index) : null;
        List<Item> theirs = nodeOutput(name, 0, -1);
        if (current == null || theirs == null || theirs.isEmpty()) {
            return null;
        }
        List<PairedItem> lineage = current.pairedItem();
        int at = lineage == null || lineage.isEmpty() ? index : lineage.get(0).item();
        return at < theirs.size() ? theirs.get(at) : theirs.get(theirs.size() - 1);
    }

    @Override
    public Map<String, Object> parameters() {
        return node.parameters();
    }

    @Override
    public Map<String, Object> parameters(String name) {
        return workflow.node(name).map(WorkflowNode::parameters).orElse(Map.of());
    }


    @Override
    public Map<String, Object> workflow() {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("id", workflow.id());
        w.put("name", workflow.name());
        w.put("active", false);
        return w;
    }

    @Override
    public Map<String, Object> execution() {
        return Map.of("id", "preview", "mode", "manual");
    }



    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

}
