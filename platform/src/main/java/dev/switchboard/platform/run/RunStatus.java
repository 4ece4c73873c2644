package dev.switchboard.platform.run;

/** Where a run stands. */
public enum RunStatus {
    QUEUED("queued"), RUNNING("running"), WAITING("waiting"), SUCCEEDED("succeeded"), FAILED("failed"),
    CANCELLED("cancelled"), ROLLED_BACK("rolled back"), NEEDS_ATTENTION("needs attention");

    private final String label;

    RunStatus(String label) {
        this.label = label;
    }

    /** The name users see and the API writes. */
    public String label() {
        return label;
    }

    public boolean isFinished() {
        return this != QUEUED && this != RUNNING && this != WAITING;
    }
}
