package dev.switchboard.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.platform.credential.CredentialTypes;
import dev.switchboard.platform.node.CredentialType;
import dev.switchboard.platform.node.HttpAuthentication;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.engine.LocalEngine;

/**
 * {@code GET /api/v1/credential-types}: the credential types the nodes on this server declare, with
 * their fields (which are secret), how they sign requests, whether they can be tested, and which node
 * types accept them. A credential form is generated from this.
 */
@RestController
public class CredentialTypeController {

    private final CredentialTypes types;
    private final LocalEngine engine;

    public CredentialTypeController(CredentialTypes types, LocalEngine engine) {
        this.types = types;
        this.engine = engine;
    }

    @GetMapping("/api/v1/credential-types")
    Map<String, Object> list() {
        List<Object> items = types.all().stream().map(t -> (Object) view(t)).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        m.put("page", 0);
        m.put("size", Math.max(1, items.size()));
        m.put("total", items.size());
        return m;
    }

    private Map<String, Object> view(CredentialType t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("displayName", t.displayName());
        m.put("description", t.description());
        m.put("fields", t.fields().stream().map(CredentialTypeController::field).toList());
        m.put("authentication", switch (t.authentication()) {
            case null -> null;
            case HttpAuthentication.Generic g -> "generic";
            case HttpAuthentication.Basic b -> "basic";
            case HttpAuthentication.CustomJson c -> "custom";
            case HttpAuthentication.OAuth2 o -> "oauth2";
        });
        m.put("test", types.isOAuth2(t.name()) ? "token" : t.testUrl() != null ? "url"
                : t.authentication() != null ? "address" : "none");
        m.put("nodeTypes", engine.types().all().stream().map(NodeType::descriptor)
                .filter(d -> d.credentials().contains(t.name())).map(d -> d.type()).toList());
        return m;
    }

    private static Map<String, Object> field(ParameterSpec f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("label", f.label());
        m.put("type", f.type().name().toLowerCase(java.util.Locale.ROOT));
        m.put("required", f.required());
        m.put("secret", f.secret());
        m.put("default", f.secret() ? null : f.defaultValue());
        m.put("options", f.options());
        m.put("help", f.help());
        m.put("showWhen", f.showWhen());
        return m;
    }
}
