package dev.switchboard.nodes.connector;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.json.JsonException;
import dev.switchboard.platform.json.JsonPath;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeException;

/** Reads the HTTP Request node's parameters for one item and builds the request to send. */
final class HttpCallBuilder {

    private final NodeContext context;
    private final int itemIndex;
    private final Item item;
    private final HttpOptions options;

    HttpCallBuilder(NodeContext context, int itemIndex, Item item, HttpOptions options) {
        this.context = context;
        this.itemIndex = itemIndex;
        this.item = item;
        this.options = options;
    }

    private NodeException error(String message) {
        return new NodeException(message + " [item " + itemIndex + "]", itemIndex);
    }

    HttpCall build() {
        Object rawUrl = context.parameter("url", itemIndex);
        if (!(rawUrl instanceof String)) {
            throw error("Parameter \"url\" must be text but is " + Json.typeName(rawUrl));
        }
        String url = ((String) rawUrl).trim();
        if (url.isEmpty()) {
            throw error("Parameter \"url\" is empty");
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw error("Parameter \"url\": \"" + url + "\" must start with http:// or https://");
        }
        String method = context.string("method", itemIndex, "GET").toUpperCase(Locale.ROOT);
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = null;

        if (context.bool("sendQuery", itemIndex, false)) {
            Map<String, Object> query = "json".equals(context.string("specifyQuery", itemIndex, "keypair"))
                    ? jsonObject("jsonQuery") : pairs("queryParameters", false);
            String encoded = QueryString.encode(query, options.queryParameterArrays());
            if (!encoded.isEmpty()) {
                int hash = url.indexOf('#');
                String fragment = hash >= 0 ? url.substring(hash) : "";
                String base = hash >= 0 ? url.substring(0, hash) : url;
                url = base + (base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?")
                        + encoded + fragment;
            }
        }
        URI uri;
        try {
            uri = new URI(url);
            if (uri.getHost() == null) {
                throw error("Parameter \"url\": \"" + url + "\" has no host");
            }
        } catch (URISyntaxException e) {
            throw error("Parameter \"url\": \"" + url + "\" is not a valid URL: " + e.getReason());
        }

        if (context.bool("sendBody", itemIndex, false) && !method.equals("HEAD")) {
            String contentType = context.string("contentType", itemIndex, "json");
            switch (contentType) {
                case "json" -> {
                    Object value = "json".equals(context.string("specifyBody", itemIndex, "keypair"))
                            ? jsonValue("jsonBody") : pairs("bodyParameters", context.typeVersion() >= 4);
                    body = Json.write(value).getBytes(StandardCharsets.UTF_8);
                    headers.put("content-type", "application/json");
                }
                case "form-urlencoded" -> {
                    String form = "string".equals(context.string("specifyBody", itemIndex, "keypair"))
                            ? context.string("body", itemIndex, "")
                            : QueryString.encode(pairs("bodyParameters", false), "indices");
                    body = form.getBytes(StandardCharsets.UTF_8);
                    headers.put("content-type", "application/x-www-form-urlencoded");
                }
                case "multipart-form-data" -> {
                    String boundary = "----SwitchboardBoundary" + UUID.randomUUID().toString().replace("-", "");
                    body = multipart(boundary);
                    headers.put("content-type", "multipart/form-data; boundary=" + boundary);
                }
                case "binaryData" -> {
                    Map<String, Object> binary = binary(context.string("inputDataFieldName", itemIndex, ""),
                            "inputDataFieldName");
                    body = bytes(binary, "inputDataFieldName");
                    headers.put("content-type", binary.get("mimeType") instanceof String m ? m : "application/octet-stream");
                }
                case "raw" -> {
                    body = context.string("body", itemIndex, "").getBytes(StandardCharsets.UTF_8);
                    String raw = context.string("rawContentType", itemIndex, "");
                    if (!raw.isEmpty()) {
                        headers.put("content-type", raw);
                    }
                }
                default -> throw error("Parameter \"contentType\": unknown value \"" + contentType + "\"");
            }
        }

        if (context.bool("sendHeaders", itemIndex, false)) {
            Map<String, Object> extra = "json".equals(context.string("specifyHeaders", itemIndex, "keypair"))
                    ? jsonObject("jsonHeaders") : pairs("headerParameters", false);
            for (var e : extra.entrySet()) {
                if (e.getKey().isEmpty()) {
                    continue;
                }
                String name = options.lowercaseHeaders() ? e.getKey().toLowerCase(Locale.ROOT) : e.getKey();
                headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
                Object v = e.getValue();
                headers.put(name, v instanceof List<?> l ? String.join(", ", l.stream().map(Json::toText).toList())
                        : v == null ? "" : Json.toText(v));
            }
        }
        if (headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("accept"))) {
            headers.put("accept", switch (options.responseFormat()) {
                case "json" -> "application/json,text/*;q=0.99";
                case "text" -> "application/json,text/html,application/xhtml+xml,application/xml,text/*;q=0.9, */*;q=0.1";
                default -> "application/json,text/html,application/xhtml+xml,application/xml,text/*;q=0.9, "
                        + "image/*;q=0.8, */*;q=0.7";
            });
        }
        return new HttpCall(method, uri, headers, body);
    }

    /** A fixed collection of name/value pairs as an object; repeated names collect their values in an array. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> pairs(String parameter, boolean dotPaths) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object raw = context.parameter(parameter + ".parameters", itemIndex);
        if (!(raw instanceof List<?> list)) {
            return out;
        }
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> m)) {
                continue;
            }
            Object nameValue = m.get("name");
            String name = nameValue == null ? "" : Json.toText(nameValue);
            Object value = m.containsKey("value") ? m.get("value") : "";
            if (name.isEmpty() && "".equals(value)) {
                continue;
            }
            if (dotPaths) {
                JsonPath.set(out, name, value);
            } else if (out.containsKey(name)) {
                Object existing = out.get(name);
                List<Object> values = existing instanceof List<?> l ? (List<Object>) l : new ArrayList<>(List.of(existing));
                values.add(value);
                out.put(name, values);
            } else {
                out.put(name, value);
            }
        }
        return out;
    }

    private Object jsonValue(String parameter) {
        Object v = context.parameter(parameter, itemIndex);
        if (v instanceof String s) {
            if (s.isBlank()) {
                return Map.of();
            }
            try {
                return Json.parse(s);
            } catch (JsonException e) {
                throw error("Parameter \"" + parameter + "\" is not valid JSON: " + e.getMessage());
            }
        }
        return v == null ? Map.of() : v;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> jsonObject(String parameter) {
        Object v = jsonValue(parameter);
        if (!(v instanceof Map<?, ?> m)) {
            throw error("Parameter \"" + parameter + "\" must be a JSON object but is " + Json.typeName(v));
        }
        return (Map<String, Object>) m;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> binary(String property, String parameter) {
        if (property.isEmpty()) {
            throw error("Parameter \"" + parameter + "\" is empty: name the binary property to send");
        }
        if (!(item.binary().get(property) instanceof Map<?, ?> b)) {
            throw error("Parameter \"" + parameter + "\": the item has no binary property \"" + property + "\"");
        }
        return (Map<String, Object>) b;
    }

    private byte[] bytes(Map<String, Object> binary, String parameter) {
        if (!(binary.get("data") instanceof String data)) {
            throw error("Parameter \"" + parameter + "\": the binary property holds no inline data");
        }
        try {
            return Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw error("Parameter \"" + parameter + "\": the binary data is not valid base64");
        }
    }

    private byte[] multipart(String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Object raw = context.parameter("bodyParameters.parameters", itemIndex);
        if (raw instanceof List<?> list) {
            for (Object entry : list) {
                if (!(entry instanceof Map<?, ?> m)) {
                    continue;
                }
                String name = m.get("name") == null ? "" : Json.toText(m.get("name"));
                boolean file = "formBinaryData".equals(m.get("parameterType"));
                if (file) {
                    String field = m.get("inputDataFieldName") == null ? "" : Json.toText(m.get("inputDataFieldName"));
                    if (field.isEmpty()) {
                        continue;
                    }
                    Map<String, Object> binary = binary(field, "bodyParameters.inputDataFieldName");
                    String fileName = binary.get("fileName") instanceof String f ? f : "file";
                    String mime = binary.get("mimeType") instanceof String t ? t : "application/octet-stream";
                    write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(name)
                            + "\"; filename=\"" + quote(fileName) + "\"\r\nContent-Type: " + mime + "\r\n\r\n");
                    out.writeBytes(bytes(binary, "bodyParameters.inputDataFieldName"));
                    write(out, "\r\n");
                } else {
                    if (name.isEmpty() && "".equals(m.get("value"))) {
                        continue;
                    }
                    Object value = m.get("value");
                    write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(name)
                            + "\"\r\n\r\n" + (value == null ? "" : Json.toText(value)) + "\r\n");
                }
            }
        }
        write(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static String quote(String s) {
        return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
