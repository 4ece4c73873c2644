package dev.switchboard.platform.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.BreadthFirstIterator;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.NodeTypes;
import dev.switchboard.platform.node.ParameterSpec;

/**
 * Checks a workflow before it runs or is published. Every problem names the node and the field:
 * unknown types and versions, connections to missing nodes, outputs or inputs, duplicate names,
 * missing required parameters, expression syntax, cycles that do not pass through a loop node,
 * and (as warnings) nodes no trigger reaches.
 */
public final class WorkflowValidator {

    /** Node types through which a cycle is a loop rather than a mistake. */
    public static final Set<String> LOOP_TYPES = Set.of("switchboard.splitInBatches");

    private final NodeTypes types;
    private final Function<String, String> expressionSyntax;

    /**
     * @param expressionSyntax returns the syntax error of an expression string ({@code "=..."}), or null
     */
    public WorkflowValidator(NodeTypes types, Function<String, String> expressionSyntax) {
        this.types = types;
        this.expressionSyntax = expressionSyntax;
    }

    public List<Problem> validate(Workflow workflow) {
        List<Problem> problems = new ArrayList<>();
        Map<String, WorkflowNode> byName = new HashMap<>();
        Map<String, NodeType> typeOf = new HashMap<>();
        for (WorkflowNode node : workflow.nodes()) {
            if (byName.putIfAbsent(node.name(), node) != null) {
                problems.add(Problem.error(node.name(), "name", "two nodes are named \"" + node.name()
                        + "\"; node names must be unique"));
                continue;
            }
            NodeType type = types.find(node.type()).orElse(null);
            if (type == null) {
                problems.add(Problem.error(node.name(), "type", "unknown node type \"" + node.type() + "\""));
                continue;
            }
            typeOf.put(node.name(), type);
            NodeDescriptor d = type.descriptor();
            if (!d.supportsVersion(node.typeVersion())) {
                problems.add(Problem.error(node.name(), "typeVersion", "version " + node.versionText() + " of \""
                        + node.type() + "\" is not supported (supported: " + versions(d) + ")"));
                continue;
            }
            checkParameters(node, d, problems);
        }
        checkConnections(workflow, byName, typeOf, problems);
        checkGraph(workflow, byName, typeOf, problems);
        return problems;
    }

    private static String versions(NodeDescriptor d) {
        List<String> out = new ArrayList<>();
        for (double v : d.versions()) {
            out.add(v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
        }
        return String.join(", ", out);
    }

    private void checkParameters(WorkflowNode node, NodeDescriptor d, List<Problem> problems) {
        Map<String, Object> params = node.parameters();
        Function<String, Object> valueOf = name -> {
            if (params.containsKey(name)) {
                return params.get(name);
            }
            for (ParameterSpec s : d.parameters()) {
                if (s.name().equals(name)) {
                    return s.defaultValue();
                }
            }
            return null;
        };
        for (ParameterSpec spec : d.parameters()) {
            if (!spec.required() || !spec.appliesTo(node.typeVersion(), valueOf)) {
                continue;
            }
            Object v = params.get(spec.name());
            if (v == null && spec.defaultValue() != null) {
                continue;
            }
            if (v == null || v instanceof String s && (s.isBlank() || s.equals("="))) {
                problems.add(Problem.error(node.name(), "parameters." + spec.name(),
                        "\"" + spec.label() + "\" is required"));
            }
        }
        checkExpressions(node, "parameters", params, problems);
    }

    private void checkExpressions(WorkflowNode node, String path, Object value, List<Problem> problems) {
        if (value instanceof String s && s.startsWith("=")) {
            String error = expressionSyntax.apply(s);
            if (error != null) {
                problems.add(Problem.error(node.name(), path, "expression error: " + error));
            }
        } else if (value instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                checkExpressions(node, path + "." + e.getKey(), e.getValue(), problems);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkExpressions(node, path + "[" + i + "]", list.get(i), problems);
            }
        }
    }

    private static void checkConnections(Workflow workflow, Map<String, WorkflowNode> byName,
            Map<String, NodeType> typeOf, List<Problem> problems) {
        Map<String, Set<String>> sourcesByInput = new HashMap<>();
        for (Connection c : workflow.connections().all()) {
            WorkflowNode source = byName.get(c.source());
            String field = "connections." + c.type() + "[" + c.outputIndex() + "]";
            if (source == null) {
                problems.add(Problem.error(c.source(), "connections", "connections leave a node \"" + c.source()
                        + "\" that is not in the workflow"));
                continue;
            }
            WorkflowNode target = byName.get(c.target());
            if (target == null) {
                problems.add(Problem.error(c.source(), field, "connects to a node \"" + c.target()
                        + "\" that is not in the workflow"));
                continue;
            }
            if (!c.type().equals(Connections.MAIN)) {
                continue;
            }
            NodeType sourceType = typeOf.get(source.name());
            if (sourceType != null && sourceType.descriptor().supportsVersion(source.typeVersion())) {
                int outputs = sourceType.outputCount(source.typeVersion(), source.parameters())
                        + (source.onError() == OnError.CONTINUE_ERROR_OUTPUT ? 1 : 0);
                if (c.outputIndex() >= outputs) {
                    problems.add(Problem.error(source.name(), field, "output " + c.outputIndex()
                            + " does not exist: the node has " + outputs + " output" + (outputs == 1 ? "" : "s")));
                }
            }
            NodeType targetType = typeOf.get(target.name());
            if (targetType != null && targetType.descriptor().supportsVersion(target.typeVersion())) {
                int inputs = targetType.inputCount(target.typeVersion(), target.parameters());
                if (inputs == 0) {
                    problems.add(Problem.error(target.name(), "inputs", "a "
                            + targetType.descriptor().displayName() + " node starts runs and takes no input, but \""
                            + source.name() + "\" connects to it"));
                } else if (c.inputIndex() >= inputs) {
                    problems.add(Problem.error(target.name(), "inputs", "the node takes " + inputs + " input"
                            + (inputs == 1 ? "" : "s") + " but \"" + source.name() + "\" connects to input "
                            + (c.inputIndex() + 1)));
                }
            }
            sourcesByInput.computeIfAbsent(target.name() + "\u0000" + c.inputIndex(), k -> new HashSet<>())
                    .add(source.name());
        }
        sourcesByInput.forEach((key, sources) -> {
            String node = key.substring(0, key.indexOf('\u0000'));
            NodeType t = typeOf.get(node);
            if (sources.size() > 1 && t != null && !LOOP_TYPES.contains(t.descriptor().type())) {
                problems.add(Problem.warning(node, "inputs", "several nodes (" + String.join(", ", new java.util.TreeSet<>(sources))
                        + ") connect to the same input; the node runs once for each of them that sends items"));
            }
        });
    }

    private static void checkGraph(Workflow workflow, Map<String, WorkflowNode> byName, Map<String, NodeType> typeOf,
            List<Problem> problems) {
        Graph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
        byName.keySet().forEach(graph::addVertex);
        for (Connection c : workflow.connections().all()) {
            if (c.type().equals(Connections.MAIN) && byName.containsKey(c.source()) && byName.containsKey(c.target())) {
                if (!graph.containsEdge(c.source(), c.target())) {
                    graph.addEdge(c.source(), c.target());
                }
            }
        }
        for (Set<String> component : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            boolean cycle = component.size() > 1
                    || component.size() == 1 && graph.containsEdge(component.iterator().next(), component.iterator().next());
            if (!cycle) {
                continue;
            }
            boolean throughLoop = component.stream().map(typeOf::get)
                    .anyMatch(t -> t != null && LOOP_TYPES.contains(t.descriptor().type()));
            if (!throughLoop) {
                List<String> names = component.stream().sorted().toList();
                problems.add(Problem.error(names.get(0), "connections", "the connections form a cycle ("
                        + String.join(" → ", names) + ") that does not pass through a Loop Over Items "
                        + "(splitInBatches) node, so it would never end"));
            }
        }
        Set<String> reachable = new HashSet<>();
        boolean anyTrigger = false;
        for (WorkflowNode n : workflow.nodes()) {
            NodeType t = typeOf.get(n.name());
            if (t != null && t.descriptor().isTrigger() && byName.get(n.name()) == n) {
                anyTrigger = true;
                new BreadthFirstIterator<>(graph, n.name()).forEachRemaining(reachable::add);
            }
        }
        if (!anyTrigger && !workflow.nodes().isEmpty()) {
            problems.add(Problem.warning(null, "nodes", "the workflow has no trigger node, so nothing starts it"));
            return;
        }
        for (WorkflowNode n : workflow.nodes()) {
            NodeType t = typeOf.get(n.name());
            if (t == null || t.descriptor().category() == NodeCategory.CANVAS || reachable.contains(n.name())) {
                continue;
            }
            problems.add(Problem.warning(n.name(), null, "no trigger reaches this node, so it never runs"));
        }
    }

    /** Only the errors, for callers that must refuse a workflow. */
    public static List<Problem> errors(List<Problem> problems) {
        return problems.stream().filter(Problem::isError).toList();
    }

    static String describe(Object value) {
        return Json.toText(value);
    }
}
