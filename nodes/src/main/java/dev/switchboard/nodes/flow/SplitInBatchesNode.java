package dev.switchboard.nodes.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * Loop Over Items (Split in Batches): the first run keeps its input and outputs the first batch;
 * each later run (the loop coming back) outputs the next batch, until none is left. Version 1 has
 * one output and simply stops; version 2 outputs "loop" then "done" (everything that came back);
 * version 3 swaps them: "done" first, "loop" second, and starts over once it is done.
 *
 * <p>The state lives in the node's context as JSON (so the run journal can persist it), under n8n's
 * names, which expressions read as {@code $node["Loop"].context["noItemsLeft"]}: {@code items} (the
 * items still to come), {@code processedItems}, {@code currentRunIndex}, {@code maxRunIndex},
 * {@code noItemsLeft} and {@code done}.
 */
public final class SplitInBatchesNode implements NodeType {

    /** Runs of one loop node in one run beyond which it is taken for an endless loop. */
    static final int MAX_RUNS = 100_000;

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("splitInBatches", "Loop Over Items",
                    NodeCategory.FLOW)
            .versions(1.0, 2.0, 2.1, 3.0)
            .description("Splits the items into batches and outputs one batch each time the loop comes back to it; "
                    + "when all are done, outputs everything that was processed.")
            .outputs("done", "loop")
            .parameters(
                    ParameterSpec.of("batchSize", "Batch size", ParameterType.NUMBER, 10L)
                            .help("How many items each batch holds.").inVersions(1.0, 2.0, 2.1),
                    ParameterSpec.of("batchSize", "Batch size", ParameterType.NUMBER, 1L)
                            .help("How many items each batch holds.").inVersions(3.0),
                    new ParameterSpec("options", "Options", ParameterType.COLLECTION, false, Map.of(), null, true, false,
                            "reset: start over with the incoming items instead of continuing with the stored ones.",
                            null, null))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public int outputCount(double version, Map<String, Object> parameters) {
        return version < 2 ? 1 : 2;
    }

    @Override
    @SuppressWarnings("unchecked")
    public NodeResult execute(NodeContext context) {
        double version = context.typeVersion();
        if (context.runIndex() >= MAX_RUNS) {
            throw new NodeException("the loop ran " + MAX_RUNS + " times; it seems never to finish (check that the "
                    + "\"done\" output does not lead back into this node)");
        }
        int batchSize = NodeParams.integer(context, "batchSize", version >= 3 ? 1 : 10, 1);
        boolean reset = Boolean.TRUE.equals(NodeParams.map(context, "options").get("reset"));
        Map<String, Object> state = context.nodeState();
        List<Item> input = context.items();
        boolean first = !(state.get("items") instanceof List<?>) || reset
                || version >= 3 && Boolean.TRUE.equals(state.get("done"));
        List<Item> batch = new ArrayList<>();
        List<Map<String, Object>> waiting;
        if (first) {
            state.put("currentRunIndex", 0L);
            state.put("maxRunIndex", (long) Math.ceil(input.size() / (double) batchSize));
            for (int i = 0; i < Math.min(batchSize, input.size()); i++) {
                batch.add(input.get(i).withPairedItem(i));
            }
            waiting = new ArrayList<>();
            for (int i = batch.size(); i < input.size(); i++) {
                waiting.add(Json.copy(input.get(i).toMap()));
            }
            if (version >= 2) {
                state.put("processedItems", new ArrayList<>());
            }
        } else {
            state.put("currentRunIndex", ((Number) state.getOrDefault("currentRunIndex", 0L)).longValue() + 1);
            waiting = new ArrayList<>((List<Map<String, Object>>) state.get("items"));
            while (!waiting.isEmpty() && batch.size() < batchSize) {
                Item stored = Item.fromMap(waiting.remove(0));
                batch.add(new Item(stored.json(), stored.binary(), null));
            }
            if (version >= 2) {
                List<Object> processed = new ArrayList<>(NodeParams.list(state.get("processedItems")));
                for (int i = 0; i < input.size(); i++) {
                    processed.add(Json.copy(input.get(i).withPairedItem(i).toMap()));
                }
                state.put("processedItems", processed);
            }
        }
        state.put("items", waiting);
        state.put("noItemsLeft", waiting.isEmpty());
        if (version < 2) {
            return NodeResult.of(batch);
        }
        boolean done = batch.isEmpty();
        state.put("done", done);
        List<Item> doneItems = new ArrayList<>();
        if (done) {
            for (Object o : NodeParams.list(state.get("processedItems"))) {
                Item item = Item.fromMap((Map<String, Object>) Json.copy(o));
                doneItems.add(new Item(item.json(), item.binary(), null));
            }
        }
        List<Item> loop = batch;
        return version >= 3 ? NodeResult.outputs(doneItems, loop) : NodeResult.outputs(loop, doneItems);
    }
}
