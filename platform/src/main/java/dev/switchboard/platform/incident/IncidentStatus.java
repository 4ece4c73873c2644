package dev.switchboard.platform.incident;

/** Where an incident stands. */
public enum IncidentStatus {
    OPEN("open"), INVESTIGATING("investigating"), RESOLVED("resolved");

    private final String label;

    IncidentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static IncidentStatus fromLabel(String label) {
        for (IncidentStatus s : values()) {
            if (s.label.equals(label) || s.name().equalsIgnoreCase(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown incident status \"" + label + "\" (use open, investigating or resolved)");
    }
}
