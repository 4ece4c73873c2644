package dev.switchboard.nodes.connector;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Sends the HTTP Request node's calls with {@link HttpClient}: redirects followed by hand (to honour
 * the maximum and n8n's method rules), gzip and deflate bodies decoded, certificates optionally not
 * checked.
 */
final class HttpExchange implements AutoCloseable {

    /** Headers {@link HttpClient} sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /** A response, with its body decoded from any content encoding. */
    record Response(int status, Map<String, Object> headers, byte[] body, URI uri) {
        String header(String name) {
            Object v = headers.get(name.toLowerCase(Locale.ROOT));
            return v instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList())
                    : v == null ? null : v.toString();
        }
    }

    /** Sending failed before any response arrived. */
    static final class TransportException extends Exception {
        TransportException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Map<String, HttpClient> clients = new LinkedHashMap<>();

    Response send(HttpCall call, HttpOptions options) throws TransportException, InterruptedException {
        HttpClient client = client(options);
        HttpCall current = call;
        int redirects = 0;
        while (true) {
            Response response = sendOnce(client, current, options);
            String location = response.header("location");
            boolean redirect = response.status() >= 300 && response.status() < 400 && response.status() != 304
                    && location != null && !location.isEmpty();
            if (!redirect || !options.followRedirects()) {
                return response;
            }
            if (++redirects > options.maxRedirects()) {
                throw new TransportException("more than " + options.maxRedirects()
                        + " redirects (probably a redirect loop), last to " + location, null);
            }
            URI target;
            try {
                target = current.uri().resolve(location.replace(" ", "%20"));
            } catch (IllegalArgumentException e) {
                throw new TransportException("the redirect location \"" + location + "\" is not a valid URL", e);
            }
            current = current.redirectTo(target, response.status());
        }
    }

    private Response sendOnce(HttpClient client, HttpCall call, HttpOptions options)
            throws TransportException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(call.uri())
                .timeout(Duration.ofMillis(options.timeoutMillis()))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        boolean acceptEncoding = false;
        for (var h : call.headers().entrySet()) {
            String lower = h.getKey().toLowerCase(Locale.ROOT);
            if (RESTRICTED.contains(lower)) {
                continue;
            }
            acceptEncoding |= lower.equals("accept-encoding");
            try {
                builder.header(h.getKey(), h.getValue());
            } catch (IllegalArgumentException e) {
                throw new TransportException("header \"" + h.getKey() + "\" cannot be sent: " + e.getMessage(), e);
            }
        }
        if (!acceptEncoding) {
            builder.header("accept-encoding", "gzip, deflate");
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new TransportException("no response within " + options.timeoutMillis() + " ms", e);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof java.net.ConnectException) {
                reason = "connection refused";
            }
            throw new TransportException(reason, e);
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(":")) {
                return;
            }
            headers.put(lower, lower.equals("set-cookie") ? new ArrayList<Object>(values) : String.join(", ", values));
        });
        byte[] body = decode(response.body(), headers.get("content-encoding"));
        return new Response(response.statusCode(), headers, body, response.uri());
    }

    private static byte[] decode(byte[] body, Object encoding) throws TransportException {
        if (body == null || body.length == 0 || encoding == null) {
            return body == null ? new byte[0] : body;
        }
        String e = encoding.toString().trim().toLowerCase(Locale.ROOT);
        try {
            InputStream in = switch (e) {
                case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(body));
                case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(body));
                default -> null;
            };
            if (in == null) {
                return body;
            }
            try (in) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toByteArray();
            }
        } catch (IOException ex) {
            throw new TransportException("the " + e + " response body could not be decoded", ex);
        }
    }

    private HttpClient client(HttpOptions options) throws TransportException {
        String key = options.allowUnauthorizedCerts() + "|" + options.proxy();
        HttpClient existing = clients.get(key);
        if (existing != null) {
            return existing;
        }
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofMillis(Math.min(options.timeoutMillis(), 30_000)));
        if (!options.proxy().isEmpty()) {
            try {
                URI proxy = URI.create(options.proxy().contains("://") ? options.proxy() : "http://" + options.proxy());
                int port = proxy.getPort() > 0 ? proxy.getPort() : 80;
                builder.proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(), port)));
            } catch (IllegalArgumentException e) {
                throw new TransportException("the proxy \"" + options.proxy() + "\" is not a valid address", e);
            }
        }
        if (options.allowUnauthorizedCerts()) {
            try {
                SSLContext ssl = SSLContext.getInstance("TLS");
                ssl.init(null, new TrustManager[] {new TrustEverything()}, null);
                builder.sslContext(ssl);
            } catch (GeneralSecurityException e) {
                throw new TransportException("could not set up TLS: " + e.getMessage(), e);
            }
        }
        HttpClient client = builder.build();
        clients.put(key, client);
        return client;
    }

    @Override
    public void close() {
        clients.values().forEach(HttpClient::close);
        clients.clear();
    }

    /** Accepts every certificate and host name: the "Ignore SSL Issues" option. */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
