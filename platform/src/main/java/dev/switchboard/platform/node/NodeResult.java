package dev.switchboard.platform.node;

import java.time.Instant;
import java.util.List;

/** What a node's execution produced: items per output, or a request to suspend the run. */
public sealed interface NodeResult {

    /** Items per output index, as n8n numbers outputs. */
    record Outputs(List<List<Item>> outputs) implements NodeResult {
        public Outputs {
            outputs = List.copyOf(outputs);
        }
    }

    /**
     * The run pauses at this node until {@code resumeAt} (or until something resumes it, when
     * {@code resumeAt} is null); then the node's output is {@code outputsOnResume}.
     */
    record Suspend(Instant resumeAt, String reason, List<List<Item>> outputsOnResume) implements NodeResult {
    }

    static NodeResult of(List<Item> items) {
        return new Outputs(List.of(items));
    }

    static NodeResult of(List<List<Item>> outputs, boolean ignored) {
        return new Outputs(outputs);
    }

    @SafeVarargs
    static NodeResult outputs(List<Item>... perOutput) {
        return new Outputs(List.of(perOutput));
    }
}
