package dev.switchboard.nodes.canvas;

import java.util.List;

import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/** A note on the canvas; never runs and has no connections. */
public final class StickyNoteNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("stickyNote", "Sticky Note", NodeCategory.CANVAS)
            .description("A note on the canvas for the people who read the workflow.")
            .parameters(ParameterSpec.of("content", "Content (Markdown)", ParameterType.STRING, ""),
                    ParameterSpec.of("height", "Height", ParameterType.NUMBER, 160),
                    ParameterSpec.of("width", "Width", ParameterType.NUMBER, 240))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        return NodeResult.outputs(List.of());
    }
}
