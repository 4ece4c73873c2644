package dev.switchboard.nodes.connector;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.CredentialType;
import dev.switchboard.platform.node.HttpAuthentication;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeCredential;
import dev.switchboard.platform.node.NodeException;

/**
 * Signs the HTTP Request node's call with a stored credential, as n8n's {@code authentication}
 * parameter says: {@code genericCredentialType} with {@code genericAuthType} (httpBasicAuth,
 * httpHeaderAuth, httpQueryAuth, httpBearerAuth, httpCustomAuth, oAuth2Api), or
 * {@code predefinedCredentialType} with {@code nodeCredentialType} (any type whose declaration says how
 * it signs a request). Values derived from the credential are marked secret, so no log line or error
 * shows them.
 */
final class HttpSigning {

    private static final Map<String, CredentialType> GENERIC = new LinkedHashMap<>();

    static {
        HttpCredentialTypes.GENERIC.forEach(t -> GENERIC.put(t.name(), t));
    }

    private HttpSigning() {
    }

    /** The credential type the node's parameters ask for, or null for none. */
    static String requestedType(NodeContext context, int i) {
        String authentication = context.string("authentication", i, "none");
        return switch (authentication) {
            case "none" -> null;
            case "genericCredentialType" -> {
                String type = context.string("genericAuthType", i, "");
                if (type.isBlank()) {
                    throw error("Parameter \"genericAuthType\" is empty: choose the kind of credential (e.g. "
                            + "httpHeaderAuth)", i);
                }
                if (type.equals("httpDigestAuth") || type.equals("oAuth1Api")) {
                    throw error("Parameter \"genericAuthType\": " + type + " is not supported yet; use "
                            + String.join(", ", GENERIC.keySet()), i);
                }
                yield type;
            }
            case "predefinedCredentialType" -> {
                String type = context.string("nodeCredentialType", i, "");
                if (type.isBlank()) {
                    throw error("Parameter \"nodeCredentialType\" is empty: choose the credential type", i);
                }
                yield type;
            }
            default -> throw error("Parameter \"authentication\": unknown value \"" + authentication
                    + "\" (none, genericCredentialType or predefinedCredentialType)", i);
        };
    }

    /** The call signed with the credential the node names for {@code type}. */
    static HttpCall sign(NodeContext context, HttpCall call, String type, int i) {
        NodeCredential credential = context.credential(type).orElseThrow(() -> error("Credentials: the node names no "
                + type + " credential; choose one under the node's credentials", i));
        HttpAuthentication how = credential.httpAuthentication()
                .or(() -> java.util.Optional.ofNullable(GENERIC.get(type)).flatMap(CredentialType::httpAuthentication))
                .orElseThrow(() -> error("Credential \"" + credential.name() + "\": credentials of type " + type
                        + " do not say how to sign an HTTP request; use generic authentication instead", i));
        HttpAuthentication.Applied applied;
        try {
            applied = how.apply(credential.data());
        } catch (IllegalArgumentException e) {
            throw error("Credential \"" + credential.name() + "\" cannot sign the request: " + e.getMessage(), i);
        }
        applied.secrets().forEach(context::treatAsSecret);
        applied.query().values().forEach(v -> context.treatAsSecret(QueryString.component(v)));
        return apply(call, applied, credential.name(), i);
    }

    private static HttpCall apply(HttpCall call, HttpAuthentication.Applied applied, String credentialName, int i) {
        Map<String, String> headers = new LinkedHashMap<>(call.headers());
        Set<String> signed = new HashSet<>(call.credentialHeaders());
        applied.headers().forEach((name, value) -> {
            headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
            headers.put(name, value);
            signed.add(name.toLowerCase(Locale.ROOT));
        });
        URI uri = call.uri();
        if (!applied.query().isEmpty()) {
            StringBuilder query = new StringBuilder();
            applied.query().forEach((k, v) -> query.append(query.isEmpty() ? "" : "&").append(QueryString.component(k))
                    .append('=').append(QueryString.component(v)));
            String text = uri.toString();
            int hash = text.indexOf('#');
            String base = hash >= 0 ? text.substring(0, hash) : text;
            String fragment = hash >= 0 ? text.substring(hash) : "";
            String separator = base.endsWith("?") || base.endsWith("&") ? "" : uri.getRawQuery() == null ? "?" : "&";
            String joined = base + separator + query + fragment;
            try {
                uri = new URI(joined);
            } catch (URISyntaxException e) {
                throw error("Credential \"" + credentialName + "\" gives a query parameter that makes no valid URL", i);
            }
        }
        byte[] body = call.body();
        if (!applied.body().isEmpty()) {
            body = withBodyFields(call, applied.body(), credentialName, i);
        }
        return new HttpCall(call.method(), uri, headers, body, signed);
    }

    @SuppressWarnings("unchecked")
    private static byte[] withBodyFields(HttpCall call, Map<String, Object> fields, String credentialName, int i) {
        String contentType = call.header("content-type") == null ? "" : call.header("content-type");
        if (call.body() != null && contentType.startsWith("application/json")) {
            Object parsed = Json.parse(new String(call.body(), StandardCharsets.UTF_8));
            if (parsed instanceof Map<?, ?> m) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) m);
                merged.putAll(fields);
                return Json.write(merged).getBytes(StandardCharsets.UTF_8);
            }
        } else if (call.body() != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            String form = new String(call.body(), StandardCharsets.UTF_8);
            String extra = QueryString.encode(fields, "indices");
            return (form.isEmpty() ? extra : form + "&" + extra).getBytes(StandardCharsets.UTF_8);
        }
        throw error("Credential \"" + credentialName + "\" adds body fields, which need a JSON object or form "
                + "(URL-encoded) body: turn on \"Send body\" with one of those", i);
    }

    private static NodeException error(String message, int i) {
        return new NodeException(message + " [item " + i + "]", i);
    }
}
