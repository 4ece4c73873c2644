package dev.switchboard.platform.expression;

/** An expression that could not be parsed or that failed while it ran. */
public final class ExpressionException extends RuntimeException {

    private final boolean limitExceeded;
    private final String path;

    public ExpressionException(String message) {
        this(message, false, null);
    }

    public ExpressionException(String message, boolean limitExceeded, Throwable cause) {
        this(message, limitExceeded, cause, "");
    }

    private ExpressionException(String message, boolean limitExceeded, Throwable cause, String path) {
        super(message, cause);
        this.limitExceeded = limitExceeded;
        this.path = path;
    }

    /** The same failure, one level further out in a parameter's collections ({@code .key} or {@code [3]}). */
    public ExpressionException under(String segment) {
        return new ExpressionException(getMessage(), limitExceeded, getCause(), segment + path);
    }

    /** Where inside the evaluated value the failing expression sits: {@code .assignments[0].value}, or "". */
    public String path() {
        return path;
    }

    /** True when the CPU-time or statement limit cut the evaluation off. */
    public boolean limitExceeded() {
        return limitExceeded;
    }
}
