package dev.switchboard.nodes.flow;

import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;

/** Does nothing: its output is its input. */
public final class NoOpNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("noOp", "No Operation", NodeCategory.FLOW)
            .description("Passes its items on unchanged; useful as a marker or a place to look at data.")
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
