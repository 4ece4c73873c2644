package dev.switchboard.ui.editor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.NodeTypes;
import dev.switchboard.platform.workflow.Connection;
import dev.switchboard.platform.workflow.ConnectionTarget;
import dev.switchboard.platform.workflow.Connections;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowJson;
import dev.switchboard.platform.workflow.WorkflowNode;

/**
 * A draft being edited: applies what the user does on the canvas and in the node panel, and keeps
 * what it was before each change for undo and redo. It holds no UI and no storage; the view saves
 * {@link #draft()} after each change.
 */
public final class DraftEditor {

    private static final int HISTORY = 100;
    private static final double PASTE_OFFSET = 40;

    private final NodeTypes types;
    private final Deque<Workflow> undo = new ArrayDeque<>();
    private final Deque<Workflow> redo = new ArrayDeque<>();
    private Workflow draft;

    public DraftEditor(Workflow draft, NodeTypes types) {
        this.draft = withIds(draft);
        this.types = types;
    }

    public Workflow draft() {
        return draft;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /**
     * Applies an edit from the canvas; true when the draft changed. Opening a node changes nothing:
     * the view handles it.
     *
     * @throws EditException when the edit cannot be made (pasted text that is not nodes, an unknown type)
     */
    public boolean apply(CanvasEdit edit) {
        return switch (edit) {
            case CanvasEdit.Move move -> change(w -> move(w, move.nodes()));
            case CanvasEdit.Add add -> change(w -> add(w, add));
            case CanvasEdit.Connect connect -> change(w -> connect(w, connect.edge()));
            case CanvasEdit.Delete delete -> change(w -> delete(w, delete));
            case CanvasEdit.Paste paste -> change(w -> paste(w, paste.text()));
            case CanvasEdit.Undo u -> undo();
            case CanvasEdit.Redo r -> redo();
            case CanvasEdit.Open open -> false;
        };
    }

    /** Makes a change that can be undone; true when it changed the draft. */
    public boolean change(UnaryOperator<Workflow> change) {
        Workflow next = change.apply(draft);
        if (next.equals(draft)) {
            return false;
        }
        undo.push(draft);
        if (undo.size() > HISTORY) {
            undo.removeLast();
        }
        redo.clear();
        draft = next;
        return true;
    }

    public boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        redo.push(draft);
        draft = undo.pop();
        return true;
    }

    public boolean redo() {
        if (redo.isEmpty()) {
            return false;
        }
        undo.push(draft);
        draft = redo.pop();
        return true;
    }

    public Optional<WorkflowNode> nodeById(String id) {
        return draft.nodes().stream().filter(n -> id.equals(n.id())).findFirst();
    }

    /**
     * Replaces the node that was named {@code oldName} (the panel's result). A new name must be free;
     * connections and pinned data follow a renamed node.
     */
    public boolean replaceNode(String oldName, WorkflowNode updated) {
        if (!oldName.equals(updated.name())) {
            if (updated.name().isBlank()) {
                throw new EditException("a node needs a name");
            }
            if (draft.node(updated.name()).isPresent()) {
                throw new EditException("there is already a node named \"" + updated.name() + "\"");
            }
        }
        return change(w -> {
            List<WorkflowNode> nodes = new ArrayList<>();
            for (WorkflowNode n : w.nodes()) {
                nodes.add(n.name().equals(oldName) ? updated : n);
            }
            Map<String, List<Map<String, Object>>> pins = new LinkedHashMap<>();
            w.pinData().forEach((k, v) -> pins.put(k.equals(oldName) ? updated.name() : k, v));
            return new Workflow(w.id(), w.name(), nodes, w.connections().renameNode(oldName, updated.name()),
                    w.settings(), pins, w.extra());
        });
    }

    /** Pins (or, with null, unpins) a node's output: later test runs use it instead of running the node. */
    public boolean pin(String nodeName, List<Map<String, Object>> items) {
        return change(w -> {
            Map<String, List<Map<String, Object>>> pins = new LinkedHashMap<>(w.pinData());
            if (items == null) {
                pins.remove(nodeName);
            } else {
                pins.put(nodeName, List.copyOf(items));
            }
            return new Workflow(w.id(), w.name(), w.nodes(), w.connections(), w.settings(), pins, w.extra());
        });
    }

    public boolean rename(String name) {
        if (name == null || name.isBlank()) {
            throw new EditException("a workflow needs a name");
        }
        return change(w -> new Workflow(w.id(), name.strip(), w.nodes(), w.connections(), w.settings(), w.pinData(),
                w.extra()));
    }

    private static Workflow move(Workflow w, List<CanvasEdit.Position> positions) {
        Map<String, CanvasEdit.Position> byId = new LinkedHashMap<>();
        positions.forEach(p -> byId.put(p.id(), p));
        return w.withNodes(w.nodes().stream()
                .map(n -> byId.containsKey(n.id()) ? n.withPosition(byId.get(n.id()).x(), byId.get(n.id()).y()) : n)
                .toList());
    }

    private Workflow add(Workflow w, CanvasEdit.Add add) {
        NodeType type = types.find(add.type())
                .orElseThrow(() -> new EditException("there is no node type \"" + add.type() + "\""));
        String name = uniqueName(w, type.descriptor().displayName(), Set.of());
        WorkflowNode node = new WorkflowNode(UUID.randomUUID().toString(), name, type.descriptor().type(),
                type.descriptor().latestVersion(), add.x(), add.y(), Map.of(), null, false, null, false, 3, 1000, null,
                false, false, null);
        List<WorkflowNode> nodes = new ArrayList<>(w.nodes());
        nodes.add(node);
        return w.withNodes(nodes);
    }

    private static Workflow connect(Workflow w, CanvasGraph.Edge edge) {
        Optional<WorkflowNode> source = byId(w, edge.source());
        Optional<WorkflowNode> target = byId(w, edge.target());
        if (source.isEmpty() || target.isEmpty() || source.get() == target.get()) {
            return w;
        }
        Connection c = new Connection(source.get().name(), Connections.MAIN, edge.output(), target.get().name(),
                edge.input());
        List<Connection> all = new ArrayList<>(w.connections().all());
        if (all.contains(c)) {
            return w;
        }
        all.add(c);
        return w.withConnections(connectionsOf(all));
    }

    private static Workflow delete(Workflow w, CanvasEdit.Delete delete) {
        Set<String> goneNames = new HashSet<>();
        for (String id : delete.nodes()) {
            byId(w, id).ifPresent(n -> goneNames.add(n.name()));
        }
        Set<Connection> cut = new HashSet<>();
        for (CanvasGraph.Edge e : delete.edges()) {
            var s = byId(w, e.source());
            var t = byId(w, e.target());
            if (s.isPresent() && t.isPresent()) {
                cut.add(new Connection(s.get().name(), Connections.MAIN, e.output(), t.get().name(), e.input()));
            }
        }
        List<Connection> kept = w.connections().all().stream()
                .filter(c -> !cut.contains(c) && !goneNames.contains(c.source()) && !goneNames.contains(c.target()))
                .toList();
        Map<String, List<Map<String, Object>>> pins = new LinkedHashMap<>(w.pinData());
        pins.keySet().removeAll(goneNames);
        return new Workflow(w.id(), w.name(), w.nodes().stream().filter(n -> !goneNames.contains(n.name())).toList(),
                connectionsOf(kept), w.settings(), pins, w.extra());
    }

    /**
     * Adds the nodes of n8n's clipboard JSON ({@code {"nodes": [...], "connections": {...}}}): each gets a
     * new id, a name that is free (the connections among them follow), and lands beside its original.
     */
    private static Workflow paste(Workflow w, String text) {
        Workflow pasted;
        try {
            Object doc = Json.parse(text.strip());
            if (!(doc instanceof Map<?, ?> map) || !(map.get("nodes") instanceof List<?>)) {
                throw new EditException("the pasted text is not nodes: expected n8n's JSON with a \"nodes\" list");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) map;
            Map<String, Object> whole = new LinkedHashMap<>(m);
            whole.putIfAbsent("name", "pasted");
            pasted = WorkflowJson.fromMap(whole);
        } catch (EditException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EditException("the pasted text is not nodes: " + e.getMessage());
        }
        Set<String> taken = new HashSet<>();
        w.nodes().forEach(n -> taken.add(n.name()));
        boolean overlaps = pasted.nodes().stream().anyMatch(p -> w.node(p.name()).isPresent());
        Map<String, String> renamed = new LinkedHashMap<>();
        List<WorkflowNode> nodes = new ArrayList<>(w.nodes());
        for (WorkflowNode p : pasted.nodes()) {
            String name = uniqueName(w, p.name(), taken);
            taken.add(name);
            renamed.put(p.name(), name);
            double dx = overlaps ? PASTE_OFFSET : 0;
            nodes.add(new WorkflowNode(UUID.randomUUID().toString(), name, p.type(), p.typeVersion(), p.x() + dx,
                    p.y() + dx, p.parameters(), p.credentials(), p.disabled(), p.notes(), p.retryOnFail(), p.maxTries(),
                    p.waitBetweenTries(), p.onError(), p.alwaysOutputData(), p.executeOnce(), p.extra()));
        }
        List<Connection> all = new ArrayList<>(w.connections().all());
        for (Connection c : pasted.connections().all()) {
            if (renamed.containsKey(c.source()) && renamed.containsKey(c.target())) {
                all.add(new Connection(renamed.get(c.source()), c.type(), c.outputIndex(), renamed.get(c.target()),
                        c.inputIndex()));
            }
        }
        return new Workflow(w.id(), w.name(), nodes, connectionsOf(all), w.settings(), w.pinData(), w.extra());
    }

    /** n8n's naming: the base name if free, else the base with the lowest free number appended ("Set1"). */
    static String uniqueName(Workflow w, String base, Set<String> alsoTaken) {
        if (w.node(base).isEmpty() && !alsoTaken.contains(base)) {
            return base;
        }
        String stem = base.replaceAll("\\d+$", "");
        for (int i = 1; ; i++) {
            String candidate = stem + i;
            if (w.node(candidate).isEmpty() && !alsoTaken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static Optional<WorkflowNode> byId(Workflow w, String id) {
        return w.nodes().stream().filter(n -> id.equals(n.id())).findFirst();
    }

    /** Nodes without an id (older n8n exports) get one, since the canvas names nodes by id. */
    private static Workflow withIds(Workflow w) {
        if (w.nodes().stream().allMatch(n -> n.id() != null)) {
            return w;
        }
        return w.withNodes(w.nodes().stream().map(n -> n.id() != null ? n : new WorkflowNode(UUID.randomUUID().toString(),
                n.name(), n.type(), n.typeVersion(), n.x(), n.y(), n.parameters(), n.credentials(), n.disabled(),
                n.notes(), n.retryOnFail(), n.maxTries(), n.waitBetweenTries(), n.onError(), n.alwaysOutputData(),
                n.executeOnce(), n.extra())).toList());
    }

    /** Connections from a flat list, in the list's order. */
    static Connections connectionsOf(List<Connection> list) {
        Map<String, Map<String, List<List<ConnectionTarget>>>> bySource = new LinkedHashMap<>();
        for (Connection c : list) {
            List<List<ConnectionTarget>> outputs = bySource.computeIfAbsent(c.source(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(c.type(), k -> new ArrayList<>());
            while (outputs.size() <= c.outputIndex()) {
                outputs.add(new ArrayList<>());
            }
            outputs.get(c.outputIndex()).add(new ConnectionTarget(c.target(), c.type(), c.inputIndex()));
        }
        return new Connections(bySource);
    }

    /** An edit that cannot be made; the message is for the user. */
    public static final class EditException extends RuntimeException {
        public EditException(String message) {
            super(message);
        }
    }
}
