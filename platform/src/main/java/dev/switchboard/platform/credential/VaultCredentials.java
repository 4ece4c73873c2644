package dev.switchboard.platform.credential;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchboard.platform.node.NodeCredential;
import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.run.CredentialResolver;

/**
 * The vault as runs see it: finds the credential a node names (by id, else by name, as n8n does when a
 * workflow is imported from elsewhere), checks its type, decrypts it, fills the declared defaults,
 * says which fields are secret, and for OAuth2 types adds the access token ({@code oauthTokenData}).
 */
public final class VaultCredentials implements CredentialResolver {

    private final CredentialStore store;
    private final CredentialTypes types;
    private final OAuth2Tokens tokens;

    public VaultCredentials(CredentialStore store, CredentialTypes types, OAuth2Tokens tokens) {
        this.store = store;
        this.types = types;
        this.tokens = tokens;
    }

    @Override
    public NodeCredential resolve(String type, String id, String name) {
        Credential credential = find(type, id, name);
        if (!credential.type().equals(type)) {
            throw new Unavailable("credential \"" + credential.name() + "\" is of type " + credential.type() + ", not "
                    + type);
        }
        Map<String, Object> stored;
        try {
            stored = store.decrypt(credential.id());
        } catch (CredentialException e) {
            throw new Unavailable(e.getMessage());
        }
        return open(credential, stored);
    }

    /** The credential ready for a node: defaults filled, secret fields named, an OAuth2 token added. */
    NodeCredential open(Credential credential, Map<String, Object> stored) {
        Map<String, Object> data = new LinkedHashMap<>(types.withDefaults(credential.type(), stored));
        Set<String> secret = new LinkedHashSet<>(types.secretFields(credential.type(), stored));
        if (types.isOAuth2(credential.type())) {
            try {
                data.put(OAuth2Tokens.TOKEN_DATA, tokens.token(credential, data));
            } catch (OAuth2Tokens.TokenException e) {
                throw new Unavailable(e.getMessage());
            }
            secret.add(OAuth2Tokens.TOKEN_DATA);
        }
        return new NodeCredential(credential.id(), credential.name(), credential.type(), data, secret,
                types.find(credential.type()).orElse(null));
    }

    private Credential find(String type, String id, String name) {
        if (id != null && !id.isBlank()) {
            var byId = store.get(id);
            if (byId.isPresent()) {
                return byId.get();
            }
            if (name == null || name.isBlank()) {
                throw new Unavailable("there is no credential with id \"" + id + "\"");
            }
        }
        List<Credential> named = store.list(name, type, Page.Request.first(Page.Request.MAX_SIZE)).items().stream()
                .filter(c -> c.name().equals(name.strip())).toList();
        if (named.isEmpty()) {
            throw new Unavailable("there is no " + type + " credential named \"" + name + "\""
                    + (id == null || id.isBlank() ? "" : " (nor one with id \"" + id + "\")"));
        }
        if (named.size() > 1) {
            throw new Unavailable(named.size() + " " + type + " credentials are named \"" + name + "\"; name one by its id");
        }
        return named.get(0);
    }
}
