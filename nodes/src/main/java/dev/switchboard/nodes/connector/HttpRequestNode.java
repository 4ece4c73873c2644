package dev.switchboard.nodes.connector;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.switchboard.nodes.support.ItemLoop;
import dev.switchboard.platform.node.CredentialType;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * Sends one HTTP request per item and outputs the response: n8n's HTTP Request node (versions 3
 * to 4.2) with query, headers, JSON / form / multipart / binary / raw bodies, response formats,
 * redirects, timeouts, batching and "never error". Requests are signed with a stored credential as
 * n8n's generic and predefined authentication does (see {@link HttpSigning}).
 */
public final class HttpRequestNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("httpRequest", "HTTP Request", NodeCategory.CONNECTOR)
            .versions(3.0, 4.0, 4.1, 4.2)
            .description("Calls any HTTP API and outputs its response.")
            .riskTags("external-write")
            .compensable()
            .credentialTypes(HttpCredentialTypes.GENERIC.toArray(CredentialType[]::new))
            .parameters(
                    ParameterSpec.options("method", "Method", "GET", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"),
                    ParameterSpec.required("url", "URL", ParameterType.STRING)
                            .help("The address to call, starting with http:// or https://."),
                    ParameterSpec.options("authentication", "Authentication", "none", "none", "predefinedCredentialType",
                            "genericCredentialType").help("Sign the request with a stored credential: a generic one "
                                    + "(header, query, basic, bearer, custom, OAuth2) or one of a service's type."),
                    ParameterSpec.options("genericAuthType", "Generic auth type", null, "httpBasicAuth", "httpCustomAuth",
                            "httpDigestAuth", "httpHeaderAuth", "httpQueryAuth", "httpBearerAuth", "oAuth1Api", "oAuth2Api")
                            .showWhen("authentication", "genericCredentialType")
                            .help("The kind of credential; the node's credentials name the one to use."),
                    ParameterSpec.of("nodeCredentialType", "Credential type", ParameterType.STRING, "")
                            .showWhen("authentication", "predefinedCredentialType")
                            .help("A credential type a node declares; the node's credentials name the one to use."),
                    ParameterSpec.of("provideSslCertificates", "SSL certificates", ParameterType.BOOLEAN, false),
                    ParameterSpec.of("sendQuery", "Send query parameters", ParameterType.BOOLEAN, false),
                    ParameterSpec.options("specifyQuery", "Specify query parameters", "keypair", "keypair", "json")
                            .showWhen("sendQuery", true),
                    ParameterSpec.of("queryParameters", "Query parameters", ParameterType.FIXED_COLLECTION,
                            Map.of("parameters", List.of(Map.of("name", "", "value", ""))))
                            .showWhen("sendQuery", true).help("parameters: name, value; a repeated name sends an array."),
                    ParameterSpec.of("jsonQuery", "Query parameters (JSON)", ParameterType.JSON, "")
                            .showWhen("specifyQuery", "json"),
                    ParameterSpec.of("sendHeaders", "Send headers", ParameterType.BOOLEAN, false),
                    ParameterSpec.options("specifyHeaders", "Specify headers", "keypair", "keypair", "json")
                            .showWhen("sendHeaders", true),
                    ParameterSpec.of("headerParameters", "Headers", ParameterType.FIXED_COLLECTION,
                            Map.of("parameters", List.of(Map.of("name", "", "value", ""))))
                            .showWhen("sendHeaders", true).help("parameters: name, value."),
                    ParameterSpec.of("jsonHeaders", "Headers (JSON)", ParameterType.JSON, "")
                            .showWhen("specifyHeaders", "json"),
                    ParameterSpec.of("sendBody", "Send body", ParameterType.BOOLEAN, false),
                    ParameterSpec.options("contentType", "Body content type", "json", "form-urlencoded",
                            "multipart-form-data", "json", "binaryData", "raw").showWhen("sendBody", true),
                    ParameterSpec.options("specifyBody", "Specify body", "keypair", "keypair", "json", "string")
                            .showWhen("sendBody", true)
                            .help("JSON: fields below or a JSON text; form URL-encoded: fields below or a single string."),
                    ParameterSpec.of("bodyParameters", "Body fields", ParameterType.FIXED_COLLECTION,
                            Map.of("parameters", List.of(Map.of("name", "", "value", ""))))
                            .showWhen("sendBody", true)
                            .help("parameters: name, value (multipart: parameterType formData or formBinaryData with "
                                    + "inputDataFieldName)."),
                    ParameterSpec.of("jsonBody", "Body (JSON)", ParameterType.JSON, "").showWhen("specifyBody", "json"),
                    ParameterSpec.of("body", "Body", ParameterType.STRING, "").showWhen("sendBody", true),
                    ParameterSpec.of("inputDataFieldName", "Input binary field", ParameterType.STRING, "")
                            .showWhen("contentType", "binaryData"),
                    ParameterSpec.of("rawContentType", "Content type", ParameterType.STRING, "")
                            .showWhen("contentType", "raw"),
                    ParameterSpec.of("options", "Options", ParameterType.COLLECTION, Map.of())
                            .help("batching.batch {batchSize, batchInterval}, allowUnauthorizedCerts, "
                                    + "queryParameterArrays (brackets/indices/repeat), lowercaseHeaders, "
                                    + "redirect.redirect {followRedirects, maxRedirects}, response.response "
                                    + "{fullResponse, neverError, responseFormat, outputPropertyName}, proxy, timeout (ms)."),
                    ParameterSpec.of("undoRequest", "Undo request on rollback", ParameterType.BOOLEAN, false)
                            .help("When the run is rolled back, send a request that undoes this call. Its expressions see "
                                    + "what the call recorded: {{ $json.output.id }} (the response), {{ $json.input.x }} (the item sent)."),
                    ParameterSpec.options("undoMethod", "Undo method", "DELETE", "DELETE", "POST", "PUT", "PATCH", "GET")
                            .showWhen("undoRequest", true),
                    ParameterSpec.of("undoUrl", "Undo URL", ParameterType.STRING, "").showWhen("undoRequest", true)
                            .help("e.g. https://shop.example/api/orders/{{ $json.output.id }}"),
                    ParameterSpec.of("undoHeaders", "Undo headers", ParameterType.FIXED_COLLECTION, Map.of())
                            .rows("parameters", "name", "value").showWhen("undoRequest", true),
                    ParameterSpec.of("undoBody", "Undo body (JSON)", ParameterType.JSON, "").showWhen("undoRequest", true))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) throws InterruptedException {
        try (HttpExchange exchange = new HttpExchange()) {
            return NodeResult.of(ItemLoop.mapEach(context, (item, i) -> request(context, exchange, item, i)));
        }
    }

    /** A request that reads (GET, HEAD, OPTIONS) changes nothing; any other may write. */
    @Override
    public java.util.Set<String> riskTags(double version, Map<String, Object> parameters) {
        Object method = parameters.getOrDefault("method", "GET");
        return List.of("GET", "HEAD", "OPTIONS").contains(String.valueOf(method)) ? java.util.Set.of() : DESCRIPTOR.riskTags();
    }

    @Override
    public boolean compensates(double version, Map<String, Object> parameters) {
        return Boolean.TRUE.equals(parameters.get("undoRequest")) && parameters.get("undoUrl") instanceof String url
                && !url.isBlank();
    }

    /** Sends the undo request once per item the call put out, signed like the call itself. */
    @Override
    public NodeResult compensate(NodeContext context) throws InterruptedException {
        try (HttpExchange exchange = new HttpExchange()) {
            List<Item> out = new java.util.ArrayList<>();
            List<Item> items = context.items();
            for (int i = 0; i < items.size(); i++) {
                out.add(undo(context, exchange, i));
            }
            return NodeResult.of(out);
        }
    }

    private static Item undo(NodeContext context, HttpExchange exchange, int i) throws InterruptedException {
        String method = context.string("undoMethod", i, "DELETE");
        String url = context.string("undoUrl", i, "");
        java.net.URI uri;
        try {
            uri = java.net.URI.create(url.strip());
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
                throw new IllegalArgumentException("not an http(s) address");
            }
        } catch (IllegalArgumentException e) {
            throw new NodeException("Parameter \"undoUrl\": \"" + url + "\" is not a URL (" + e.getMessage() + ") [item " + i + "]", i);
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (context.parameter("undoHeaders", i, Map.of()) instanceof Map<?, ?> m && m.get("parameters") instanceof List<?> rows) {
            for (Object row : rows) {
                if (row instanceof Map<?, ?> r && r.get("name") != null && !String.valueOf(r.get("name")).isBlank()) {
                    headers.put(String.valueOf(r.get("name")), r.get("value") == null ? "" : String.valueOf(r.get("value")));
                }
            }
        }
        Object bodyValue = context.parameter("undoBody", i, "");
        byte[] body = null;
        if (bodyValue instanceof String text && !text.isBlank()) {
            body = text.getBytes(StandardCharsets.UTF_8);
        } else if (bodyValue instanceof Map<?, ?> || bodyValue instanceof List<?>) {
            body = dev.switchboard.platform.json.Json.write(bodyValue).getBytes(StandardCharsets.UTF_8);
        }
        if (body != null) {
            headers.putIfAbsent("Content-Type", "application/json");
        }
        HttpCall call = new HttpCall(method, uri, headers, body);
        String credentialType = HttpSigning.requestedType(context, i);
        if (credentialType != null) {
            call = HttpSigning.sign(context, call, credentialType, i);
        }
        HttpOptions options = HttpOptions.from(context.parameter("options", i), context.typeVersion());
        HttpExchange.Response response;
        try {
            response = exchange.send(call, options);
        } catch (HttpExchange.TransportException e) {
            throw new NodeException("undo of \"" + context.nodeName() + "\": " + method + " " + uri + " failed: "
                    + e.getMessage() + " [item " + i + "]", i, null, e);
        }
        context.log().info("undo: " + method + " " + uri + " answered " + response.status());
        if (response.status() < 200 || response.status() >= 300) {
            throw new NodeException("undo of \"" + context.nodeName() + "\": " + method + " " + uri + " answered "
                    + response.status() + " " + HttpStatus.reason(response.status()) + " [item " + i + "]", i);
        }
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("method", method);
        json.put("url", uri.toString());
        json.put("status", response.status());
        return Item.of(json, i);
    }

    private static List<Item> request(NodeContext context, HttpExchange exchange, Item item, int i)
            throws InterruptedException {
        String credentialType = HttpSigning.requestedType(context, i);
        if (context.bool("provideSslCertificates", i, false)) {
            throw new NodeException("Parameter \"provideSslCertificates\": client certificates need a stored "
                    + "credential, which this node cannot use yet [item " + i + "]", i);
        }
        if (context.rawParameter("options.pagination.pagination") instanceof Map<?, ?> p
                && p.get("paginationMode") != null && !"off".equals(p.get("paginationMode"))) {
            throw new NodeException("Option \"pagination\" is not supported yet; remove it and page with a loop "
                    + "[item " + i + "]", i);
        }
        HttpOptions options = HttpOptions.from(context.parameter("options", i), context.typeVersion());
        if (i > 0 && options.batchSize() > 0 && options.batchIntervalMillis() > 0 && i % options.batchSize() == 0) {
            context.sleep(options.batchIntervalMillis());
        }
        HttpCall call = new HttpCallBuilder(context, i, item, options).build();
        if (credentialType != null) {
            call = HttpSigning.sign(context, call, credentialType, i);
        }
        long started = System.nanoTime();
        HttpExchange.Response response;
        try {
            response = exchange.send(call, options);
        } catch (HttpExchange.TransportException e) {
            throw new NodeException("HTTP Request \"" + context.nodeName() + "\": " + call.method() + " " + call.uri()
                    + " failed: " + e.getMessage() + " [item " + i + "]", i, null, e);
        }
        context.log().info(call.method() + " " + call.uri() + " answered " + response.status() + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        if ((response.status() < 200 || response.status() >= 300) && !options.neverError()) {
            throw new NodeException(failure(context, call, response), i, excerpt(response, 2000), null);
        }
        return HttpResponseItems.toItems(response, options, item, i);
    }

    private static String failure(NodeContext context, HttpCall call, HttpExchange.Response response) {
        StringBuilder sb = new StringBuilder("HTTP Request \"").append(context.nodeName()).append("\": ")
                .append(call.method()).append(' ').append(call.uri()).append(" answered ").append(response.status());
        String reason = HttpStatus.reason(response.status());
        if (!reason.isEmpty()) {
            sb.append(' ').append(reason);
        }
        String body = excerpt(response, 300);
        if (!body.isEmpty()) {
            sb.append(": ").append(body);
        }
        if (response.status() == 429) {
            sb.append(" (space the requests out with the batching option)");
        }
        return sb.toString();
    }

    private static String excerpt(HttpExchange.Response response, int max) {
        String contentType = response.header("content-type") == null ? "" : response.header("content-type");
        if (contentType.startsWith("image/") || contentType.startsWith("application/octet-stream")) {
            return "";
        }
        String text = new String(response.body(), StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }
}
