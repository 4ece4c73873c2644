package dev.switchboard.nodes.connector;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.json.JsonException;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeException;

/**
 * Turns an HTTP response into the HTTP Request node's output items, as n8n does: JSON bodies become
 * items (an array one item per element), text goes into a field, files into a binary property;
 * with "full response" the headers, status code and status message come along.
 */
final class HttpResponseItems {

    private static final List<String> BINARY_TYPES = List.of("image/", "audio/", "video/", "application/octet-stream",
            "application/gzip", "application/zip", "application/vnd.rar", "application/epub+zip", "application/x-bzip",
            "application/x-bzip2", "application/x-cdf", "application/vnd.amazon.ebook", "application/msword",
            "application/vnd.ms-fontobject", "application/vnd.oasis.opendocument.presentation", "application/pdf",
            "application/x-7z-compressed", "application/x-tar", "application/x-rar-compressed",
            "application/vnd.openxmlformats-officedocument", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "font/");
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\";\\s]+)");
    private static final Pattern FILENAME = Pattern.compile("(?i)filename\\*?=(?:UTF-8'')?\"?([^\";]+)\"?");

    private HttpResponseItems() {
    }

    static List<Item> toItems(HttpExchange.Response response, HttpOptions options, Item input, int itemIndex) {
        String contentType = response.header("content-type") == null ? "" : response.header("content-type");
        String format = options.responseFormat();
        Object body;
        if (format.equals("autodetect")) {
            if (contentType.contains("application/json")) {
                format = "json";
                String text = text(response.body(), contentType);
                if (text.isBlank()) {
                    body = new LinkedHashMap<String, Object>();
                } else {
                    try {
                        body = Json.parse(text);
                    } catch (JsonException e) {
                        if (!options.neverError()) {
                            throw new NodeException("The response body is not valid JSON although its content type "
                                    + "says so: " + e.getMessage() + " [item " + itemIndex + "]", itemIndex);
                        }
                        body = new LinkedHashMap<String, Object>();
                    }
                }
            } else if (BINARY_TYPES.stream().anyMatch(contentType::contains)) {
                format = "file";
                body = null;
            } else {
                format = "text";
                String text = text(response.body(), contentType);
                body = text.isEmpty() ? null : text;
            }
        } else if (format.equals("file")) {
            body = null;
        } else {
            body = text(response.body(), contentType);
        }

        List<Item> out = new ArrayList<>();
        switch (format) {
            case "file" -> {
                Map<String, Object> json = options.fullResponse() ? meta(response) : input.jsonCopy();
                Map<String, Object> binary = new LinkedHashMap<>(input.binary());
                binary.put(options.outputPropertyName(), binary(response, contentType));
                out.add(new Item(json, binary, List.of(dev.switchboard.platform.node.PairedItem.of(itemIndex))));
            }
            case "text" -> {
                Map<String, Object> json = new LinkedHashMap<>();
                putIfPresent(json, options.outputPropertyName(), toText(body));
                if (options.fullResponse()) {
                    json.putAll(meta(response));
                }
                out.add(Item.of(json, itemIndex));
            }
            default -> {
                Object parsed = body;
                if (parsed instanceof String s) {
                    if (s.isBlank()) {
                        parsed = new LinkedHashMap<String, Object>();
                    } else {
                        try {
                            parsed = Json.parse(s);
                        } catch (JsonException e) {
                            throw new NodeException("The response body is not valid JSON; set \"Response Format\" to "
                                    + "\"Text\" to read it as text [item " + itemIndex + "]", itemIndex);
                        }
                    }
                }
                if (options.fullResponse()) {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("body", parsed);
                    json.putAll(meta(response));
                    out.add(Item.of(json, itemIndex));
                } else if (parsed instanceof List<?> list) {
                    for (Object element : list) {
                        out.add(Item.of(asObject(element), itemIndex));
                    }
                } else {
                    out.add(Item.of(asObject(parsed), itemIndex));
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        if (value != null) {
            json.put("data", value);
        }
        return json;
    }

    private static void putIfPresent(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    private static Object toText(Object body) {
        return body instanceof Map || body instanceof List ? Json.write(body) : body;
    }

    private static Map<String, Object> meta(HttpExchange.Response response) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("headers", new LinkedHashMap<>(response.headers()));
        json.put("statusCode", (long) response.status());
        json.put("statusMessage", HttpStatus.reason(response.status()));
        return json;
    }

    /** The body as text, in the charset the content type names (UTF-8 otherwise). */
    static String text(byte[] body, String contentType) {
        Charset charset = StandardCharsets.UTF_8;
        Matcher m = CHARSET.matcher(contentType);
        if (m.find()) {
            try {
                charset = Charset.forName(m.group(1));
            } catch (IllegalArgumentException e) {
                charset = StandardCharsets.UTF_8;
            }
        }
        String text = new String(body, charset);
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static Map<String, Object> binary(HttpExchange.Response response, String contentType) {
        String mime = contentType.isEmpty() ? "application/octet-stream"
                : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        String fileName = null;
        String disposition = response.header("content-disposition");
        if (disposition != null) {
            Matcher m = FILENAME.matcher(disposition);
            if (m.find()) {
                fileName = URLDecoder.decode(m.group(1).trim(), StandardCharsets.UTF_8);
            }
        }
        if (fileName == null) {
            String path = response.uri().getPath();
            String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
            fileName = last.isEmpty() ? null : last;
        }
        Map<String, Object> binary = new LinkedHashMap<>();
        binary.put("data", Base64.getEncoder().encodeToString(response.body()));
        binary.put("mimeType", mime);
        if (fileName != null) {
            binary.put("fileName", fileName);
            int dot = fileName.lastIndexOf('.');
            if (dot > 0 && dot < fileName.length() - 1) {
                binary.put("fileExtension", fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
            }
        }
        binary.put("fileSize", fileSize(response.body().length));
        return binary;
    }

    /** A human-readable size, as n8n shows it ("512 B", "1.5 kB"). */
    static String fileSize(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        String number = String.format(Locale.ROOT, "%.1f", value);
        if (number.endsWith(".0")) {
            number = number.substring(0, number.length() - 2);
        }
        return number + " " + units[unit];
    }
}
