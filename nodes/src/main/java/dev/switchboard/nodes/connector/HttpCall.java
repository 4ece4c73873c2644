package dev.switchboard.nodes.connector;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One HTTP request as the HTTP Request node will send it.
 *
 * @param headers           header names as they will be sent (lower-cased unless the node says otherwise)
 * @param body              the request body, or null for none
 * @param credentialHeaders the (lower-cased) names of the headers a credential added: they are not sent on
 *                          when a redirect leads to another origin
 */
record HttpCall(String method, URI uri, Map<String, String> headers, byte[] body, Set<String> credentialHeaders) {

    HttpCall {
        credentialHeaders = credentialHeaders == null ? Set.of() : Set.copyOf(credentialHeaders);
    }

    HttpCall(String method, URI uri, Map<String, String> headers, byte[] body) {
        this(method, uri, headers, body, Set.of());
    }

    /** The value of a header, whatever the case of its name. */
    String header(String name) {
        for (var e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * The same request to another address, as a redirect asks (303 and a POST's 301/302 become GETs).
     * A credential's headers go only to the origin they were meant for.
     */
    HttpCall redirectTo(URI target, int status) {
        boolean toGet = status == 303 && !method.equals("HEAD")
                || (status == 301 || status == 302) && method.equals("POST");
        boolean sameOrigin = sameOrigin(uri, target);
        var kept = new LinkedHashMap<String, String>();
        headers.forEach((k, v) -> {
            String lower = k.toLowerCase(Locale.ROOT);
            boolean dropForGet = toGet && (lower.equals("content-type") || lower.equals("content-length"));
            boolean dropCredential = !sameOrigin && credentialHeaders.contains(lower);
            if (!dropForGet && !dropCredential) {
                kept.put(k, v);
            }
        });
        Set<String> stillSigned = sameOrigin ? credentialHeaders : Set.of();
        return toGet ? new HttpCall("GET", target, kept, null, stillSigned)
                : new HttpCall(method, target, kept, body, stillSigned);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme())) && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
