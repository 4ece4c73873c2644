package dev.switchboard.platform.node;

/** Log lines of a step, kept with the step in the run's journal. */
public interface NodeLogger {
    void info(String message);

    void warn(String message);

    default void debug(String message) {
        info(message);
    }
}
