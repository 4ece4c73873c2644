package dev.switchboard.platform.credential;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.switchboard.platform.node.CredentialType;
import dev.switchboard.platform.node.HttpAuthentication;
import dev.switchboard.platform.node.NodeTypes;
import dev.switchboard.platform.node.ParameterSpec;

/**
 * The credential types the node types on the class path declare, and what the vault reads from them:
 * the defaults of absent fields, which fields are secret, whether a type is OAuth2. A type no node
 * declares is still stored and used, every one of its fields treated as secret.
 */
public final class CredentialTypes {

    /** n8n's generic OAuth2 type. */
    public static final String OAUTH2 = "oAuth2Api";

    private final Map<String, CredentialType> types;

    public CredentialTypes(Map<String, CredentialType> types) {
        this.types = Map.copyOf(types);
    }

    public static CredentialTypes of(NodeTypes nodeTypes) {
        return new CredentialTypes(nodeTypes.credentialTypes());
    }

    public static CredentialTypes none() {
        return new CredentialTypes(Map.of());
    }

    public Optional<CredentialType> find(String type) {
        return Optional.ofNullable(types.get(type));
    }

    /** Every declared type, by name. */
    public Collection<CredentialType> all() {
        return types.values().stream().sorted(java.util.Comparator.comparing(CredentialType::name)).toList();
    }

    /** The stored data with the declared defaults of the fields it lacks. */
    public Map<String, Object> withDefaults(String type, Map<String, Object> data) {
        Map<String, Object> out = new LinkedHashMap<>(find(type).map(CredentialType::defaults).orElse(Map.of()));
        out.putAll(data);
        return out;
    }

    /** The fields of this data that are secret: all but those the type declares as not secret. */
    public Set<String> secretFields(String type, Map<String, Object> data) {
        Set<String> out = new LinkedHashSet<>(data.keySet());
        find(type).ifPresent(t -> {
            for (ParameterSpec f : t.fields()) {
                if (!f.secret()) {
                    out.remove(f.name());
                }
            }
        });
        return out;
    }

    /** Whether credentials of the type sign requests with an OAuth2 access token. */
    public boolean isOAuth2(String type) {
        return OAUTH2.equals(type) || find(type).flatMap(CredentialType::httpAuthentication)
                .map(a -> a instanceof HttpAuthentication.OAuth2).orElse(false);
    }
}
