package dev.switchboard.platform.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.workflow.Connection;
import dev.switchboard.platform.workflow.Workflow;

/**
 * The state of a run in progress: the steps so far per node, the nodes due to run (the stack), the
 * nodes that wait for more inputs, and each node's state kept across its runs. Rebuilt exactly by
 * replaying the journal, since the order is decided by the recorded outputs alone.
 */
final class RunState {

    /** A node due to run with the items per input (null where nothing arrived) and their sources. */
    static final class Pending {
        final String node;
        final List<List<Item>> inputs;
        final List<SourceRef> sources;

        Pending(String node, int slots) {
            this.node = node;
            this.inputs = new ArrayList<>(slots);
            this.sources = new ArrayList<>(slots);
            for (int i = 0; i < slots; i++) {
                inputs.add(null);
                sources.add(null);
            }
        }

        boolean complete() {
            for (List<Item> in : inputs) {
                if (in == null) {
                    return false;
                }
            }
            return true;
        }
    }

    final Workflow workflow;
    final Map<String, List<Step>> runData = new LinkedHashMap<>();
    final Deque<Pending> stack = new ArrayDeque<>();
    final Map<String, List<Pending>> waiting = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> nodeStates = new HashMap<>();
    /** The secrets handed to nodes in this run, masked in every step before it is written. */
    final RunSecrets secrets = new RunSecrets();
    private final Map<String, Integer> inputSlots = new HashMap<>();
    /** What the step in progress spent on models, taken by the step when it is recorded. */
    final List<ModelCharge> charges = new ArrayList<>();
    int nextStepIndex;
    String lastNode;

    RunState(Workflow workflow) {
        this.workflow = workflow;
        for (Connection c : workflow.connections().all()) {
            if (c.type().equals("main")) {
                inputSlots.merge(c.target(), c.inputIndex() + 1, Math::max);
            }
        }
    }

    /** How many inputs of a node have connections (n8n counts up to the highest connected index). */
    int inputSlots(String node) {
        return inputSlots.getOrDefault(node, 1);
    }

    int runCount(String node) {
        List<Step> steps = runData.get(node);
        return steps == null ? 0 : steps.size();
    }

    Map<String, Object> nodeState(String node) {
        return nodeStates.computeIfAbsent(node, k -> new LinkedHashMap<>());
    }

    void record(Step step) {
        runData.computeIfAbsent(step.node(), k -> new ArrayList<>()).add(step);
        lastNode = step.node();
        if (step.nodeState() != null) {
            nodeStates.put(step.node(), Json.copy(step.nodeState()));
        }
        nextStepIndex = step.index() + 1;
    }

    boolean queuedOrRan(String node) {
        if (runData.containsKey(node)) {
            return true;
        }
        for (Pending p : stack) {
            if (p.node.equals(node)) {
                return true;
            }
        }
        return false;
    }
}
