package dev.switchboard.platform.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers a node remembers across runs, per key, newest last (the anomaly node's window). On a server it
 * lives in MongoDB and survives restarts; each {@link #append} is one atomic write, so concurrent runs
 * neither lose a value nor see one twice.
 */
public interface NumberHistory {

    /**
     * Adds {@code value} to the series {@code key}, keeping its newest {@code window} values, and returns the
     * series as it was before (oldest first).
     */
    List<Double> append(String key, double value, int window);

    /** A history kept in memory for as long as this object lives (the command line, tests). */
    static NumberHistory inMemory() {
        Map<String, List<Double>> series = new ConcurrentHashMap<>();
        return (key, value, window) -> {
            List<Double> before = new ArrayList<>();
            series.compute(key, (k, old) -> {
                List<Double> now = old == null ? new ArrayList<>() : old;
                before.addAll(now);
                now.add(value);
                while (now.size() > Math.max(1, window)) {
                    now.remove(0);
                }
                return now;
            });
            return List.copyOf(before);
        };
    }
}
