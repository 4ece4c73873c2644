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

    /**
     * The binary part of the item, as n8n's Webhook node makes it: a body that is not JSON, a form or
     * text (a file, an image) becomes the binary property {@code options.binaryPropertyName} (default
     * {@code data}) and the JSON body stays empty; {@code options.rawBody} also keeps the raw body of any
     * request as binary {@code data}.
     */
    static Map<String, Object> binary(HttpServletRequest request, byte[] bytes, Map<String, Object> options) {
        if (bytes.length == 0) {
            return Map.of();
        }
        String type = request.getContentType() == null ? "application/octet-stream" : request.getContentType();
        String property = options.get("binaryPropertyName") instanceof String p && !p.isBlank() ? p : "data";
        if (isFile(type) || Boolean.TRUE.equals(options.get("rawBody"))) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("data", java.util.Base64.getEncoder().encodeToString(bytes));
            file.put("mimeType", type.split(";")[0].trim());
            file.put("fileSize", bytes.length);
            String disposition = request.getHeader("Content-Disposition");
            if (disposition != null && disposition.contains("filename=")) {
                file.put("fileName", disposition.replaceAll(".*filename=\"?([^\";]*)\"?.*", "$1"));
            }
            return Map.of(isFile(type) ? property : "data", file);
        }
        return Map.of();
    }

    /** A body n8n does not parse: neither JSON, a form, nor text. */
    static boolean isFile(String contentType) {
        String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return !t.isEmpty() && !t.contains("json") && !t.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                && !t.startsWith("text/") && !t.contains("xml") && !t.startsWith("multipart/");
    }

    static Object body(HttpServletRequest request, byte[] bytes) {
        if (isFile(request.getContentType())) {
            return Map.of();
        }
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
