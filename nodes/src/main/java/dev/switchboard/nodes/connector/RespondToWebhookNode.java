package dev.switchboard.nodes.connector;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.json.JsonException;
import dev.switchboard.platform.json.JsonPath;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.PairedItem;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * Decides the answer to the request that started the run (a Webhook trigger whose "Respond" is
 * "Using Respond to Webhook Node"): all items, the first item, custom JSON or text, nothing, a
 * redirect, or a binary file, with a status code and headers. It passes its items on unchanged.
 * The answer is recorded in the step's log and in this node's state under {@code response}, where
 * the webhook server picks it up; run elsewhere (tests, the command line) nothing is sent.
 */
public final class RespondToWebhookNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("respondToWebhook", "Respond to Webhook",
                    NodeCategory.CONNECTOR)
            .versions(1.0, 1.1, 1.2, 1.3, 1.4)
            .description("Sets the HTTP answer to the webhook call that started the workflow.")
            .outputs("", "response")
            .parameters(
                    ParameterSpec.options("respondWith", "Respond with", "firstIncomingItem", "allIncomingItems",
                            "binary", "firstIncomingItem", "json", "noData", "redirect", "text"),
                    ParameterSpec.of("redirectURL", "Redirect URL", ParameterType.STRING, "")
                            .showWhen("respondWith", "redirect"),
                    ParameterSpec.of("responseBody", "Response body", ParameterType.JSON, "{\n  \"myField\": \"value\"\n}")
                            .showWhen("respondWith", "json", "text")
                            .help("JSON for \"JSON\", plain text for \"Text\"."),
                    ParameterSpec.options("responseDataSource", "Response data source", "automatically", "automatically", "set")
                            .showWhen("respondWith", "binary"),
                    ParameterSpec.of("inputFieldName", "Input binary field", ParameterType.STRING, "data")
                            .showWhen("responseDataSource", "set"),
                    ParameterSpec.of("enableResponseOutput", "Output the response", ParameterType.BOOLEAN, false)
                            .inVersions(1.4).help("Adds a second output with the response that was sent."),
                    ParameterSpec.of("options", "Options", ParameterType.COLLECTION, Map.of())
                            .help("responseCode, responseHeaders.entries [{name, value}], responseKey (put the items "
                                    + "under this field)."))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public int outputCount(double version, Map<String, Object> parameters) {
        return version == 1.3 || version >= 1.4 && Boolean.TRUE.equals(parameters.get("enableResponseOutput")) ? 2 : 1;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        List<Item> items = context.items();
        Map<String, Object> response;
        try {
            response = response(context, items);
        } catch (NodeException e) {
            if (!context.continueOnFail()) {
                throw e;
            }
            List<PairedItem> lineage = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                lineage.add(PairedItem.of(i));
            }
            return NodeResult.of(List.of(new Item(new LinkedHashMap<>(Map.of("error", e.getMessage())), null, lineage)));
        }
        context.nodeState().put("response", response);
        String body = Json.write(response.get("body"));
        context.log().info("Would respond " + response.get("statusCode") + " with headers "
                + Json.write(response.get("headers")) + " and body " + (body.length() > 2000 ? body.substring(0, 2000)
                + "…" : body));
        List<Item> passed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            passed.add(items.get(i).withPairedItem(i));
        }
        if (outputCount(context.typeVersion(), Map.of("enableResponseOutput",
                context.bool("enableResponseOutput", 0, false))) == 2) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("response", response);
            return NodeResult.outputs(passed, List.of(Item.of(json, 0)));
        }
        return NodeResult.of(passed);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> response(NodeContext context, List<Item> items) {
        Map<String, Object> options = context.parameter("options", 0) instanceof Map<?, ?> o
                ? (Map<String, Object>) o : Map.of();
        Map<String, Object> headers = new LinkedHashMap<>();
        if (options.get("responseHeaders") instanceof Map<?, ?> h && h.get("entries") instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> e && e.get("name") != null) {
                    headers.put(Json.toText(e.get("name")).toLowerCase(Locale.ROOT),
                            e.get("value") == null ? "" : Json.toText(e.get("value")));
                }
            }
        }
        Object code = options.get("responseCode");
        long statusCode = code instanceof Number n ? n.longValue() : 200;
        String responseKey = options.get("responseKey") == null ? "" : Json.toText(options.get("responseKey"));
        String respondWith = context.string("respondWith", 0, "firstIncomingItem");
        Object body = null;
        switch (respondWith) {
            case "allIncomingItems" -> {
                List<Object> all = new ArrayList<>();
                for (Item item : items) {
                    all.add(item.json());
                }
                body = wrap(all, responseKey);
            }
            case "firstIncomingItem", "firstIncomingJSON" -> {
                if (items.isEmpty()) {
                    throw new NodeException("Parameter \"respondWith\": there is no incoming item to respond with");
                }
                body = wrap(items.get(0).json(), responseKey);
            }
            case "json" -> {
                Object value = context.parameter("responseBody", 0);
                if (value instanceof String s) {
                    if (!s.isBlank()) {
                        try {
                            body = Json.parse(s);
                        } catch (JsonException e) {
                            throw new NodeException("Parameter \"responseBody\" is not valid JSON: " + e.getMessage());
                        }
                    }
                } else {
                    body = value;
                }
            }
            case "text" -> {
                Object value = context.parameter("responseBody", 0);
                body = value == null ? "" : Json.toText(value);
            }
            case "binary" -> body = binary(context, items, headers);
            case "redirect" -> {
                headers.put("location", context.string("redirectURL", 0, ""));
                statusCode = code instanceof Number n ? n.longValue() : 307;
            }
            case "noData" -> {
            }
            default -> throw new NodeException("Parameter \"respondWith\": unknown value \"" + respondWith + "\"");
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("body", body);
        response.put("headers", headers);
        response.put("statusCode", statusCode);
        return response;
    }

    private static Object wrap(Object value, String responseKey) {
        if (responseKey.isEmpty()) {
            return value;
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        JsonPath.set(wrapped, responseKey, value);
        return wrapped;
    }

    /** Describes the binary answer (the bytes stay in the item): property, type, name and size. */
    private static Object binary(NodeContext context, List<Item> items, Map<String, Object> headers) {
        if (items.isEmpty() || items.get(0).binary().isEmpty()) {
            throw new NodeException("Parameter \"respondWith\": the first item has no binary data to respond with");
        }
        Item first = items.get(0);
        String property = "set".equals(context.string("responseDataSource", 0, "automatically"))
                ? context.string("inputFieldName", 0, "data") : first.binary().keySet().iterator().next();
        if (!(first.binary().get(property) instanceof Map<?, ?> binary)) {
            throw new NodeException("Parameter \"inputFieldName\": the first item has no binary property \""
                    + property + "\"");
        }
        String mime = binary.get("mimeType") instanceof String m ? m : "application/octet-stream";
        headers.putIfAbsent("content-type", mime);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("binaryProperty", property);
        body.put("mimeType", mime);
        if (binary.get("fileName") != null) {
            body.put("fileName", binary.get("fileName"));
        }
        if (binary.get("data") instanceof String data) {
            try {
                body.put("bytes", (long) Base64.getMimeDecoder().decode(data).length);
            } catch (IllegalArgumentException e) {
                throw new NodeException("Binary property \"" + property + "\" is not valid base64");
            }
        }
        return body;
    }
}
