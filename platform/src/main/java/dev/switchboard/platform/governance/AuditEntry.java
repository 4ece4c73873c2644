package dev.switchboard.platform.governance;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the audit log.
 *
 * @param actor   who: a user name, {@code api} for an API key, {@code link:<recipient>}, or {@code system}
 * @param action  what, in the users' words: {@code signed in}, {@code workflow published}, {@code run rolled back}, ...
 * @param subject what it was done to: {@code workflow:<id>}, {@code run:<id>}, {@code credential:<id>}, ...
 */
public record AuditEntry(String id, Instant at, String actor, String action, String subject, String summary,
        Map<String, Object> details) {

    public AuditEntry {
        details = details == null ? Map.of() : details;
    }
}
