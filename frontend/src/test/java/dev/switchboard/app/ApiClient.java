package dev.switchboard.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Consumer;

import dev.switchboard.platform.json.Json;

/** Calls the REST API over real HTTP with an API key, for tests; every answer's text goes to {@code seen}. */
final class ApiClient {

    /** An answer: status, text, and the text parsed as JSON (null when empty). */
    record Reply(int status, String text, Object body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) body;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> error() {
            return (Map<String, Object>) json().get("error");
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String key;
    private final Consumer<String> seen;

    ApiClient(int port, String key, Consumer<String> seen) {
        this.port = port;
        this.key = key;
        this.seen = seen;
    }

    Reply call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        seen.accept(r.body());
        return new Reply(r.statusCode(), r.body(), r.body().isEmpty() ? null : Json.parse(r.body()));
    }
}
