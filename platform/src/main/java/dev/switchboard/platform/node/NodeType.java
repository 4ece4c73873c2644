package dev.switchboard.platform.node;

import java.util.Map;

/**
 * A kind of node. Implementations are stateless and found with {@link java.util.ServiceLoader}
 * (list them in {@code META-INF/services/dev.switchboard.platform.node.NodeType}).
 */
public interface NodeType {

    NodeDescriptor descriptor();

    /** Runs the node over its input items. */
    NodeResult execute(NodeContext context) throws Exception;

    /**
     * How many outputs a node of this type has, given its parameters, when they decide it (Switch's
     * rules, Compare Datasets' four branches); the descriptor's outputs otherwise.
     */
    default int outputCount(double version, Map<String, Object> parameters) {
        return descriptor().outputs().size();
    }

    /**
     * The labels of the outputs, one per {@link #outputCount}: the descriptor's when its outputs are all there is,
     * else none (empty: the editor numbers them). A node whose parameters make its outputs names them here
     * (AI Classify: its categories, then "low confidence").
     */
    default java.util.List<String> outputLabels(double version, Map<String, Object> parameters) {
        var declared = descriptor().outputs();
        return outputCount(version, parameters) == declared.size()
                ? declared.stream().map(Port::label).toList() : java.util.List.of();
    }

    /** How many inputs; the descriptor's inputs unless parameters decide it (Merge v3's number of inputs). */
    default int inputCount(double version, Map<String, Object> parameters) {
        return descriptor().inputs().size();
    }

    /** Whether the engine should wait for every input before running (Merge, Compare Datasets). */
    default boolean waitsForAllInputs() {
        return inputCount(descriptor().latestVersion(), Map.of()) > 1;
    }

    /**
     * Whether a succeeded step of a node with these parameters has something to undo; the engine then
     * keeps its compensation (only for steps that succeeded) and runs it when the run is rolled back.
     */
    default boolean compensates(double version, Map<String, Object> parameters) {
        return false;
    }

    /**
     * Undoes what a succeeded step did. Each item of the context is {@code {"output": <an item the step put
     * out>, "input": <the item it came from>}}, so that parameters (expressions) reach both. Throws when the
     * undo failed; the engine retries it and, when it keeps failing, marks the run as needing attention.
     */
    default NodeResult compensate(NodeContext context) throws Exception {
        throw new NodeException(descriptor().displayName() + " cannot be undone");
    }

    /**
     * Whether a node of this type with these parameters only computes its outputs from its inputs and
     * parameters: it calls, sends, stores, waits for and answers nothing outside the run. The engine then
     * runs it while the steps before it are still on their way to the store (a crash before they are
     * stored runs it again, and nobody outside saw its result); any other node begins only once every step
     * before it is stored. False unless a type says so.
     */
    default boolean onlyComputes(double version, Map<String, Object> parameters) {
        return false;
    }

    /**
     * What a node of this type with these parameters may do to the outside world (see the descriptor's
     * risk tags); a type whose risk depends on its parameters (an HTTP GET writes nothing) says so here.
     */
    default java.util.Set<String> riskTags(double version, Map<String, Object> parameters) {
        return descriptor().riskTags();
    }
}
