package dev.switchboard.platform.server;

import java.time.Duration;

import org.springframework.core.env.Environment;

/**
 * How long run history is kept, as n8n's settings say it: whether successful and failed runs are
 * saved at all ({@code all} or {@code none}; a workflow's {@code settings.saveDataSuccessExecution}
 * and {@code saveDataErrorExecution} override), and the pruning of finished runs by age and count.
 *
 * @param pruneEvery how often pruning runs; zero turns it off
 */
public record RetentionSettings(String saveSuccessful, String saveFailed, Duration maxAge, int maxCount,
        Duration pruneEvery) {

    /** Save everything, keep 14 days and at most 10,000 finished runs, prune hourly. */
    public static RetentionSettings defaults() {
        return new RetentionSettings("all", "all", Duration.ofDays(14), 10_000, Duration.ofHours(1));
    }

    /** From {@code switchboard.retention.*} (save-successful, save-failed, max-age-days, max-count, prune-minutes). */
    public static RetentionSettings from(Environment env) {
        RetentionSettings d = defaults();
        return new RetentionSettings(
                env.getProperty("switchboard.retention.save-successful", d.saveSuccessful()),
                env.getProperty("switchboard.retention.save-failed", d.saveFailed()),
                Duration.ofDays(env.getProperty("switchboard.retention.max-age-days", Long.class, d.maxAge().toDays())),
                env.getProperty("switchboard.retention.max-count", Integer.class, d.maxCount()),
                Duration.ofMinutes(env.getProperty("switchboard.retention.prune-minutes", Long.class, d.pruneEvery().toMinutes())));
    }
}
