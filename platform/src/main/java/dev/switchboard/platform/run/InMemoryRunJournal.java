package dev.switchboard.platform.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A journal kept in memory, for the command line and tests. */
public final class InMemoryRunJournal implements RunJournal {

    private final Map<String, List<Step>> steps = new ConcurrentHashMap<>();
    private final Map<String, RunStatus> statuses = new ConcurrentHashMap<>();

    @Override
    public void stepFinished(String runId, Step step) {
        List<Step> list = steps.computeIfAbsent(runId, k -> new ArrayList<>());
        synchronized (list) {
            if (step.index() < list.size()) {
                list.set(step.index(), step);
            } else {
                list.add(step);
            }
        }
    }

    @Override
    public List<Step> steps(String runId) {
        List<Step> list = steps.getOrDefault(runId, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    @Override
    public void statusChanged(String runId, RunStatus status, StepError error) {
        statuses.put(runId, status);
    }

    public RunStatus status(String runId) {
        return statuses.get(runId);
    }

    /** Forgets steps from {@code fromIndex} on, as a crash in the middle of a run would. */
    public void truncate(String runId, int fromIndex) {
        List<Step> list = steps.get(runId);
        if (list != null) {
            synchronized (list) {
                while (list.size() > fromIndex) {
                    list.remove(list.size() - 1);
                }
            }
        }
    }
}
