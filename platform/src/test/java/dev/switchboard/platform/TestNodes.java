package dev.switchboard.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.NodeTypes;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowJson;

/**
 * Minimal node types for testing the engine on its own: a trigger, a pass-through, a field setter,
 * a two-way branch, a two-input merge, a node that fails a given number of times, a wait and a loop.
 */
public final class TestNodes {

    /** Attempts per node name of the {@code fail} type, so tests can see retries. */
    public static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    private TestNodes() {
    }

    public static NodeTypes types() {
        return NodeTypes.of(List.of(TRIGGER, SCHEDULE, PASS, SET, BRANCH, MERGE, FAIL, WAIT, LOOP));
    }

    /** A node type that says it only computes ({@link NodeType#onlyComputes}), doing what {@code inner} does. */
    public static NodeType computing(NodeType inner) {
        return new NodeType() {
            @Override
            public dev.switchboard.platform.node.NodeDescriptor descriptor() {
                return inner.descriptor();
            }

            @Override
            public NodeResult execute(NodeContext context) throws Exception {
                return inner.execute(context);
            }

            @Override
            public boolean onlyComputes(double version, Map<String, Object> parameters) {
                return true;
            }
        };
    }

    /** Reads a workflow JSON written with single quotes (for readable tests). */
    public static Workflow workflow(String singleQuotedJson) {
        return WorkflowJson.read(singleQuotedJson.replace('\'', '"'));
    }

    private record Simple(NodeDescriptor descriptor, Body body) implements NodeType {
        @Override
        public NodeResult execute(NodeContext context) throws Exception {
            return body.run(context);
        }
    }

    @FunctionalInterface
    private interface Body {
        NodeResult run(NodeContext c) throws Exception;
    }

    public static final NodeType TRIGGER = new Simple(
            NodeDescriptor.builder("manualTrigger", "Trigger", NodeCategory.TRIGGER).build(),
            c -> NodeResult.of(c.items().isEmpty() ? List.of(Item.of(new LinkedHashMap<>())) : c.items()));

    static final NodeType SCHEDULE = new Simple(
            NodeDescriptor.builder("scheduleTrigger", "Schedule", NodeCategory.TRIGGER).versions(1.0, 1.1, 1.2).build(),
            c -> NodeResult.of(c.items()));

    public static final NodeType PASS = new Simple(
            NodeDescriptor.builder("noOp", "Pass", NodeCategory.FLOW).build(),
            c -> NodeResult.of(c.items()));

    /** Sets {@code field} to {@code value} (resolved per item). */
    public static final NodeType SET = new Simple(
            NodeDescriptor.builder("set", "Set", NodeCategory.TRANSFORM).versions(1.0, 2.0)
                    .parameters(ParameterSpec.required("field", "Field", ParameterType.STRING),
                            ParameterSpec.of("value", "Value", ParameterType.STRING, null))
                    .build(),
            c -> {
                List<Item> out = new ArrayList<>();
                for (int i = 0; i < c.items().size(); i++) {
                    Map<String, Object> json = c.items().get(i).jsonCopy();
                    json.put(c.string("field", i, "x"), c.parameter("value", i));
                    out.add(Item.of(json, i));
                }
                return NodeResult.of(out);
            });

    /** Items whose {@code condition} is true go to output 0, the others to output 1. */
    public static final NodeType BRANCH = new Simple(
            NodeDescriptor.builder("if", "Branch", NodeCategory.FLOW).outputs("true", "false")
                    .parameters(ParameterSpec.of("condition", "Condition", ParameterType.BOOLEAN, true)).build(),
            c -> {
                List<Item> yes = new ArrayList<>();
                List<Item> no = new ArrayList<>();
                for (int i = 0; i < c.items().size(); i++) {
                    (c.bool("condition", i, false) ? yes : no).add(c.items().get(i).withPairedItem(i));
                }
                return NodeResult.outputs(yes, no);
            });

    /** Appends input 2 to input 1. */
    static final NodeType MERGE = new Simple(
            NodeDescriptor.builder("merge", "Merge", NodeCategory.FLOW).inputs("1", "2").build(),
            c -> {
                List<Item> out = new ArrayList<>(c.input(0));
                out.addAll(c.input(1));
                return NodeResult.of(out);
            });

    /** Fails its first {@code failures} attempts (per node name), then passes its items on. */
    static final NodeType FAIL = new Simple(
            NodeDescriptor.builder("stopAndError", "Fail", NodeCategory.FLOW)
                    .parameters(ParameterSpec.of("failures", "Failures", ParameterType.NUMBER, 1_000)).build(),
            c -> {
                int attempt = ATTEMPTS.computeIfAbsent(c.nodeName(), k -> new AtomicInteger()).incrementAndGet();
                if (attempt <= c.number("failures", 0, 1_000)) {
                    throw new NodeException("planned failure " + attempt, 0);
                }
                return NodeResult.of(c.items());
            });

    /** Suspends the run for {@code seconds}. */
    static final NodeType WAIT = new Simple(
            NodeDescriptor.builder("wait", "Wait", NodeCategory.FLOW)
                    .parameters(ParameterSpec.of("seconds", "Seconds", ParameterType.NUMBER, 1)).build(),
            c -> {
                Instant at = c.now().plusSeconds((long) c.number("seconds", 0, 1));
                return new NodeResult.Suspend(at, "wait", List.of(c.items()));
            });

    /** Loop Over Items in miniature: output 0 "done" with everything, output 1 "loop" one item at a time. */
    static final NodeType LOOP = new Simple(
            NodeDescriptor.builder("splitInBatches", "Loop", NodeCategory.FLOW).versions(3.0).outputs("done", "loop").build(),
            c -> {
                Map<String, Object> state = c.nodeState();
                @SuppressWarnings("unchecked")
                List<Object> left = (List<Object>) state.get("left");
                @SuppressWarnings("unchecked")
                List<Object> done = (List<Object>) state.computeIfAbsent("done", k -> new ArrayList<>());
                if (left == null) {
                    left = new ArrayList<>();
                    for (Item i : c.items()) {
                        left.add(i.json());
                    }
                    state.put("left", left);
                } else {
                    for (Item i : c.items()) {
                        done.add(i.json());
                    }
                }
                if (left.isEmpty()) {
                    List<Item> all = new ArrayList<>();
                    for (Object o : done) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> m = (Map<String, Object>) o;
                        all.add(Item.of(m));
                    }
                    return NodeResult.outputs(all, List.of());
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) left.remove(0);
                return NodeResult.outputs(List.of(), List.of(Item.of(next)));
            });
}
