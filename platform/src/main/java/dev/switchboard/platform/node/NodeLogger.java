package dev.switchboard.platform.node;

/** Log lines of a step, kept with the step in the run's journal. */
public interface NodeLogger {

    /** A logger that keeps nothing. */
    NodeLogger NONE = new NodeLogger() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };
    void info(String message);

    void warn(String message);

    default void debug(String message) {
        info(message);
    }
}
