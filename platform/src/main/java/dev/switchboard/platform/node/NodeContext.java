package dev.switchboard.platform.node;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Everything a node sees while it runs: its input items, its parameters resolved per item, the
 * run's identity, a logger, and the services of the engine it may use.
 */
public interface NodeContext {

    /** The node's name in the workflow. */
    String nodeName();

    String workflowName();

    /** The node's {@code typeVersion}. */
    double typeVersion();

    /** How many inputs the node has. */
    int inputCount();

    /** The items on an input; empty when nothing arrived there. */
    List<Item> input(int index);

    /** Whether anything arrived on an input (false when the branch never ran). */
    boolean hasInput(int index);

    /** The items on input 0. */
    default List<Item> items() {
        return input(0);
    }

    /** How many times this node ran before in this run (0 the first time). */
    int runIndex();

    /**
     * A parameter resolved for one item: expressions evaluated, nested collections resolved, and the
     * node type's declared default when the workflow does not set it. Dot paths reach into
     * collections ({@code options.dotNotation}).
     */
    Object parameter(String path, int itemIndex);

    /**
     * Evaluates expression text for one item, as a parameter would be: {@code "={{ $json.a }}"}, or a
     * template without the leading {@code =} ({@code "Hi {{ $json.name }}"}) that a node reads from a
     * parameter of its own (the HTML node's template).
     */
    Object evaluate(String expression, int itemIndex);

    /** A parameter as the workflow stores it, without resolving expressions; null when absent. */
    Object rawParameter(String path);

    default Object parameter(String path, int itemIndex, Object fallback) {
        Object v = parameter(path, itemIndex);
        return v == null ? fallback : v;
    }

    default String string(String path, int itemIndex, String fallback) {
        Object v = parameter(path, itemIndex);
        return v == null ? fallback : v instanceof String s ? s : dev.switchboard.platform.json.Json.toText(v);
    }

    default boolean bool(String path, int itemIndex, boolean fallback) {
        Object v = parameter(path, itemIndex);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && !s.isEmpty()) {
            return Boolean.parseBoolean(s);
        }
        return fallback;
    }

    default double number(String path, int itemIndex, double fallback) {
        Object v = parameter(path, itemIndex);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new NodeException("Parameter \"" + path + "\" must be a number but is \"" + s + "\"", itemIndex);
            }
        }
        return fallback;
    }

    /** Whether the node is set to continue on failure (onError other than stopWorkflow). */
    boolean continueOnFail();

    /** State that persists across runs of this node within one run (the loop node keeps its batches here). */
    Map<String, Object> nodeState();

    NodeLogger log();

    /** The time zone of the workflow (its {@code settings.timezone}, else the instance default). */
    ZoneId zone();

    /**
     * The zone of the machine the engine runs on. n8n's older nodes (Date &amp; Time v1) read dates
     * without a zone in it; everything else uses {@link #zone()}.
     */
    ZoneId serverZone();

    /** The run's clock. */
    Instant now();

    /** The sandboxed JavaScript runner, bound to this node's data. */
    ScriptRunner scripts();

    /** Runs sub-workflows. */
    SubWorkflowRunner subWorkflows();

    /** The run's id and mode, the workflow id, for nodes that report them. */
    Map<String, Object> execution();

    /** Waits, as the engine's clock counts time (tests advance it without sleeping). */
    void sleep(long millis) throws InterruptedException;

    /**
     * The credential of a type that this node names in its {@code credentials} ({@code {"httpHeaderAuth":
     * {"id": "...", "name": "..."}}}), decrypted; empty when the node names none of that type. Its secret
     * values are masked from then on wherever the run writes text: log lines, errors, stored items.
     *
     * @throws NodeException when the node names one that cannot be had (missing, of another type, or no
     *                       vault in this run); the message names the credential, never a value
     */
    default java.util.Optional<NodeCredential> credential(String type) {
        return java.util.Optional.empty();
    }

    /**
     * Masks a value derived from a credential (an encoded header, a signed URL) like the credential's own
     * secrets: logs, errors and stored items of this run show {@code ***} instead.
     */
    default void treatAsSecret(String value) {
    }

    /**
     * Records the tokens a model call used; the step shows them with their estimated cost (the price table
     * an admin edits), summed per model.
     */
    default void recordModelUse(ModelUse use) {
    }

    /**
     * Puts one of this node's answers in front of a person (an "AI review" in the inbox) while the run goes
     * on. Asking twice for the same item of the same step makes one review.
     */
    default void sampleForReview(ReviewSample sample) {
    }

    /** Numbers this node remembers across runs of its workflow, per key (on a server, in MongoDB). */
    default NumberHistory history() {
        return NumberHistory.inMemory();
    }
}
