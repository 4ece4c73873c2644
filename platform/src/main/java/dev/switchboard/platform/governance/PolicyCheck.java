package dev.switchboard.platform.governance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.NodeTypes;
import dev.switchboard.platform.workflow.Connection;
import dev.switchboard.platform.workflow.Connections;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowNode;

/**
 * Finds the nodes a policy requires a gate for that some path from a trigger reaches without passing an
 * approval node, each with the shortest such path.
 */
public final class PolicyCheck {

    public static final String APPROVAL_TYPE = "switchboard.approval";

    private final NodeTypes types;

    public PolicyCheck(NodeTypes types) {
        this.types = types;
    }

    /** A risky node reached around the gate: the tags that make it risky and a path that reaches it. */
    public record Violation(String node, Set<String> tags, List<String> path) {
        public String describe() {
            return "\"" + node + "\" (" + String.join(", ", tags) + ") is reached without an approval: "
                    + String.join(" → ", path);
        }
    }

    public List<Violation> check(Workflow workflow, Policy policy) {
        List<Violation> out = new ArrayList<>();
        if (policy.approvalRequiredFor().isEmpty()) {
            return out;
        }
        Map<String, List<String>> next = new HashMap<>();
        for (Connection c : workflow.connections().all()) {
            if (c.type().equals(Connections.MAIN)) {
                next.computeIfAbsent(c.source(), k -> new ArrayList<>()).add(c.target());
            }
        }
        Map<String, WorkflowNode> byName = workflow.nodesByName();
        Map<String, List<String>> firstPath = new HashMap<>();
        for (WorkflowNode trigger : workflow.nodes()) {
            NodeType t = types.find(trigger.type()).orElse(null);
            if (t == null || !t.descriptor().isTrigger() || trigger.disabled()) {
                continue;
            }
            // breadth first from the trigger, never through an approval node
            Map<String, String> parent = new HashMap<>();
            Deque<String> queue = new ArrayDeque<>(List.of(trigger.name()));
            parent.put(trigger.name(), null);
            while (!queue.isEmpty()) {
                String at = queue.poll();
                WorkflowNode node = byName.get(at);
                if (node == null) {
                    continue;
                }
                if (!at.equals(trigger.name()) && isApproval(node)) {
                    continue;
                }
                Set<String> risky = riskyTags(node, policy);
                if (!risky.isEmpty() && !firstPath.containsKey(at)) {
                    LinkedList<String> path = new LinkedList<>();
                    for (String p = at; p != null; p = parent.get(p)) {
                        path.addFirst(p);
                    }
                    firstPath.put(at, path);
                    out.add(new Violation(at, risky, List.copyOf(path)));
                }
                for (String n : next.getOrDefault(at, List.of())) {
                    if (!parent.containsKey(n)) {
                        parent.put(n, at);
                        queue.add(n);
                    }
                }
            }
        }
        return out;
    }

    private boolean isApproval(WorkflowNode node) {
        return !node.disabled() && types.find(node.type()).map(t -> t.descriptor().type().equals(APPROVAL_TYPE)).orElse(false);
    }

    private Set<String> riskyTags(WorkflowNode node, Policy policy) {
        if (node.disabled()) {
            return Set.of();
        }
        NodeType type = types.find(node.type()).orElse(null);
        if (type == null) {
            return Set.of();
        }
        Set<String> tags = new TreeSet<>(type.riskTags(node.typeVersion(), node.parameters()));
        tags.retainAll(policy.approvalRequiredFor());
        return tags;
    }
}
