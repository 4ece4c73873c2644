package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.List;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/** n8n's Limit: keeps at most the first (or last) N items. */
public final class LimitNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("limit", "Limit", NodeCategory.TRANSFORM)
            .description("Restrict the number of items.")
            .versions(1.0)
            .parameters(
                    ParameterSpec.of("maxItems", "Max Items", ParameterType.NUMBER, 1L)
                            .help("If there are more items than this, the others are removed."),
                    ParameterSpec.options("keep", "Keep", "firstItems", "firstItems", "lastItems")
                            .help("Keep the items at the start or at the end."))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        return NodeResult.of(limit(context.items(), context.number("maxItems", 0, 1),
                "lastItems".equals(context.string("keep", 0, "firstItems"))));
    }

    /** The first or last {@code max} items (as JavaScript's slice computes them), keeping their lineage. */
    static List<Item> limit(List<Item> items, double max, boolean last) {
        int size = items.size();
        int from = 0;
        int to = size;
        if (!(max > size)) {
            if (last) {
                from = clampIndex(size - max, size);
            } else {
                to = clampIndex(max, size);
            }
        }
        List<Item> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(items.get(i).withPairedItem(i));
        }
        return out;
    }

    private static int clampIndex(double position, int size) {
        if (Double.isNaN(position)) {
            return 0;
        }
        double p = position < 0 ? Math.max(0, size + Math.ceil(position)) : Math.min(size, Math.floor(position));
        return (int) p;
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
