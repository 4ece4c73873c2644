package dev.switchboard.platform.approval;

/**
 * How a node's sampled answers fared with reviewers in one ISO week: accepted as they were, or corrected.
 *
 * @param week {@code 2026-W49}
 */
public record AcceptRate(String workflowId, String workflowName, String node, String week, int accepted, int corrected) {

    public int reviewed() {
        return accepted + corrected;
    }

    /** Accepted of reviewed, from 0 to 1; null when none was reviewed. */
    public Double rate() {
        return reviewed() == 0 ? null : (double) accepted / reviewed();
    }
}
