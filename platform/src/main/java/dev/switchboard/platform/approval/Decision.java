package dev.switchboard.platform.approval;

import java.time.Instant;

/**
 * A decision on an approval request.
 *
 * @param option  {@code approve}, {@code reject}, {@code timeOut} or one of the node's custom options
 * @param by      who decided: a user name, {@code api} for an API key, {@code link:<recipient>}, or
 *                {@code deadline}
 */
public record Decision(String option, String by, Instant at, String comment) {
}
