package dev.switchboard.platform.governance;

import java.time.Instant;
import java.util.Map;

import dev.switchboard.platform.paging.Page;

/** The append-only audit log: entries are added, never changed or removed. */
public interface AuditLog {

    /** Appends an entry now. */
    AuditEntry record(String actor, String action, String subject, String summary, Map<String, Object> details);

    /** Entries newest first; each filter may be null (actor and action match exactly, subject by prefix). */
    Page<AuditEntry> list(Filter filter, Page.Request request);

    /** Which entries to list. */
    record Filter(String actor, String action, String subject, Instant from, Instant to) {
        public static Filter all() {
            return new Filter(null, null, null, null, null);
        }
    }

    /** A log that keeps nothing (for tools that run without a server). */
    static AuditLog none() {
        return new AuditLog() {
            @Override
            public AuditEntry record(String actor, String action, String subject, String summary, Map<String, Object> details) {
                return new AuditEntry("", Instant.now(), actor, action, subject, summary, details);
            }

            @Override
            public Page<AuditEntry> list(Filter filter, Page.Request request) {
                return new Page<>(java.util.List.of(), request.page(), request.size(), 0);
            }
        };
    }
}
