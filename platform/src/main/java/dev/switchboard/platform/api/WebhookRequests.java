package dev.switchboard.platform.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.json.JsonException;

/** An HTTP request as the item a webhook gives its workflow: {@code headers}, {@code params}, {@code query}, {@code body}. */
final class WebhookRequests {

    private WebhookRequests() {
    }

    static Map<String, Object> item(HttpServletRequest request, String path, byte[] bytes) {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        Map<String, Object> query = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (request.getQueryString() != null && request.getQueryString().contains(k)) {
                query.put(k, v.length == 1 ? v[0] : List.of(v));
            }
        });
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("headers", headers);
        item.put("params", Map.of("path", path));
        item.put("query", query);
        item.put("body", body(request, bytes));
        return item;
    }

    static Object body(HttpServletRequest request, byte[] bytes) {
        if (bytes.length == 0) {
            return Map.of();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            try {
                return Json.parse(text);
            } catch (JsonException e) {
                return text;
            }
        }
        if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            Map<String, Object> form = new LinkedHashMap<>();
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.put(k, v);
            }
            return form;
        }
        return text;
    }

}
