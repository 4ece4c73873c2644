package dev.switchboard.platform.expression;

import java.time.Duration;

/**
 * How much one evaluation may do before it is cut off: a number of JavaScript statements and an
 * amount of CPU time of the evaluating thread.
 */
public record SandboxLimits(long statements, Duration cpuTime) {

    /** For parameter expressions: small, since an expression is a line of code. */
    public static SandboxLimits expressions() {
        return new SandboxLimits(Long.getLong("switchboard.expression.statements", 1_000_000L),
                Duration.ofMillis(Long.getLong("switchboard.expression.cpuMillis", 2_000L)));
    }

    /** For Code and Function nodes, which may loop over many items. */
    public static SandboxLimits scripts() {
        return new SandboxLimits(Long.getLong("switchboard.script.statements", 200_000_000L),
                Duration.ofMillis(Long.getLong("switchboard.script.cpuMillis", 30_000L)));
    }
}
