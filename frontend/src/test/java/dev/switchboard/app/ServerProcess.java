package dev.switchboard.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.switchboard.platform.json.Json;

/**
 * One Switchboard server started from the packaged jar ({@code target/switchboard.jar}) as an
 * operating-system process of its own, on loopback, with its output in a log file; and a small REST
 * client for it. {@link #kill()} ends it as a crash would (SIGKILL), {@link #close()} as an operator
 * would (SIGTERM, then SIGKILL if it does not stop). A shutdown hook kills it should the test JVM exit first.
 */
final class ServerProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target/switchboard.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    /** An answer of the REST API: its status and its parsed JSON body (null when empty). */
    record Reply(int status, Object body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) body;
        }
    }

    private final String name;
    private final int port;
    private final String apiKey;
    private final Path log;
    private final Process process;
    private final Thread reaper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ServerProcess(String name, int port, String apiKey, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.apiKey = apiKey;
        this.log = log;
        this.process = process;
        this.reaper = new Thread(process::destroyForcibly, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts the server: {@code SWITCHBOARD_DATA_DIR} = {@code dataDir}, {@code SWITCHBOARD_API_KEY} = {@code apiKey},
     * {@code --server.port=port}, plus these environment variables and arguments (Spring properties such as
     * {@code --switchboard.lease-seconds=3}). Settings of the test's own environment are not passed on.
     * Returns at once; {@link #awaitUp()} waits for it to answer.
     */
    static ServerProcess start(String name, Path dataDir, int port, String apiKey, Map<String, String> env,
            List<String> args) throws IOException {
        Files.createDirectories(dataDir);
        Path log = dataDir.resolveSibling(name + ".log");
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g", "-Dpolyglot.engine.WarnInterpreterOnly=false",
                "-jar", JAR.toAbsolutePath().toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dataDir.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("SWITCHBOARD_") || k.equals("MONGODB_URI") || k.equals("SERVER_PORT"));
        environment.put("SWITCHBOARD_DATA_DIR", dataDir.toAbsolutePath().toString());
        environment.put("SWITCHBOARD_API_KEY", apiKey);
        environment.putAll(env);
        Files.writeString(log, "=== " + Instant.now() + " " + String.join(" ", command) + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        return new ServerProcess(name, port, apiKey, log, builder.start());
    }

    /** The Java that runs this test (Temurin 25), so that the server does not depend on the PATH. */
    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** A TCP port of the loopback interface that nothing listens on now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Waits until something accepts connections on this loopback port. */
    static void awaitListening(int port, Duration timeout) throws Exception {
        poll("port " + port + " to accept connections", timeout, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** Something a test waits for; it may call the server. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls until the condition holds; fails naming what was awaited once the timeout has passed. */
    static void poll(String what, Duration timeout, Condition condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(500);
        }
    }

    /** Waits until {@code /actuator/health} answers 200; fails at once if the process ends. */
    ServerProcess awaitUp() throws Exception {
        poll(name + " to answer on port " + port, START_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended with exit status " + process.exitValue() + " while starting");
            }
            try {
                return call("GET", "/actuator/health", null).status() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** The server's output so far. */
    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the end of the server's log to standard error (for a failed test's report). */
    void printLog(int lastLines) {
        List<String> lines = logText().lines().toList();
        System.err.println("===== " + name + ": last " + Math.min(lastLines, lines.size()) + " of " + lines.size()
                + " lines of " + log.toAbsolutePath() + " =====");
        lines.subList(Math.max(0, lines.size() - lastLines), lines.size()).forEach(System.err::println);
    }


    /** Calls the REST API and fails unless the answer has this status. */
    Map<String, Object> expect(int status, String method, String path, String body) throws IOException, InterruptedException {
        Reply r = call(method, path, body);
        if (r.status() != status) {
            throw new AssertionError(method + " " + path + " on " + name + " answered " + r.status() + " (expected "
                    + status + "): " + (r.body() == null ? "" : Json.write(r.body())));
        }
        return r.json();
    }

    /** Every item of a paged list ({@code path} without {@code page} and {@code size}), page by page. */
    List<Map<String, Object>> listAll(String path, int pageSize) throws IOException, InterruptedException {
        List<Map<String, Object>> all = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            Map<String, Object> reply = expect(200, "GET", path + separator + "page=" + page + "&size=" + pageSize, null);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) reply.get("items");
            all.addAll(items);
            long total = ((Number) reply.get("total")).longValue();
            if (items.isEmpty() || (long) (page + 1) * pageSize >= total) {
                if (all.size() != total) {
                    throw new AssertionError(path + ": the pages held " + all.size() + " items but the total is " + total);
                }
                return all;
            }
        }
    }

    /** How many runs of the workflow have this status (the list's total). */
    long countRuns(String workflowId, String status) throws IOException, InterruptedException {
        return ((Number) expect(200, "GET", "/api/v1/runs?workflowId=" + workflowId + "&status="
                + URLEncoder.encode(status, StandardCharsets.UTF_8) + "&size=1", null).get("total")).longValue();
    }

    /** Creates the workflow from n8n JSON and publishes it; returns its id. */
    String createAndPublish(String workflowJson) throws IOException, InterruptedException {
        String id = (String) expect(201, "POST", "/api/v1/workflows", workflowJson).get("id");
        expect(201, "POST", "/api/v1/workflows/" + id + "/publish", "{\"note\": \"test\"}");
        return id;
    }

    /** Calls the REST API with the API key; {@code body} is JSON text or null. */
    Reply call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(CALL_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiKey);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body().isBlank() ? null : Json.parse(r.body()));
    }

    /** Ends the process with SIGKILL, as a crash or {@code kill -9} would; returns its exit status. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " did not end within 30 s of SIGKILL");
        }
        return process.exitValue();
    }

    /** Stops the process (SIGTERM; SIGKILL after 20 s). */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs anyway
            }
        }
    }

    /** A temporary directory under {@code target/} for one test's servers. */
    static Path workDirectory(String prefix) throws IOException {
        Path target = Path.of("target");
        Files.createDirectories(target);
        return Files.createTempDirectory(target.toAbsolutePath(), prefix);
    }

    /** A map from environment variable names to values, for {@link #start}. */
    static Map<String, String> env(String... namesAndValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }
}
