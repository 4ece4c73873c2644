package dev.switchboard.platform.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.expression.JavaScriptEngine;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.NodeTypes;
import dev.switchboard.platform.workflow.WorkflowNode;

/**
 * Rolls a run back: the compensations of its steps that succeeded, newest first, each journaled as a
 * step of its own (its node state says {@code compensates: <index of the forward step>}) with
 * retries. A compensation that keeps failing does not stop the others; the run ends rolled back when all
 * succeeded, else needs attention, with every failure named. A step whose compensation already
 * succeeded (in an earlier, interrupted rollback) is not undone twice.
 */
public final class Compensator {

    /** The key, in a compensation step's node state, of the forward step it undoes. */
    public static final String COMPENSATES = "compensates";
    static final int ATTEMPTS = 3;
    static final long WAIT_MILLIS = 1_000;

    private final NodeTypes types;
    private final JavaScriptEngine js;

    public Compensator(NodeTypes types, JavaScriptEngine js) {
        this.types = types;
        this.js = js;
    }

    /** How a rollback ended, and the compensation steps it journaled. */
    public record Outcome(RunStatus status, StepError error, List<Step> steps) {
    }

    /** Whether a journaled step is a compensation (rather than a forward step). */
    public static boolean isCompensation(Step step) {
        return step.nodeState() != null && step.nodeState().containsKey(COMPENSATES);
    }

    /** The forward steps of {@code journaled} that a rollback would undo, newest first. */
    public List<Step> compensable(RunRequest request, List<Step> journaled) {
        List<Integer> undone = new ArrayList<>();
        for (Step s : journaled) {
            if (isCompensation(s) && s.status() == StepStatus.SUCCEEDED && s.nodeState().get(COMPENSATES) instanceof Number n) {
                undone.add(n.intValue());
            }
        }
        List<Step> out = new ArrayList<>();
        for (Step s : journaled) {
            if (s.status() != StepStatus.SUCCEEDED || isCompensation(s) || undone.contains(s.index())) {
                continue;
            }
            WorkflowNode node = request.workflow().node(s.node()).orElse(null);
            NodeType type = node == null ? null : types.find(node.type()).orElse(null);
            if (type == null || node.disabled() || !type.compensates(node.typeVersion(), node.parameters())) {
                continue;
            }
            if (request.usePinData() && request.workflow().pinData().containsKey(node.name())) {
                continue; // pinned data stood in for it: nothing was done
            }
            out.add(s);
        }
        out.sort(Comparator.comparingInt(Step::index).reversed());
        return out;
    }

    /** Runs the compensations and records the run's end ({@code journal.statusChanged}). */
    public Outcome rollBack(RunRequest request, List<Step> journaled, RunJournal journal) {
        RunState state = new RunState(request.workflow());
        int next = 0;
        for (Step s : journaled) {
            state.record(s);
            next = Math.max(next, s.index() + 1);
        }
        List<Step> written = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Step forward : compensable(request, journaled)) {
            WorkflowNode node = request.workflow().node(forward.node()).orElseThrow();
            NodeType type = types.find(node.type()).orElseThrow();
            List<Item> items = items(forward);
            List<String> logs = new ArrayList<>();
            Instant started = request.clock().now();
            StepError error = null;
            NodeResult result = null;
            int attempts = 0;
            while (attempts < ATTEMPTS) {
                attempts++;
                try (StepContext ctx = new StepContext(request, state, node, type.descriptor(), List.of(items), List.of(),
                        forward.runIndex(), js, null, logs)) {
                    result = type.compensate(ctx);
                    error = null;
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    error = new StepError("the rollback was interrupted", node.name(), null, -1, null);
                    break;
                } catch (Exception e) {
                    error = StepRunner.toError(node, e);
                    if (attempts < ATTEMPTS) {
                        logs.add("undo attempt " + attempts + " failed: " + error.message() + "; retrying in "
                                + WAIT_MILLIS + " ms");
                        try {
                            request.clock().sleep(WAIT_MILLIS);
                        } catch (InterruptedException ie) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                }
            }
            List<List<Item>> outputs = result instanceof NodeResult.Outputs o ? o.outputs() : null;
            Map<String, Object> marker = new LinkedHashMap<>();
            marker.put(COMPENSATES, forward.index());
            Step step = state.secrets.redact(new Step(next++, node.name(), forward.runIndex(),
                    error == null ? StepStatus.SUCCEEDED : StepStatus.FAILED, started, request.clock().now(), attempts,
                    List.of(items), List.of(), outputs, error, List.copyOf(logs), marker, null));
            journal.stepFinished(request.runId(), step);
            written.add(step);
            if (error != null) {
                failures.add("undoing \"" + node.name() + "\" failed after " + attempts + " attempts: " + error.message());
            }
        }
        RunStatus status = failures.isEmpty() ? RunStatus.ROLLED_BACK : RunStatus.NEEDS_ATTENTION;
        StepError error = failures.isEmpty() ? null
                : new StepError(String.join("; ", failures), null, null, -1, "the run needs attention: "
                        + failures.size() + " of its changes could not be undone");
        journal.statusChanged(request.runId(), status, error);
        return new Outcome(status, error, written);
    }

    /** {@code {"output", "input"}} for each item the forward step put out (on any output). */
    static List<Item> items(Step forward) {
        List<Item> inputs = forward.inputs() == null || forward.inputs().isEmpty() || forward.inputs().get(0) == null
                ? List.of() : forward.inputs().get(0);
        List<Item> out = new ArrayList<>();
        if (forward.outputs() != null) {
            for (List<Item> port : forward.outputs()) {
                if (port == null) {
                    continue;
                }
                for (Item item : port) {
                    int from = item.pairedItem() == null || item.pairedItem().isEmpty() ? out.size()
                            : item.pairedItem().get(0).item();
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("output", item.json());
                    json.put("input", from < inputs.size() ? inputs.get(from).json() : Map.of());
                    out.add(Item.of(json, out.size()));
                }
            }
        }
        return out;
    }
}
