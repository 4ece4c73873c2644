package dev.switchboard.nodes.trigger;

import java.util.LinkedHashMap;
import java.util.List;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;

/** Starts a run by hand; outputs the items it was started with, or one empty item. */
public final class ManualTriggerNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("manualTrigger", "Manual Trigger", NodeCategory.TRIGGER)
            .description("Starts the workflow when you click Run, with the sample items you give.")
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        List<Item> items = context.items();
        return NodeResult.of(items.isEmpty() ? List.of(Item.of(new LinkedHashMap<>())) : items);
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
