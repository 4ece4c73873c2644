package dev.switchboard.nodes.ai;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a model provider on loopback: speaks OpenAI's chat completions ({@code /v1/chat/completions})
 * and Anthropic's messages ({@code /v1/messages}), answering from a script (status and text per call) and
 * recording every request it received, so that tests can read the prompts.
 */
final class StandInModelServer implements AutoCloseable {

    record Scripted(int status, String text) {
    }

    private final HttpServer server;
    private final Deque<Scripted> script = new ArrayDeque<>();
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<String> keys = new CopyOnWriteArrayList<>();

    StandInModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(body);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String apiKey = exchange.getRequestHeaders().getFirst("x-api-key");
            keys.add(auth != null ? auth : String.valueOf(apiKey));
            Scripted next;
            synchronized (script) {
                next = script.isEmpty() ? new Scripted(200, "ok") : script.poll();
            }
            boolean anthropic = exchange.getRequestURI().getPath().endsWith("/messages");
            String answer = next.status() != 200 ? "{\"error\": {\"message\": \"scripted " + next.status() + "\", \"type\": \"error\"}}"
                    : anthropic ? """
                            {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-test",
                             "content": [{"type": "text", "text": %s}], "stop_reason": "end_turn",
                             "usage": {"input_tokens": 10, "output_tokens": 3}}""".formatted(quote(next.text()))
                    : """
                            {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-test",
                             "choices": [{"index": 0, "message": {"role": "assistant", "content": %s}, "finish_reason": "stop"}],
                             "usage": {"prompt_tokens": 12, "completion_tokens": 5, "total_tokens": 17}}""".formatted(quote(next.text()));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(next.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    void answer(int status, String text) {
        synchronized (script) {
            script.add(new Scripted(status, text));
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private static String quote(String s) {
        return dev.switchboard.platform.json.Json.write(s);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
