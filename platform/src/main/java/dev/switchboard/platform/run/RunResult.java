package dev.switchboard.platform.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.node.Item;

/**
 * How a run ended (or paused): its status, the error that stopped it, every step per node in
 * order, the node that ran last, and when a waiting run is due to continue.
 */
public record RunResult(
        String runId,
        RunStatus status,
        StepError error,
        Map<String, List<Step>> runData,
        String lastNode,
        Instant resumeAt) {

    /** The steps of one node ({@code []} when it never ran). */
    public List<Step> steps(String node) {
        return runData.getOrDefault(node, List.of());
    }

    /** The items on output 0 of the node's last run, or empty. */
    public List<Item> output(String node) {
        return output(node, 0);
    }

    public List<Item> output(String node, int outputIndex) {
        List<Step> steps = steps(node);
        if (steps.isEmpty()) {
            return List.of();
        }
        List<List<Item>> outs = steps.get(steps.size() - 1).outputs();
        return outs == null || outs.size() <= outputIndex || outs.get(outputIndex) == null ? List.of() : outs.get(outputIndex);
    }

    /** The output of the last node that ran (what Execute Workflow returns). */
    public List<Item> lastNodeOutput() {
        return lastNode == null ? List.of() : output(lastNode);
    }
}
