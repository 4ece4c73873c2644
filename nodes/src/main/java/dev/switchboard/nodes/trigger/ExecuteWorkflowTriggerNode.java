package dev.switchboard.nodes.trigger;

import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;

/** Starts a workflow that another workflow calls (Execute Workflow); outputs the caller's items. */
public final class ExecuteWorkflowTriggerNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("executeWorkflowTrigger",
                    "When Called by Another Workflow", NodeCategory.TRIGGER)
            .versions(1.0, 1.1)
            .description("Starts this workflow when another workflow's Execute Workflow node calls it.")
            .parameters(ParameterSpec.options("inputSource", "Input data mode", "passthrough",
                    "passthrough", "workflowInputs", "jsonExample"))
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
