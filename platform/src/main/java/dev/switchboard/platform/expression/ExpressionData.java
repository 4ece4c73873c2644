package dev.switchboard.platform.expression;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeLogger;

/**
 * The data an expression or script sees: the current node's input, the outputs of the nodes that
 * ran before it, lineage, and the run's identity. The executor implements it.
 */
public interface ExpressionData {

    /** The name of the node whose parameters are evaluated. */
    String nodeName();

    /** The items of the node's first input ({@code $input}). */
    List<Item> input();

    /** The items of another input of the node (Merge-like nodes), empty when none arrived. */
    default List<Item> input(int index) {
        return index == 0 ? input() : List.of();
    }

    /** Which item is current ({@code $itemIndex}). */
    int itemIndex();

    /** How many times the node ran before in this run ({@code $runIndex}). */
    int runIndex();

    /**
     * The items a node produced on an output in a run; {@code runIndex} -1 means its latest run.
     * Null when the node has not run.
     */
    List<Item> nodeOutput(String node, int outputIndex, int runIndex);

    /** Whether a node with that name exists in the workflow. */
    boolean nodeExists(String node);

    /** The item of {@code node} from which the item at {@code itemIndex} of the current input derives. */
    Item pairedItem(String node, int itemIndex);

    /** The current node's parameters as stored ({@code $parameter}). */
    Map<String, Object> parameters();

    /** Another node's parameters as stored ({@code $('X').params}). */
    Map<String, Object> parameters(String node);

    /** The state a node keeps across its runs ({@code $node["X"].context}); none unless a run keeps it. */
    default Map<String, Object> nodeState(String node) {
        return Map.of();
    }

    /** {@code {"id", "name", "active"}} */
    Map<String, Object> workflow();

    /** {@code {"id", "mode", "resumeUrl"}} */
    Map<String, Object> execution();

    /** Workflow variables ({@code $vars}); none by default. */
    default Map<String, Object> vars() {
        return Map.of();
    }

    /** {@code {"name", "outputIndex", "runIndex"}} of the node that fed the current input, or empty. */
    default Map<String, Object> previousNode() {
        return Map.of();
    }

    ZoneId zone();

    Instant now();

    /** Where {@code console.log} writes; nowhere by default. */
    default NodeLogger log() {
        return NodeLogger.NONE;
    }
}
