package dev.switchboard.platform.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.node.Item;

/**
 * One finished execution of one node: what went in, what came out, how long it took, how many
 * attempts, the error and the log lines. The journal keeps one record per step, written whole.
 *
 * @param index      the step's position in the run (0, 1, 2, ...), the key a resumed run replays by
 * @param runIndex   how many times the node ran before in this run
 * @param inputs     items per input ({@code null} for an input on which nothing arrived)
 * @param sources    where each input's items came from ({@code null} entries where none)
 * @param outputs    items per output, or {@code null} when the node produced nothing
 * @param nodeState  the node's state after the step (loop bookkeeping), for a resumed run
 * @param resumeAt   for a waiting step, when the run is due to continue (null: when something resumes it)
 * @param usage      what the step spent on language models, one entry per model (empty for most nodes)
 */
public record Step(
        int index,
        String node,
        int runIndex,
        StepStatus status,
        Instant startedAt,
        Instant finishedAt,
        int attempts,
        List<List<Item>> inputs,
        List<SourceRef> sources,
        List<List<Item>> outputs,
        StepError error,
        List<String> logs,
        Map<String, Object> nodeState,
        Instant resumeAt,
        List<ModelCharge> usage) {

    public Step {
        usage = usage == null ? List.of() : usage;
    }

    /** A step that used no model. */
    public Step(int index, String node, int runIndex, StepStatus status, Instant startedAt, Instant finishedAt,
            int attempts, List<List<Item>> inputs, List<SourceRef> sources, List<List<Item>> outputs, StepError error,
            List<String> logs, Map<String, Object> nodeState, Instant resumeAt) {
        this(index, node, runIndex, status, startedAt, finishedAt, attempts, inputs, sources, outputs, error, logs,
                nodeState, resumeAt, List.of());
    }

    public long durationMillis() {
        return startedAt == null || finishedAt == null ? 0 : finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }

    public Step withStatus(StepStatus newStatus, List<List<Item>> newOutputs, Instant finished) {
        return new Step(index, node, runIndex, newStatus, startedAt, finished, attempts, inputs, sources, newOutputs,
                error, logs, nodeState, null, usage);
    }
}
