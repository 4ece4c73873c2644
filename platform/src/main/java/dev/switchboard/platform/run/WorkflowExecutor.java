package dev.switchboard.platform.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.platform.expression.JavaScriptEngine;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.NodeTypes;
import dev.switchboard.platform.node.SubWorkflowRunner;
import dev.switchboard.platform.workflow.Connection;
import dev.switchboard.platform.workflow.ConnectionTarget;
import dev.switchboard.platform.workflow.OnError;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowNode;

/**
 * Runs workflows in n8n's order. In the default ({@code v1}) order a node's children are taken top
 * to bottom, then left to right, by canvas position, and each branch completes before the next
 * starts; a node with several connected inputs waits until each has data, or until nothing else is
 * left to run. The legacy {@code v0} order runs breadth first and starts the parents of a
 * multi-input node that would otherwise never run. Each finished step goes to the journal before
 * the next begins; a run whose journal already has steps resumes after the last of them.
 */
public final class WorkflowExecutor {

    /** How deep sub-workflows may call each other. */
    static final int MAX_SUB_WORKFLOW_DEPTH = 20;
    private static final String SUB_FAILED = "the sub-workflow ";

    private final NodeTypes types;
    private final StepRunner steps;
    private final JavaScriptEngine js;

    public WorkflowExecutor(NodeTypes types, JavaScriptEngine js) {
        this.types = types;
        this.js = js;
        this.steps = new StepRunner(types, js);
    }

    public NodeTypes types() {
        return types;
    }

    /** Runs (or resumes, when the journal holds steps of this run) until it finishes or waits. */
    public RunResult execute(RunRequest request, RunJournal journal) {
        Workflow workflow = request.workflow();
        RunState state = new RunState(workflow);
        List<Step> replay = resumable(journal.steps(request.runId()));
        String start;
        try {
            start = startNode(request);
        } catch (NodeException e) {
            StepError error = new StepError(e.getMessage(), null, null, -1, null);
            journal.statusChanged(request.runId(), RunStatus.FAILED, error);
            return new RunResult(request.runId(), RunStatus.FAILED, error, state.runData, null, null);
        }
        RunState.Pending first = new RunState.Pending(start, 1);
        first.inputs.set(0, request.startItems().isEmpty() ? List.of(Item.of(new LinkedHashMap<>())) : request.startItems());
        state.stack.add(first);
        journal.statusChanged(request.runId(), RunStatus.RUNNING, null);
        Instant deadline = workflow.executionTimeoutSeconds()
                .map(s -> request.clock().now().plusSeconds(s)).orElse(null);
        SubWorkflowRunner subs = subWorkflowRunner(request);
        boolean legacy = workflow.legacyExecutionOrder();
        while (true) {
            if (state.stack.isEmpty() && !promoteWaiting(state)) {
                break;
            }
            RunState.Pending entry = state.stack.pollFirst();
            if (Thread.currentThread().isInterrupted()) {
                return finish(request, journal, state, RunStatus.CANCELLED,
                        new StepError("the run was cancelled", entry.node, null, -1, null));
            }
            if (deadline != null && request.clock().now().isAfter(deadline)) {
                return finish(request, journal, state, RunStatus.FAILED, new StepError(
                        "the run exceeded the workflow's execution timeout of "
                                + workflow.executionTimeoutSeconds().orElse(0L) + " s",
                        entry.node, "settings.executionTimeout", -1, null));
            }
            Step step;
            if (state.nextStepIndex < replay.size()) {
                step = replay.get(state.nextStepIndex);
                if (!step.node().equals(entry.node)) {
                    return finish(request, journal, state, RunStatus.FAILED, new StepError(
                            "cannot resume: the journal's step " + step.index() + " ran \"" + step.node()
                                    + "\" but the workflow now runs \"" + entry.node + "\" there",
                            entry.node, null, -1, null));
                }
                // a replayed waiting step is handled below like a new one: it goes on only when due
            } else {
                try {
                    if (!onlyComputes(workflow, entry.node)) {
                        // a node that acts on the outside world begins once every step before it is stored
                        journal.awaitWritten();
                    }
                    step = steps.run(request, state, entry, entry == first, subs);
                } catch (RuntimeException e) {
                    step = StepRunner.crashed(request, state, entry, e);
                }
                step = state.secrets.redact(step);
                journal.stepFinished(request.runId(), step);
            }
            state.record(step);
            if (step.status() == StepStatus.WAITING && !due(step, request)) {
                RunResult paused = waitOrSuspend(request, journal, state, step);
                if (paused != null) {
                    return paused;
                }
                step = state.runData.get(step.node()).get(state.runData.get(step.node()).size() - 1);
            } else if (step.status() == StepStatus.WAITING) {
                step = step.withStatus(StepStatus.SUCCEEDED, step.outputs(), request.clock().now());
                journal.stepFinished(request.runId(), step);
                List<Step> nodeSteps = state.runData.get(step.node());
                nodeSteps.set(nodeSteps.size() - 1, step);
            }
            WorkflowNode node = workflow.node(step.node()).orElseThrow();
            if (step.status() == StepStatus.FAILED && node.onError() == OnError.STOP_WORKFLOW) {
                return finish(request, journal, state, RunStatus.FAILED, step.error());
            }
            if (step.node().equals(request.destinationNode())) {
                break;
            }
            schedule(state, node, step, legacy);
        }
        return finish(request, journal, state, RunStatus.SUCCEEDED, null);
    }

    /** Whether the node only computes its output (or is disabled and passes its input on): see {@link NodeType#onlyComputes}. */
    private boolean onlyComputes(Workflow workflow, String nodeName) {
        WorkflowNode node = workflow.node(nodeName).orElse(null);
        if (node == null) {
            return false;
        }
        if (node.disabled()) {
            return true;
        }
        NodeType type = types.find(node.type()).orElse(null);
        return type != null && type.onlyComputes(node.typeVersion(), node.parameters());
    }

    /**
     * The steps a run resumes from: those numbered 0, 1, 2, … without a gap. Steps of nodes that only compute
     * travel to the store together and could land out of order (a crash in the middle of one bulk write); a step
     * after a gap is then run again, and its new record replaces the old.
     */
    private static List<Step> resumable(List<Step> stored) {
        for (int i = 0; i < stored.size(); i++) {
            if (stored.get(i).index() != i) {
                return stored.subList(0, i);
            }
        }
        return stored;
    }

    private static boolean due(Step waiting, RunRequest request) {
        return waiting.resumeAt() != null && !request.clock().now().isBefore(waiting.resumeAt());
    }

    /**
     * A step waits: sleep through a short wait and finish the step (returns null: go on), or suspend
     * the run (returns the waiting result) for a long one or one that something else must resume.
     */
    private RunResult waitOrSuspend(RunRequest request, RunJournal journal, RunState state, Step step) {
        long waitMillis = step.resumeAt() == null ? Long.MAX_VALUE
                : step.resumeAt().toEpochMilli() - request.clock().now().toEpochMilli();
        if (step.resumeAt() == null || waitMillis > request.inlineWaitMillis()) {
            journal.statusChanged(request.runId(), RunStatus.WAITING, null);
            return new RunResult(request.runId(), RunStatus.WAITING, null, copy(state.runData), step.node(),
                    step.resumeAt());
        }
        try {
            request.clock().sleep(Math.max(0, waitMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return finish(request, journal, state, RunStatus.CANCELLED,
                    new StepError("the run was cancelled", step.node(), null, -1, null));
        }
        Step done = step.withStatus(StepStatus.SUCCEEDED, step.outputs(), request.clock().now());
        journal.stepFinished(request.runId(), done);
        List<Step> nodeSteps = state.runData.get(step.node());
        nodeSteps.set(nodeSteps.size() - 1, done);
        return null;
    }

    private RunResult finish(RunRequest request, RunJournal journal, RunState state, RunStatus status, StepError error) {
        journal.statusChanged(request.runId(), status, error);
        return new RunResult(request.runId(), status, error, copy(state.runData), state.lastNode, null);
    }

    private static Map<String, List<Step>> copy(Map<String, List<Step>> runData) {
        Map<String, List<Step>> out = new LinkedHashMap<>();
        runData.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }

    /** The trigger a run starts from: the one asked for, else the manual trigger, else the only trigger. */
    String startNode(RunRequest request) {
        Workflow w = request.workflow();
        if (request.startNode() != null) {
            if (w.node(request.startNode()).isEmpty()) {
                throw new NodeException("the workflow has no node \"" + request.startNode() + "\" to start from");
            }
            return request.startNode();
        }
        List<WorkflowNode> triggers = new ArrayList<>();
        for (String preferred : List.of("switchboard.manualTrigger", "switchboard.start", "switchboard.executeWorkflowTrigger")) {
            for (WorkflowNode n : w.nodes()) {
                NodeType t = types.find(n.type()).orElse(null);
                if (t != null && t.descriptor().type().equals(preferred) && !n.disabled()) {
                    return n.name();
                }
            }
        }
        for (WorkflowNode n : w.nodes()) {
            NodeType t = types.find(n.type()).orElse(null);
            if (t != null && t.descriptor().isTrigger() && !n.disabled()) {
                triggers.add(n);
            }
        }
        if (triggers.size() == 1) {
            return triggers.get(0).name();
        }
        throw new NodeException(triggers.isEmpty()
                ? "the workflow has no trigger to start from (add a Manual Trigger)"
                : "the workflow has several triggers; name the one to start from");
    }

    /** v1: when nothing else can run, a node still waiting for an input runs with what it has. */
    private static boolean promoteWaiting(RunState state) {
        for (var it = state.waiting.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            List<RunState.Pending> entries = e.getValue();
            if (entries.isEmpty()) {
                it.remove();
                continue;
            }
            RunState.Pending p = entries.remove(0);
            if (entries.isEmpty()) {
                it.remove();
            }
            for (int i = 0; i < p.inputs.size(); i++) {
                if (p.inputs.get(i) == null) {
                    p.inputs.set(i, List.of());
                }
            }
            state.stack.addFirst(p);
            return true;
        }
        return false;
    }

    private record Child(ConnectionTarget target, int outputIndex, double x, double y) {
    }

    private void schedule(RunState state, WorkflowNode node, Step step, boolean legacy) {
        List<List<Item>> outputs = step.outputs();
        if (outputs == null) {
            return;
        }
        List<List<ConnectionTarget>> connected = state.workflow.connections().mainOutputs(node.name());
        List<Child> children = new ArrayList<>();
        for (int o = 0; o < connected.size(); o++) {
            if (o >= outputs.size() || outputs.get(o) == null) {
                continue;
            }
            for (ConnectionTarget t : connected.get(o)) {
                var target = state.workflow.node(t.node());
                if (target.isEmpty()) {
                    continue;
                }
                boolean hasItems = !outputs.get(o).isEmpty();
                if (hasItems || (legacy && t.index() > 0)) {
                    children.add(new Child(t, o, target.get().x(), target.get().y()));
                }
            }
        }
        if (!legacy) {
            // n8n adds bottom-right first and puts each at the front: top-left ends up running first
            children.sort(Comparator.comparingDouble(Child::y).reversed().thenComparing(
                    Comparator.comparingDouble(Child::x).reversed()));
        }
        for (Child c : children) {
            addToRun(state, c.target(), c.outputIndex(), node.name(), outputs.get(c.outputIndex()), step.runIndex(), legacy);
        }
    }

    private void addToRun(RunState state, ConnectionTarget target, int outputIndex, String parent, List<Item> data,
            int parentRun, boolean legacy) {
        String name = target.node();
        int slots = state.inputSlots(name);
        SourceRef source = new SourceRef(parent, outputIndex, parentRun);
        if (slots > 1) {
            boolean wasWaiting = state.waiting.containsKey(name);
            List<RunState.Pending> entries = state.waiting.computeIfAbsent(name, k -> new ArrayList<>());
            RunState.Pending entry = null;
            for (RunState.Pending p : entries) {
                if (target.index() < p.inputs.size() && p.inputs.get(target.index()) == null) {
                    entry = p;
                    break;
                }
            }
            if (entry == null) {
                entry = new RunState.Pending(name, slots);
                entries.add(entry);
            }
            if (target.index() < slots) {
                entry.inputs.set(target.index(), data);
                entry.sources.set(target.index(), source);
            }
            if (entry.complete()) {
                entries.remove(entry);
                if (entries.isEmpty()) {
                    state.waiting.remove(name);
                }
                enqueue(state, entry, legacy);
            } else if (legacy && !wasWaiting) {
                forceParents(state, name, parent);
            }
            return;
        }
        RunState.Pending p = new RunState.Pending(name, target.index() + 1);
        p.inputs.set(target.index(), data);
        p.sources.set(target.index(), source);
        enqueue(state, p, legacy);
    }

    private static void enqueue(RunState state, RunState.Pending p, boolean legacy) {
        if (legacy) {
            state.stack.addLast(p);
        } else {
            state.stack.addFirst(p);
        }
    }

    /**
     * v0: a multi-input node got data on one input; start the root of each other input's branch that
     * has not run and is not due, so that the node eventually gets all its inputs.
     */
    private void forceParents(RunState state, String node, String parent) {
        Workflow w = state.workflow;
        Set<String> siblings = new HashSet<>();
        for (var targets : w.connections().mainOutputs(parent)) {
            for (ConnectionTarget t : targets) {
                siblings.add(t.node());
            }
        }
        for (Connection in : w.connections().mainInto(node)) {
            String input = in.source();
            if (input.equals(parent) || siblings.contains(input) || state.queuedOrRan(input)) {
                continue;
            }
            List<String> chain = ancestors(w, input);
            String toAdd = input;
            boolean skip = false;
            for (String a : chain) {
                if (siblings.contains(a) || state.queuedOrRan(a)) {
                    skip = true;
                    break;
                }
                if (w.connections().mainInto(a).isEmpty()) {
                    toAdd = a;
                }
            }
            if (skip) {
                continue;
            }
            RunState.Pending p = new RunState.Pending(toAdd, 1);
            p.inputs.set(0, List.of(Item.of(new LinkedHashMap<>())));
            state.stack.addFirst(p);
        }
    }

    private static List<String> ancestors(Workflow w, String node) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> frontier = new ArrayList<>(List.of(node));
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String n : frontier) {
                for (Connection c : w.connections().mainInto(n)) {
                    if (seen.add(c.source())) {
                        out.add(c.source());
                        next.add(c.source());
                    }
                }
            }
            frontier = next;
        }
        Collections.reverse(out);
        return out;
    }

    private SubWorkflowRunner subWorkflowRunner(RunRequest request) {
        AtomicInteger counter = new AtomicInteger();
        return (source, reference, items) -> {
            int depth = request.runId().split("/sub-", -1).length - 1;
            if (depth >= MAX_SUB_WORKFLOW_DEPTH) {
                throw new NodeException("sub-workflows call each other more than " + MAX_SUB_WORKFLOW_DEPTH
                        + " levels deep; is a workflow calling itself?");
            }
            Workflow sub = source == SubWorkflowRunner.Source.PARAMETER
                    ? SubWorkflowLoader.inline(reference)
                    : request.subWorkflows().load(source, reference);
            RunRequest subRequest = RunRequest.builder(request.runId() + "/sub-" + counter.incrementAndGet(), sub)
                    .startItems(items).usePinData(false).mode("integrated").clock(request.clock())
                    .defaultZone(request.defaultZone()).serverZone(request.serverZone()).vars(request.vars())
                    .subWorkflows(request.subWorkflows()).inlineWaitMillis(request.inlineWaitMillis())
                    .publicUrl(request.publicUrl()).credentials(request.credentials()).build();
            RunResult result = execute(subRequest, new InMemoryRunJournal());
            if (result.status() != RunStatus.SUCCEEDED) {
                String why = result.status() == RunStatus.WAITING
                        ? "it waits at node \"" + result.lastNode() + "\", and a calling workflow cannot wait for it"
                        : result.error() == null ? result.status().label() : result.error().describe();
                if (result.error() != null && result.error().message().startsWith(SUB_FAILED)) {
                    throw new NodeException(result.error().message());
                }
                throw new NodeException(SUB_FAILED + "\"" + (sub.name() == null ? reference : sub.name()) + "\" did not succeed: " + why);
            }
            return result.lastNodeOutput();
        };
    }
}
