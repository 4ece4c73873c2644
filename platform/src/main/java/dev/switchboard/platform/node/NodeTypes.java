package dev.switchboard.platform.node;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The node types known to this process, by type id and by alias. */
public final class NodeTypes {

    private final Map<String, NodeType> byType = new LinkedHashMap<>();
    private final Map<String, NodeType> byAlias = new LinkedHashMap<>();

    private NodeTypes(Iterable<NodeType> types) {
        for (NodeType t : types) {
            NodeDescriptor d = t.descriptor();
            byType.put(d.type(), t);
            for (String alias : d.aliases()) {
                byAlias.put(alias, t);
            }
        }
    }

    /** Every node type on the class path. */
    public static NodeTypes load() {
        return new NodeTypes(ServiceLoader.load(NodeType.class, NodeTypes.class.getClassLoader()));
    }

    public static NodeTypes of(Iterable<NodeType> types) {
        return new NodeTypes(types);
    }

    /** The type for an id or an alias ({@code switchboard.set} or {@code n8n-nodes-base.set}). */
    public Optional<NodeType> find(String typeId) {
        NodeType t = byType.get(typeId);
        return Optional.ofNullable(t != null ? t : byAlias.get(typeId));
    }

    public Collection<NodeType> all() {
        return byType.values();
    }

    /** The credential types the node types declare, by name (the first declaration of a name wins). */
    public Map<String, CredentialType> credentialTypes() {
        Map<String, CredentialType> out = new LinkedHashMap<>();
        for (NodeType t : byType.values()) {
            for (CredentialType c : t.descriptor().credentialTypes()) {
                out.putIfAbsent(c.name(), c);
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
