package dev.switchboard.platform.run;

/** How one step (one execution of one node) ended. */
public enum StepStatus {
    SUCCEEDED("succeeded"),
    /** The node failed; with onError set to continue, the run went on. */
    FAILED("failed"),
    /** The node is disabled, or it got no items and so did not run. */
    SKIPPED("skipped"),
    /** The node suspended the run (wait, approval). */
    WAITING("waiting");

    private final String label;

    StepStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
