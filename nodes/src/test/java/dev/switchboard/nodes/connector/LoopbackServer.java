package dev.switchboard.nodes.connector;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/** A real HTTP server on 127.0.0.1 for the HTTP Request node's tests; it records what it receives. */
final class LoopbackServer implements AutoCloseable {

    /** What one request carried. */
    record Received(String method, String path, String query, Headers headers, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** What to answer. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        static Answer of(int status, String contentType, String body) {
            return new Answer(status, contentType == null ? Map.of() : Map.of("Content-Type", contentType),
                    body.getBytes(StandardCharsets.UTF_8));
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    LoopbackServer(Map<String, Function<Received, Answer>> routes) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Received r = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
                    exchange.getRequestBody().readAllBytes());
            received.add(r);
            Function<Received, Answer> route = routes.get(r.path());
            Answer answer = route == null ? Answer.of(404, "text/plain", "no route " + r.path()) : route.apply(r);
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            boolean empty = answer.body().length == 0 || r.method().equals("HEAD");
            exchange.sendResponseHeaders(answer.status(), empty ? -1 : answer.body().length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    Received last() {
        return received.get(received.size() - 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
