package dev.switchboard.nodes.connector;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.Json;

/**
 * Encodes parameters as the {@code qs} library does for n8n's HTTP Request node: nested objects as
 * {@code a[b]=c}, arrays as {@code a[]=1&a[]=2} ("brackets"), {@code a[0]=1} ("indices") or
 * {@code a=1&a=2} ("repeat"), names and values percent-encoded.
 */
final class QueryString {

    private QueryString() {
    }

    static String encode(Map<String, Object> params, String arrayFormat) {
        StringBuilder sb = new StringBuilder();
        for (var e : params.entrySet()) {
            append(sb, e.getKey(), e.getValue(), arrayFormat);
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void append(StringBuilder sb, String key, Object value, String arrayFormat) {
        if (value instanceof Map<?, ?> map) {
            for (var e : ((Map<String, Object>) map).entrySet()) {
                append(sb, key + "[" + e.getKey() + "]", e.getValue(), arrayFormat);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String k = switch (arrayFormat) {
                    case "repeat" -> key;
                    case "indices" -> key + "[" + i + "]";
                    default -> key + "[]";
                };
                append(sb, k, list.get(i), arrayFormat);
            }
        } else {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(component(key)).append('=');
            if (value != null) {
                sb.append(component(value instanceof String s ? s : Json.toText(value)));
            }
        }
    }

    /** Percent-encoding of everything but letters, digits and {@code - . _ ~} (RFC 3986), as qs does. */
    static String component(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }
}
