package dev.switchboard.platform.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.expression.ExpressionException;
import dev.switchboard.platform.expression.JavaScriptEngine;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.json.JsonObject;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.NodeTypes;
import dev.switchboard.platform.node.PairedItem;
import dev.switchboard.platform.node.SubWorkflowRunner;
import dev.switchboard.platform.workflow.OnError;
import dev.switchboard.platform.workflow.WorkflowNode;

/**
 * Executes one node once: pinned data, disabled nodes, nodes without items, {@code executeOnce},
 * retries, {@code onError}, {@code alwaysOutputData}, and lineage for items that do not name it.
 */
final class StepRunner {

    private final NodeTypes types;
    private final JavaScriptEngine js;

    StepRunner(NodeTypes types, JavaScriptEngine js) {
        this.types = types;
        this.js = js;
    }

    Step run(RunRequest request, RunState state, RunState.Pending entry, boolean isStart, SubWorkflowRunner subs) {
        WorkflowNode node = request.workflow().node(entry.node).orElseThrow();
        int runIndex = state.runCount(node.name());
        Instant started = request.clock().now();
        List<List<Item>> inputs = entry.inputs;
        List<String> logs = new ArrayList<>();
        state.charges.clear();
        if (node.disabled()) {
            List<List<Item>> outs = !inputs.isEmpty() && inputs.get(0) != null ? List.of(inputs.get(0)) : null;
            return step(state, node, runIndex, StepStatus.SKIPPED, started, request, 0, inputs, entry.sources, outs,
                    null, logs, null);
        }
        var pinned = request.usePinData() ? request.workflow().pinData().get(node.name()) : null;
        if (pinned != null) {
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < pinned.size(); i++) {
                items.add(Item.fromMap(Json.copy(pinned.get(i))).withPairedItem(i));
            }
            return step(state, node, runIndex, StepStatus.SUCCEEDED, started, request, 1, inputs, entry.sources,
                    List.of(items), null, logs, null);
        }
        NodeType type = types.find(node.type()).orElse(null);
        if (!isStart && allEmpty(inputs)) {
            List<List<Item>> outs = node.alwaysOutputData() ? List.of(List.of(Item.of(new LinkedHashMap<>()))) : null;
            return step(state, node, runIndex, outs == null ? StepStatus.SKIPPED : StepStatus.SUCCEEDED, started,
                    request, 0, inputs, entry.sources, outs, null, logs, null);
        }
        if (node.executeOnce()) {
            List<List<Item>> once = new ArrayList<>();
            for (List<Item> in : inputs) {
                once.add(in == null ? null : in.isEmpty() ? List.of() : List.of(in.get(0)));
            }
            inputs = once;
        }
        if (type == null) {
            StepError error = new StepError("unknown node type \"" + node.type() + "\"", node.name(), "type", -1, null);
            return failure(request, state, node, runIndex, started, 1, inputs, entry.sources, error, logs, 0);
        }
        int maxTries = node.retryOnFail() ? Math.min(5, Math.max(2, node.maxTries())) : 1;
        long wait = Math.min(5000, Math.max(0, node.waitBetweenTries()));
        int attempts = 0;
        StepError error = null;
        NodeResult result = null;
        while (attempts < maxTries) {
            attempts++;
            try (StepContext ctx = new StepContext(request, state, node, type.descriptor(), inputs, entry.sources,
                    runIndex, js, subs, logs)) {
                result = type.execute(ctx);
                error = null;
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = new StepError("the run was cancelled", node.name(), null, -1, null);
                break;
            } catch (Exception | StackOverflowError e) {
                error = toError(node, e);
                if (attempts < maxTries) {
                    logs.add("attempt " + attempts + " failed: " + error.message() + "; retrying in " + wait + " ms");
                    try {
                        request.clock().sleep(wait);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        }
        int regularOutputs = type.outputCount(node.typeVersion(), node.parameters());
        if (error != null) {
            return failure(request, state, node, runIndex, started, attempts, inputs, entry.sources, error, logs,
                    regularOutputs);
        }
        if (result == null) {
            return failure(request, state, node, runIndex, started, attempts, inputs, entry.sources,
                    new StepError("the node returned no result", node.name(), null, -1, null), logs, regularOutputs);
        }
        return switch (result) {
            case NodeResult.Suspend s -> {
                List<List<Item>> outs = normalize(s.outputsOnResume() == null ? List.of(inputs.isEmpty() || inputs.get(0) == null
                        ? List.of() : inputs.get(0)) : s.outputsOnResume(), inputs, regularOutputs, node);
                yield new Step(state.nextStepIndex, node.name(), runIndex, StepStatus.WAITING, started,
                        request.clock().now(), attempts, inputs, entry.sources, outs, null, List.copyOf(logs),
                        snapshot(state, node), s.resumeAt(), takeCharges(state));
            }
            case NodeResult.Outputs o -> {
                List<List<Item>> outs = normalize(o.outputs(), inputs, regularOutputs, node);
                if (node.onError() == OnError.CONTINUE_ERROR_OUTPUT) {
                    outs = routeErrorItems(outs, inputs, regularOutputs);
                }
                if (node.alwaysOutputData() && allEmpty(outs)) {
                    outs = new ArrayList<>(outs);
                    if (outs.isEmpty()) {
                        outs.add(List.of());
                    }
                    outs.set(0, List.of(new Item(new LinkedHashMap<>(), null, List.of(PairedItem.of(0)))));
                }
                yield step(state, node, runIndex, StepStatus.SUCCEEDED, started, request, attempts, inputs,
                        entry.sources, outs, null, logs, snapshot(state, node));
            }
        };
    }

    private Step failure(RunRequest request, RunState state, WorkflowNode node, int runIndex, Instant started,
            int attempts, List<List<Item>> inputs, List<SourceRef> sources, StepError error, List<String> logs,
            int regularOutputs) {
        List<List<Item>> outs = null;
        List<Item> first = inputs.isEmpty() || inputs.get(0) == null ? List.of() : inputs.get(0);
        if (node.onError() == OnError.CONTINUE_REGULAR_OUTPUT) {
            outs = new ArrayList<>();
            outs.add(first);
            for (int i = 1; i < regularOutputs; i++) {
                outs.add(List.of());
            }
        } else if (node.onError() == OnError.CONTINUE_ERROR_OUTPUT) {
            outs = new ArrayList<>();
            for (int i = 0; i < Math.max(1, regularOutputs); i++) {
                outs.add(List.of());
            }
            List<Item> errors = new ArrayList<>();
            for (int i = 0; i < Math.max(1, first.size()); i++) {
                Map<String, Object> json = i < first.size() ? first.get(i).jsonCopy() : new LinkedHashMap<>();
                json.put("error", error.message());
                errors.add(new Item(json, null, List.of(PairedItem.of(i))));
            }
            outs.add(errors);
        }
        return step(state, node, runIndex, StepStatus.FAILED, started, request, attempts, inputs, sources, outs, error,
                logs, snapshot(state, node));
    }

    private static Map<String, Object> snapshot(RunState state, WorkflowNode node) {
        Map<String, Object> s = state.nodeStates.get(node.name());
        return s == null ? null : Json.copy(s);
    }

    private static Step step(RunState state, WorkflowNode node, int runIndex, StepStatus status, Instant started,
            RunRequest request, int attempts, List<List<Item>> inputs, List<SourceRef> sources,
            List<List<Item>> outputs, StepError error, List<String> logs, Map<String, Object> nodeState) {
        return new Step(state.nextStepIndex, node.name(), runIndex, status, started, request.clock().now(), attempts,
                inputs, sources == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(sources)), outputs, error,
                List.copyOf(logs), nodeState, null, takeCharges(state));
    }

    private static List<ModelCharge> takeCharges(RunState state) {
        List<ModelCharge> taken = ModelCharge.copy(state.charges);
        state.charges.clear();
        return taken;
    }

    /** A step whose execution failed in the engine itself: recorded as failed, naming the node. */
    static Step crashed(RunRequest request, RunState state, RunState.Pending entry, RuntimeException e) {
        WorkflowNode node = request.workflow().node(entry.node).orElseThrow();
        StepError error = new StepError("the node could not be run: " + (e.getMessage() == null
                ? e.getClass().getSimpleName() : e.getMessage()), node.name(), null, -1, e.getClass().getSimpleName());
        return step(state, node, state.runCount(node.name()), StepStatus.FAILED, request.clock().now(), request, 1,
                entry.inputs, entry.sources, null, error, List.of(), null);
    }

    static boolean allEmpty(List<List<Item>> lists) {
        for (List<Item> l : lists) {
            if (l != null && !l.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Pads the outputs to the node's count and gives items without lineage the obvious one. */
    private static List<List<Item>> normalize(List<List<Item>> outputs, List<List<Item>> inputs, int count,
            WorkflowNode node) {
        List<List<Item>> outs = new ArrayList<>(outputs);
        int wanted = Math.max(count, outs.size());
        while (outs.size() < wanted) {
            outs.add(List.of());
        }
        List<Item> first = inputs.isEmpty() || inputs.get(0) == null ? List.of() : inputs.get(0);
        JsonObject.Builder compact = new JsonObject.Builder();
        for (int o = 0; o < outs.size(); o++) {
            List<Item> items = outs.get(o);
            if (items == null) {
                outs.set(o, List.of());
                continue;
            }
            List<Item> fixed = null;
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                Item stored = it;
                if (!(it.json() instanceof JsonObject)) {
                    stored = stored.withJson(compact.compact(it.json()));
                }
                if (stored.pairedItem().isEmpty()) {
                    if (first.size() == 1) {
                        stored = stored.withPairedItem(0);
                    } else if (items.size() == first.size()) {
                        stored = stored.withPairedItem(i);
                    }
                }
                if (stored != it && fixed == null) {
                    fixed = new ArrayList<>(items.subList(0, i));
                }
                if (fixed != null) {
                    fixed.add(stored);
                }
            }
            if (fixed != null) {
                outs.set(o, java.util.Collections.unmodifiableList(fixed));
            }
        }
        return outs;
    }

    /** n8n's error output: items whose json is only {@code error} (and {@code message}) move to the last output. */
    private static List<List<Item>> routeErrorItems(List<List<Item>> outs, List<List<Item>> inputs, int regular) {
        List<List<Item>> result = new ArrayList<>();
        List<Item> errors = new ArrayList<>();
        for (int o = 0; o < regular; o++) {
            List<Item> ok = new ArrayList<>();
            List<Item> items = o < outs.size() ? outs.get(o) : List.of();
            for (Item it : items) {
                Map<String, Object> json = it.json();
                boolean isError = json.containsKey("error")
                        && (json.size() == 1 || json.size() == 2 && json.containsKey("message"));
                if (isError) {
                    Map<String, Object> merged = new LinkedHashMap<>();
                    if (!it.pairedItem().isEmpty()) {
                        PairedItem p = it.pairedItem().get(0);
                        List<Item> source = p.input() < inputs.size() && inputs.get(p.input()) != null
                                ? inputs.get(p.input()) : List.of();
                        if (p.item() >= 0 && p.item() < source.size()) {
                            merged.putAll(source.get(p.item()).jsonCopy());
                        }
                    }
                    merged.putAll(json);
                    errors.add(it.withJson(merged));
                } else {
                    ok.add(it);
                }
            }
            result.add(ok);
        }
        result.add(errors);
        return result;
    }

    static StepError toError(WorkflowNode node, Throwable e) {
        if (e instanceof ParameterException pe) {
            return new StepError(pe.getMessage(), node.name(), pe.parameter(), pe.itemIndex(), pe.description());
        }
        if (e instanceof NodeException ne) {
            return new StepError(messageOf(ne), node.name(), null, ne.itemIndex(), ne.description());
        }
        if (e instanceof ExpressionException ee) {
            return new StepError(ee.getMessage(), node.name(), null, -1, null);
        }
        if (e instanceof StackOverflowError) {
            return new StepError("the node recursed too deeply", node.name(), null, -1, null);
        }
        return new StepError(messageOf(e), node.name(), null, -1, e.getClass().getSimpleName());
    }

    private static String messageOf(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
