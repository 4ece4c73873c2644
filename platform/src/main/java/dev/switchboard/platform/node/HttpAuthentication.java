package dev.switchboard.platform.node;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.platform.json.Json;

/**
 * How a credential signs an HTTP request, as n8n's credential types declare it ({@code authenticate}):
 * headers, query parameters or body fields built from the credential's fields, Basic authentication,
 * n8n's Custom Auth JSON, or an OAuth2 access token. Templates name fields as n8n writes them,
 * {@code "Bearer {{$credentials.token}}"}; nothing else is evaluated.
 */
public sealed interface HttpAuthentication {

    /** What to add to a request; {@code secrets} are the derived values (an encoded header) to mask. */
    record Applied(Map<String, String> headers, Map<String, String> query, Map<String, Object> body, List<String> secrets) {
        public Applied {
            headers = Map.copyOf(headers);
            query = Map.copyOf(query);
            body = body == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(body));
            secrets = List.copyOf(secrets);
        }

        @Override
        public String toString() {
            return "HttpAuthentication.Applied[headers " + headers.keySet() + ", query " + query.keySet() + ", body "
                    + body.keySet() + "]";
        }
    }

    /**
     * The request additions for a credential's data.
     *
     * @throws IllegalArgumentException naming the field (never a value) when the data cannot sign a request
     */
    Applied apply(Map<String, Object> data);

    /** Headers, query parameters and body fields; names and values may be templates. */
    record Generic(Map<String, String> headers, Map<String, String> query, Map<String, String> body)
            implements HttpAuthentication {

        public Generic {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            query = query == null ? Map.of() : Map.copyOf(query);
            body = body == null ? Map.of() : Map.copyOf(body);
        }

        public static Generic header(String name, String value) {
            return new Generic(Map.of(name, value), null, null);
        }

        public static Generic query(String name, String value) {
            return new Generic(null, Map.of(name, value), null);
        }

        @Override
        public Applied apply(Map<String, Object> data) {
            return new Applied(fill(headers, data, "header"), fill(query, data, "query parameter"),
                    new LinkedHashMap<>(fill(body, data, "body field")), List.of());
        }
    }

    /** {@code Authorization: Basic base64(user:password)} from two fields. */
    record Basic(String userField, String passwordField) implements HttpAuthentication {
        @Override
        public Applied apply(Map<String, Object> data) {
            String pair = text(data.get(userField)) + ":" + text(data.get(passwordField));
            String encoded = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            return new Applied(Map.of("Authorization", "Basic " + encoded), Map.of(), null, List.of(encoded));
        }
    }

    /**
     * n8n's Custom Auth: a JSON field holding {@code headers}, {@code qs} and {@code body} objects, added
     * as they are.
     */
    record CustomJson(String field) implements HttpAuthentication {
        @Override
        public Applied apply(Map<String, Object> data) {
            Object raw = data.get(field);
            Object parsed;
            try {
                parsed = raw instanceof String s ? (s.isBlank() ? Map.of() : Json.parse(s)) : raw;
            } catch (RuntimeException e) {
                // the parser's message would quote the text, which is secret
                throw new IllegalArgumentException("the credential's field \"" + field + "\" is not valid JSON");
            }
            if (!(parsed instanceof Map<?, ?> json)) {
                throw new IllegalArgumentException("the credential's field \"" + field + "\" must be a JSON object with "
                        + "\"headers\", \"qs\" and \"body\"");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            Map<String, String> query = new LinkedHashMap<>();
            Map<String, Object> body = new LinkedHashMap<>();
            if (json.get("headers") instanceof Map<?, ?> h) {
                h.forEach((k, v) -> headers.put(String.valueOf(k), text(v)));
            }
            if (json.get("qs") instanceof Map<?, ?> q) {
                q.forEach((k, v) -> query.put(String.valueOf(k), text(v)));
            }
            if (json.get("body") instanceof Map<?, ?> b) {
                b.forEach((k, v) -> body.put(String.valueOf(k), v));
            }
            List<String> secrets = new ArrayList<>(headers.values());
            secrets.addAll(query.values());
            body.values().forEach(v -> {
                if (v instanceof String s) {
                    secrets.add(s);
                }
            });
            return new Applied(headers, query, body, secrets);
        }
    }

    /**
     * {@code Authorization: Bearer <access token>} from the credential's {@code oauthTokenData}, which the
     * platform fills (for the client-credentials grant, by asking the token endpoint).
     */
    record OAuth2() implements HttpAuthentication {
        /** The field the access token is found under, as n8n stores it. */
        public static final String TOKEN_DATA = "oauthTokenData";

        @Override
        public Applied apply(Map<String, Object> data) {
            Object token = data.get(TOKEN_DATA) instanceof Map<?, ?> t ? t.get("access_token") : null;
            if (token == null || text(token).isBlank()) {
                throw new IllegalArgumentException("the OAuth2 credential holds no access token");
            }
            return new Applied(Map.of("Authorization", "Bearer " + text(token)), Map.of(), null, List.of());
        }
    }

    /** A template with its {@code {{$credentials.field}}} parts filled in; a leading {@code =} is dropped. */
    static String fill(String template, Map<String, Object> data) {
        String t = template.startsWith("=") ? template.substring(1) : template;
        Matcher m = Templates.FIELD.matcher(t);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(text(data.get(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> fill(Map<String, String> templates, Map<String, Object> data, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        templates.forEach((name, value) -> {
            String n = fill(name, data).strip();
            if (n.isEmpty()) {
                Matcher m = Templates.FIELD.matcher(name);
                throw new IllegalArgumentException("the credential gives no " + what + " name"
                        + (m.find() ? " (its field \"" + m.group(1) + "\" is empty)" : ""));
            }
            out.put(n, fill(value, data));
        });
        return out;
    }

    private static String text(Object v) {
        return v == null ? "" : v instanceof String s ? s : Json.toText(v);
    }

    /** The template syntax: {@code {{$credentials.field}}}. */
    final class Templates {
        static final Pattern FIELD = Pattern.compile("\\{\\{\\s*\\$credentials\\.([A-Za-z0-9_]+)\\s*}}");

        private Templates() {
        }
    }
}
