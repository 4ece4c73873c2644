package dev.switchboard.platform.approval;

/** Where an approval request stands. */
public enum ApprovalStatus {
    PENDING("pending"), APPROVED("approved"), REJECTED("rejected"), TIMED_OUT("timed out"),
    /** Decided with one of the node's custom options. */
    DECIDED("decided");

    private final String label;

    ApprovalStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ApprovalStatus fromLabel(String label) {
        for (ApprovalStatus s : values()) {
            if (s.label.equals(label) || s.name().equalsIgnoreCase(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown approval status \"" + label
                + "\" (use pending, approved, rejected, timed out or decided)");
    }
}
