package dev.switchboard.platform.expression;

/** An expression that could not be parsed or that failed while it ran. */
public final class ExpressionException extends RuntimeException {

    private final boolean limitExceeded;

    public ExpressionException(String message) {
        this(message, false, null);
    }

    public ExpressionException(String message, boolean limitExceeded, Throwable cause) {
        super(message, cause);
        this.limitExceeded = limitExceeded;
    }

    /** True when the CPU-time or statement limit cut the evaluation off. */
    public boolean limitExceeded() {
        return limitExceeded;
    }
}
