package dev.switchboard.platform.workflow;

/** What a node does when it fails, with n8n's names. */
public enum OnError {
    /** The run fails (the default). */
    STOP_WORKFLOW("stopWorkflow"),
    /** The failing items continue on the regular output, each with an {@code error} field. */
    CONTINUE_REGULAR_OUTPUT("continueRegularOutput"),
    /** The failing items go to an extra error output after the regular ones. */
    CONTINUE_ERROR_OUTPUT("continueErrorOutput");

    private final String n8nName;

    OnError(String n8nName) {
        this.n8nName = n8nName;
    }

    public String n8nName() {
        return n8nName;
    }

    /** The setting named in n8n's JSON, or {@code null} when the name is unknown. */
    public static OnError fromN8nName(String name) {
        for (OnError e : values()) {
            if (e.n8nName.equals(name)) {
                return e;
            }
        }
        return null;
    }
}
