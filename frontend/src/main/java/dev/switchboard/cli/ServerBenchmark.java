package dev.switchboard.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.Json;

/**
 * {@code bench-server}: starts the server in its own process on the embedded MongoDB, publishes
 * webhook → set (total = price × qty) → if (total > 100) → respond to webhook twice (one workflow
 * saving every run and step, one saving no successful run), drives each over loopback with keep-alive
 * connections at the given concurrencies, then a bare Spring endpoint doing the same arithmetic as the
 * ceiling, and prints runs/s, p50 and p99 latency and the server's resident memory.
 */
final class ServerBenchmark {

    private final PrintStream out;

    ServerBenchmark(PrintStream out) {
        this.out = out;
    }

    int run(String[] argv) {
        try {
            return bench(List.of(argv));
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage());
        } catch (Exception e) {
            out.println("bench-server failed: " + e.getMessage());
            return 1;
        }
    }

    private int bench(List<String> args) throws Exception {
        int seconds = 30;
        int warmup = 240;
        List<Integer> concurrencies = List.of(16, 64);
        String heap = "192m";
        String gc = "Parallel";
        List<String> jvmArgs = new ArrayList<>();
        boolean threads = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--seconds" -> seconds = Integer.parseInt(args.get(++i));
                case "--warmup" -> warmup = Integer.parseInt(args.get(++i));
                case "--concurrency" -> concurrencies = Arrays.stream(args.get(++i).split(","))
                        .map(String::trim).map(Integer::parseInt).toList();
                case "--heap" -> heap = args.get(++i);
                case "--gc" -> gc = args.get(++i);
                case "--jvm-arg" -> jvmArgs.add(args.get(++i));
                case "--threads" -> threads = true;
                case "--timeline" -> timeline = Path.of(args.get(++i));
                case "--settle" -> settle = Integer.parseInt(args.get(++i));
                default -> throw new IllegalArgumentException("bench-server: unknown option " + args.get(i)
                        + " (options: --seconds N, --warmup MAX_SECONDS, --settle N, --concurrency 16,64, --heap 192m, --gc Parallel|Serial|G1, --jvm-arg ARG, --threads, --timeline DIR)");
            }
        }
        Path dir = Files.createTempDirectory("switchboard-bench-server");
        int port = freePort();
        String key = "bench-" + java.util.UUID.randomUUID();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + heap, "-Xss512k", "-XX:+Use" + gc + "GC", "-XX:SurvivorRatio=3", "-XX:TargetSurvivorRatio=90",
                "-XX:TieredStopAtLevel=4",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-jar", System.getProperty("java.class.path"),
                "--server.port=" + port, "--switchboard.bench-endpoint=true", "--logging.level.root=WARN",
                "--server.tomcat.threads.max=200", "--server.tomcat.max-keep-alive-requests=-1"));
        if (gc.equals("Parallel")) {
            // fixed generations: the parallel collector would otherwise shrink the survivor spaces until the
            // objects of the requests in flight overflow into the old generation
            jvmArgs.add(0, "-XX:-UseAdaptiveSizePolicy");
        }
        command.addAll(1, jvmArgs);
        this.threads = threads;
        out.println("bench-server: starting the server (" + String.join(" ", command.subList(1, 8 + jvmArgs.size())) + ") with data in " + dir);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        pb.environment().put("SWITCHBOARD_DATA_DIR", dir.resolve("data").toString());
        pb.environment().put("SWITCHBOARD_API_KEY", key);
        pb.environment().remove("MONGODB_URI");
        Process server = pb.start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitUp(base, server, dir);
            Api api = new Api(base, key);
            api.publish(workflow("bench saved", "bench-saved", "all"));
            api.publish(workflow("bench unsaved", "bench-unsaved", "none"));
            out.printf("%-34s %11s %9s %9s %8s %8s %11s%n", "case", "concurrency", "runs/s", "p50 ms", "p99 ms", "RSS MB",
                    "CPU µs/run");
            for (int c : concurrencies) {
                warmUp(port, c, server.pid(), warmup);
                measure("workflow, every step saved", c, "/webhook/bench-saved", seconds, port, server);
                measure("workflow, successful runs not saved", c, "/webhook/bench-unsaved", seconds, port, server);
                measure("bare Spring endpoint (ceiling)", c, "/bench/bare", seconds, port, server);
            }
            long saved = api.runCount();
            out.printf("runs stored: %,d (every run of \"bench saved\"; none of \"bench unsaved\"); peak RSS %d MB%n",
                    saved, peakRss(server) / 1024);
            return 0;
        } finally {
            server.destroy();
            if (!server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
                server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
            }
            // the runs of a benchmark fill a couple of gigabytes: they are not left behind (the server's log is)
            removeData(dir.resolve("data"));
        }
    }

    /** Deletes the benchmark's data directory; what cannot be deleted is named. */
    private void removeData(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            out.println("bench-server: could not remove " + dir + ": " + e.getMessage());
        }
    }

    /** Seconds of one round of warm-up, after which the JIT's share of the server's processor time is read. */
    private static final int WARMUP_ROUND = 10;
    /** The share of the server's processor time its JIT compilers may still use when the warm-up ends. */
    private static final double JIT_SETTLED = 0.01;

    /**
     * Warms up at this concurrency on the workflow saving every step (the server makes the threads and
     * JavaScript contexts it needs), in rounds of {@value #WARMUP_ROUND} s, until the server's JIT compilers
     * used under 1 % of its processor time in a round, or for at most {@code maxSeconds}. On two cores the
     * compilers get little time while the load runs: a fixed short warm-up measured the server half compiled,
     * and the figures of two runs differed by a third.
     */
    private void warmUp(int port, int concurrency, long pid, int maxSeconds) throws InterruptedException {
        long runs = 0;
        long errors = 0;
        int seconds = 0;
        double jit = 1;
        List<String> shares = new ArrayList<>();
        while (seconds < maxSeconds && jit >= JIT_SETTLED) {
            Map<String, Long> before = ThreadCpu.byGroup(pid);
            LoadGenerator.Result w = new LoadGenerator(port, "/webhook/bench-saved", concurrency)
                    .run(Duration.ofSeconds(Math.min(WARMUP_ROUND, maxSeconds - seconds)));
            jit = ThreadCpu.share(before, ThreadCpu.byGroup(pid), group -> group.contains("CompilerThre"));
            shares.add(String.format("%.0f", jit * 100));
            runs += w.count();
            errors += w.errors();
            seconds += Math.min(WARMUP_ROUND, maxSeconds - seconds);
        }
        out.printf("(warm-up at %d: %,d runs in %d s, %d errors; JIT share of the server's CPU per %d s: %s %%%s)%n",
                concurrency, runs, seconds, errors, WARMUP_ROUND, String.join(", ", shares),
                jit >= JIT_SETTLED ? "; not settled yet, figures may be low" : "");
    }

    /** Whether each case also says which of the server's threads used its CPU ({@code --threads}). */
    private boolean threads;

    /** Where each case's answers are written, one file per case ({@code --timeline DIR}); null: nowhere. */
    private Path timeline;

    /** Seconds each case runs, on the same connections, before its measurement starts ({@code --settle}). */
    private int settle = 5;

    /** Drives one case and prints its line; CPU µs/run is the server's processor time (all threads, GC and JIT too) per run. */
    private void measure(String name, int concurrency, String path, int seconds, int port, Process server)
            throws IOException, InterruptedException {
        long[] cpuBefore = new long[1];
        List<Map<String, Long>> threadsBefore = new ArrayList<>(List.of(Map.of()));
        LoadGenerator.Result r = new LoadGenerator(port, path, concurrency).run(Duration.ofSeconds(settle),
                Duration.ofSeconds(seconds), () -> {
                    try {
                        cpuBefore[0] = cpuMicros(server);
                        if (threads) {
                            threadsBefore.set(0, ThreadCpu.byGroup(server.pid()));
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        long cpu = cpuMicros(server) - cpuBefore[0];
        out.printf("%-34s %11d %,9.0f %9.2f %8.2f %8d %,11d%s%n", name, concurrency, r.perSecond(), r.percentile(50) / 1e6,
                r.percentile(99) / 1e6, rss(server) / 1024, r.count() == 0 ? 0 : cpu / r.count(),
                r.errors() == 0 ? "" : "   errors: " + r.errors()
                        + " (first: " + r.firstError() + ")");
        if (threads && r.count() > 0) {
            out.println("    " + ThreadCpu.describe(threadsBefore.get(0), ThreadCpu.byGroup(server.pid()), r.count()));
        }
        if (timeline != null) {
            Files.createDirectories(timeline);
            Path file = timeline.resolve(path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + "-c" + concurrency + ".csv");
            Files.writeString(file, r.timeline());
            out.println("    every answer, when it came and its latency: " + file);
        }
    }

    /** n8n JSON for the benchmark workflow; {@code save} is its saveDataSuccessExecution. */
    static String workflow(String name, String path, String save) {
        return """
                {"name": "%s", "settings": {"saveDataSuccessExecution": "%s"},
                 "nodes": [
                  {"name": "Webhook", "type": "n8n-nodes-base.webhook", "typeVersion": 2, "position": [0, 0],
                   "parameters": {"httpMethod": "POST", "path": "%s", "responseMode": "responseNode"}},
                  {"name": "Total", "type": "n8n-nodes-base.set", "typeVersion": 3.4, "position": [200, 0],
                   "parameters": {"assignments": {"assignments": [
                     {"id": "1", "name": "total", "type": "number", "value": "={{ $json.body.price * $json.body.qty }}"}]},
                     "options": {}}},
                  {"name": "Big?", "type": "n8n-nodes-base.if", "typeVersion": 2, "position": [400, 0],
                   "parameters": {"conditions": {"options": {"caseSensitive": true, "leftValue": "", "typeValidation": "strict"},
                     "combinator": "and", "conditions": [{"id": "c", "leftValue": "={{ $json.total }}", "rightValue": 100,
                       "operator": {"type": "number", "operation": "gt"}}]}, "options": {}}},
                  {"name": "Respond", "type": "n8n-nodes-base.respondToWebhook", "typeVersion": 1.1, "position": [600, 0],
                   "parameters": {"respondWith": "firstIncomingItem", "options": {}}}],
                 "connections": {
                  "Webhook": {"main": [[{"node": "Total", "type": "main", "index": 0}]]},
                  "Total": {"main": [[{"node": "Big?", "type": "main", "index": 0}]]},
                  "Big?": {"main": [[{"node": "Respond", "type": "main", "index": 0}], [{"node": "Respond", "type": "main", "index": 0}]]}}}
                """.formatted(name, save, path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitUp(String base, Process server, Path dir) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped while starting; see " + dir.resolve("server.log"));
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server did not start within 90 s; see " + dir.resolve("server.log"));
    }

    /** Processor time the server process used so far (user and system, all threads), from /proc; -1 if unknown. */
    static long cpuMicros(Process p) throws IOException {
        Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
        if (!Files.exists(stat)) {
            return -1;
        }
        String line = Files.readString(stat);
        // fields after the command name (which may contain spaces) in parentheses; utime and stime are the 14th and 15th
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000 / 100;
    }

    /** Resident memory of the server process in KiB (VmRSS), from /proc. */
    static long rss(Process p) throws IOException {
        return procStatus(p, "VmRSS:");
    }

    static long peakRss(Process p) throws IOException {
        return procStatus(p, "VmHWM:");
    }

    private static long procStatus(Process p, String field) throws IOException {
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** The few REST calls the benchmark makes. */
    private record Api(String base, String key) {
        void publish(String workflowJson) throws Exception {
            Map<String, Object> created = Json.parseObject(call("POST", "/api/v1/workflows", workflowJson));
            String id = String.valueOf(created.get("id"));
            call("POST", "/api/v1/workflows/" + id + "/publish", "{\"note\": \"benchmark\"}");
            call("POST", "/api/v1/workflows/" + id + "/activate", "");
        }

        long runCount() throws Exception {
            Map<String, Object> page = Json.parseObject(call("GET", "/api/v1/runs?size=1", null));
            return ((Number) page.get("total")).longValue();
        }

        private String call(String method, String path, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json");
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }
    }
}
