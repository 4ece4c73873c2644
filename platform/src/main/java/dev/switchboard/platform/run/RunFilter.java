package dev.switchboard.platform.run;

import java.time.Instant;

/** Which runs to list: each part may be null (no condition). */
public record RunFilter(String workflowId, RunStatus status, Instant from, Instant to) {

    public static RunFilter all() {
        return new RunFilter(null, null, null, null);
    }
}
