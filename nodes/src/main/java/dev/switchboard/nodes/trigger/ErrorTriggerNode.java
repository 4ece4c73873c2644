package dev.switchboard.nodes.trigger;

import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;

/**
 * Starts an error workflow: when a run of a workflow whose {@code settings.errorWorkflow} names this
 * workflow fails, this trigger outputs one item describing the failure ({@code execution} with the
 * run's id, error and last node, and {@code workflow} with its id and name), as n8n does.
 */
public final class ErrorTriggerNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("errorTrigger", "Error Trigger", NodeCategory.TRIGGER)
            .description("Starts this workflow when a workflow that names it as its error workflow fails.")
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        return NodeResult.of(context.items());
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
