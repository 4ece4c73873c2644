package dev.switchboard.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.NodeTypes;
import dev.switchboard.platform.workflow.Connection;
import dev.switchboard.platform.workflow.Connections;
import dev.switchboard.platform.workflow.OnError;
import dev.switchboard.platform.workflow.WorkflowJson;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowNode;

/**
 * What the canvas draws, as it travels to the browser: the nodes with their ports and what the last
 * run or the validator said about them, and the connections by node id.
 *
 * @param version grows with every graph sent, so that the browser sees each one as new
 */
public record CanvasGraph(List<Node> nodes, List<Edge> edges, boolean readOnly, long version) {

    public CanvasGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * A node as drawn.
     *
     * @param label  the node type's display name
     * @param status the step status of the last run ({@code success}, {@code error}, {@code waiting}) or null
     * @param items  the item counts of the last run, e.g. "2 items", or null
     * @param json   the node as n8n JSON, for copying to the clipboard
     */
    public record Node(String id, String name, String type, String label, double x, double y, List<String> inputs,
            List<String> outputs, boolean disabled, boolean sticky, String content, Double width, Double height,
            String status, String items, List<String> problems, Map<String, Object> json) {
    }

    /** A connection from a node's output to another node's input (by node id). */
    public record Edge(String source, int output, String target, int input) {
    }

    /**
     * What is known about a node besides the workflow: the last run's outcome and the validator's findings
     * (a failed step's message and item come first).
     */
    public record Marks(String status, String items, List<String> problems) {
        public static final Marks NONE = new Marks(null, null, List.of());

        /** The marks of a node's last step: its status and how many items it put out. */
        public static Marks of(dev.switchboard.platform.run.Step step, List<String> problems) {
            if (step == null) {
                return new Marks(null, null, problems);
            }
            String status = switch (step.status()) {
                case SUCCEEDED -> "success";
                case FAILED -> "error";
                case WAITING -> "waiting";
                case SKIPPED -> null;
            };
            if (status == null) {
                return new Marks(null, null, problems);
            }
            int count = 0;
            if (step.outputs() != null) {
                for (var out : step.outputs()) {
                    count += out == null ? 0 : out.size();
                }
            }
            List<String> shown = problems;
            if (step.error() != null) {
                shown = new ArrayList<>(problems);
                shown.add(0, step.error().message() + (step.error().itemIndex() >= 0 ? " (item " + step.error().itemIndex() + ")" : ""));
            }
            return new Marks(status, count + (count == 1 ? " item" : " items"), shown);
        }
    }

    public static CanvasGraph empty() {
        return new CanvasGraph(List.of(), List.of(), false, 0);
    }

    /** The graph of a workflow, each node marked as {@code marks} says (by node name). */
    public static CanvasGraph of(Workflow workflow, NodeTypes types, Map<String, Marks> marks, boolean readOnly,
            long version) {
        List<Node> nodes = new ArrayList<>();
        Map<String, String> idOf = new java.util.HashMap<>();
        for (WorkflowNode n : workflow.nodes()) {
            idOf.put(n.name(), n.id());
            NodeType type = types.find(n.type()).orElse(null);
            NodeDescriptor d = type == null ? null : type.descriptor();
            boolean sticky = d != null && d.category() == NodeCategory.CANVAS;
            Marks m = marks.getOrDefault(n.name(), Marks.NONE);
            List<String> problems = new ArrayList<>(m.problems());
            if (d == null) {
                problems.add(0, "unknown node type " + n.type());
            }
            nodes.add(new Node(n.id(), n.name(), n.type(), d == null ? n.type() : d.displayName(), n.x(), n.y(),
                    sticky ? List.of() : inputs(type, n), sticky ? List.of() : outputs(type, n), n.disabled(), sticky,
                    sticky ? text(n.parameters().get("content")) : null,
                    sticky ? number(n.parameters().get("width")) : null,
                    sticky ? number(n.parameters().get("height")) : null,
                    m.status(), m.items(), problems, WorkflowJson.nodeToMap(n)));
        }
        List<Edge> edges = new ArrayList<>();
        for (Connection c : workflow.connections().all()) {
            String source = idOf.get(c.source());
            String target = idOf.get(c.target());
            if (source != null && target != null && c.type().equals(Connections.MAIN)) {
                edges.add(new Edge(source, c.outputIndex(), target, c.inputIndex()));
            }
        }
        return new CanvasGraph(nodes, edges, readOnly, version);
    }

    /** The input labels: one per input the node takes (a node of unknown type gets one). */
    static List<String> inputs(NodeType type, WorkflowNode n) {
        if (type == null) {
            return List.of("");
        }
        int count = type.inputCount(n.typeVersion(), n.parameters());
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var declared = type.descriptor().inputs();
            labels.add(i < declared.size() ? declared.get(i).label() : "input " + (i + 1));
        }
        return labels;
    }

    /** The output labels: as declared, "output N" past the declared ones (a switch's rules), then "error" when errors get their own output. */
    static List<String> outputs(NodeType type, WorkflowNode n) {
        List<String> labels = new ArrayList<>();
        if (type == null) {
            labels.add("");
        } else {
            int count = type.outputCount(n.typeVersion(), n.parameters());
            List<String> named = type.outputLabels(n.typeVersion(), n.parameters());
            for (int i = 0; i < count; i++) {
                labels.add(i < named.size() && named.size() == count ? named.get(i) : count == 1 ? "" : "output " + i);
            }
        }
        if (n.onError() == OnError.CONTINUE_ERROR_OUTPUT) {
            labels.add("error");
        }
        return labels;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static Double number(Object value) {
        return value instanceof Number num ? num.doubleValue() : null;
    }
}
