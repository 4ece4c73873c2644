package dev.switchboard.platform.run;

import dev.switchboard.platform.node.ModelUse;
import dev.switchboard.platform.node.NumberHistory;
import dev.switchboard.platform.node.ReviewSample;

/**
 * What a run offers its AI nodes besides credentials: the price of model calls, a person's review of
 * sampled answers, and numbers remembered across runs. A server backs them with MongoDB; without one
 * ({@link #none()}) there are no prices or reviews and histories last as long as the object.
 */
public interface RunServices {

    /** The estimated cost in US dollars of one model call, or null when there is no price for the model. */
    default Double estimateCost(ModelUse use) {
        return null;
    }

    /** Makes an "AI review" of a node's answer (once per run, step and item). */
    default void review(RunReview review) {
    }

    /** The history of one node of one workflow. */
    NumberHistory history(String workflowId, String node);

    /** No prices, no reviews, histories in memory. */
    static RunServices none() {
        java.util.Map<String, NumberHistory> histories = new java.util.concurrent.ConcurrentHashMap<>();
        return (workflowId, node) -> histories.computeIfAbsent(workflowId + "\u0000" + node, k -> NumberHistory.inMemory());
    }

    /**
     * An answer of a node in a run, sampled for review.
     *
     * @param reviewers who may review it: the workflow's reviewer and owner (none: the admins)
     */
    record RunReview(String runId, String workflowId, String workflowName, String node, String nodeType,
            int stepIndex, java.util.List<String> reviewers, ReviewSample sample) {
    }
}
