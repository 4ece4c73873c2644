package dev.switchboard.platform.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connections of a workflow, keyed as n8n keys them: source node name, then connection type,
 * then output index, then the targets. Immutable; the nesting is kept exactly so that writing it
 * back loses nothing (empty output lists included).
 */
public final class Connections {

    public static final String MAIN = "main";

    private final Map<String, Map<String, List<List<ConnectionTarget>>>> bySource;
    private final List<Connection> all;

    public Connections(Map<String, Map<String, List<List<ConnectionTarget>>>> bySource) {
        Map<String, Map<String, List<List<ConnectionTarget>>>> copy = new LinkedHashMap<>();
        List<Connection> flat = new ArrayList<>();
        bySource.forEach((source, types) -> {
            Map<String, List<List<ConnectionTarget>>> typesCopy = new LinkedHashMap<>();
            types.forEach((type, outputs) -> {
                List<List<ConnectionTarget>> outs = new ArrayList<>();
                for (int i = 0; i < outputs.size(); i++) {
                    List<ConnectionTarget> targets = outputs.get(i) == null ? List.of() : List.copyOf(outputs.get(i));
                    outs.add(targets);
                    for (ConnectionTarget t : targets) {
                        flat.add(new Connection(source, type, i, t.node(), t.index()));
                    }
                }
                typesCopy.put(type, Collections.unmodifiableList(outs));
            });
            copy.put(source, Collections.unmodifiableMap(typesCopy));
        });
        this.bySource = Collections.unmodifiableMap(copy);
        this.all = List.copyOf(flat);
    }

    public static Connections none() {
        return new Connections(Map.of());
    }

    /** The nested form, as in n8n's JSON. */
    public Map<String, Map<String, List<List<ConnectionTarget>>>> bySource() {
        return bySource;
    }

    /** Every connection, flat, in document order. */
    public List<Connection> all() {
        return all;
    }

    /** The {@code main} connections leaving a node, per output index. */
    public List<List<ConnectionTarget>> mainOutputs(String source) {
        var types = bySource.get(source);
        if (types == null) {
            return List.of();
        }
        return types.getOrDefault(MAIN, List.of());
    }

    /** The {@code main} connections that enter a node. */
    public List<Connection> mainInto(String target) {
        List<Connection> out = new ArrayList<>();
        for (Connection c : all) {
            if (c.type().equals(MAIN) && c.target().equals(target)) {
                out.add(c);
            }
        }
        return out;
    }

    /** A copy with every reference to a node renamed. */
    public Connections renameNode(String from, String to) {
        Map<String, Map<String, List<List<ConnectionTarget>>>> out = new LinkedHashMap<>();
        bySource.forEach((source, types) -> {
            Map<String, List<List<ConnectionTarget>>> t2 = new LinkedHashMap<>();
            types.forEach((type, outputs) -> {
                List<List<ConnectionTarget>> o2 = new ArrayList<>();
                for (var targets : outputs) {
                    o2.add(targets.stream()
                            .map(t -> t.node().equals(from) ? new ConnectionTarget(to, t.type(), t.index()) : t)
                            .toList());
                }
                t2.put(type, o2);
            });
            out.put(source.equals(from) ? to : source, t2);
        });
        return new Connections(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Connections c && c.bySource.equals(bySource);
    }

    @Override
    public int hashCode() {
        return bySource.hashCode();
    }

    @Override
    public String toString() {
        return bySource.toString();
    }
}
