package dev.switchboard.platform.server;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many runs execute at once on this instance: at most {@code max-concurrent-runs} in all, and at
 * most {@code max-concurrent-runs-per-workflow} of one workflow (0: no limit of its own). A run that
 * finds no slot waits in the queue.
 */
final class RunSlots {

    private final Semaphore slots;
    private final int perWorkflowLimit;
    private final ConcurrentHashMap<String, AtomicInteger> perWorkflow = new ConcurrentHashMap<>();

    RunSlots(int max, int perWorkflowLimit) {
        this.slots = new Semaphore(Math.max(1, max));
        this.perWorkflowLimit = perWorkflowLimit;
    }

    /** Takes a slot of this instance and of the workflow, or none and false. */
    boolean tryEnter(String workflowId) {
        if (!slots.tryAcquire()) {
            return false;
        }
        if (perWorkflowLimit > 0 && counter(workflowId).incrementAndGet() > perWorkflowLimit) {
            counter(workflowId).decrementAndGet();
            slots.release();
            return false;
        }
        return true;
    }

    /**
     * For a queued run a worker claimed (so it must run): takes a slot, waiting for one if inline runs
     * took the last meanwhile, and counts it towards its workflow's limit.
     */
    void enter(String workflowId) {
        slots.acquireUninterruptibly();
        if (perWorkflowLimit > 0) {
            counter(workflowId).incrementAndGet();
        }
    }

    void leave(String workflowId) {
        if (perWorkflowLimit > 0) {
            counter(workflowId).decrementAndGet();
        }
        slots.release();
    }

    /** Whether every slot of the instance is taken (a worker then need not look for queued runs). */
    boolean full() {
        return slots.availablePermits() == 0;
    }

    /** The workflows at their own limit, which the queue workers pass over. */
    Set<String> busyWorkflows() {
        if (perWorkflowLimit <= 0) {
            return Set.of();
        }
        Set<String> busy = new HashSet<>();
        perWorkflow.forEach((id, n) -> {
            if (n.get() >= perWorkflowLimit) {
                busy.add(id);
            }
        });
        return busy;
    }

    private AtomicInteger counter(String workflowId) {
        return perWorkflow.computeIfAbsent(workflowId, k -> new AtomicInteger());
    }
}
