package dev.switchboard.app;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.switchboard.platform.json.Json;

/**
 * Runs survive a crash of the server process. The server runs as a process of its own; 100 runs of a
 * workflow with a Wait node are started; the process is killed with SIGKILL while runs have finished,
 * wait, are queued and are running; a new process is started on the same data directory. Every run
 * then finishes exactly once: it succeeds, its steps list each node once, in order, with no gap, the
 * steps that had finished before the kill are kept as they were (none lost, none run again), and the
 * outside world saw each run's call exactly once.
 *
 * <p>The workflow: Start → Before (Set) → Pause (Wait, {@code $json.wait} seconds, so the run is
 * suspended and stored as waiting) → After (Set) → Report (HTTP Request: a POST carrying
 * {@code $execution.id} to a recording server run by this test). Three batches:
 * <ul>
 * <li>A: 30 runs waiting 7 s, which have all finished at the kill;
 * <li>B: 50 runs waiting 20 s, which all wait at the kill (resumed by the new process);
 * <li>C: 20 runs waiting 8 s, started just before the kill, so that the kill finds them queued, in the
 * middle of their first steps, or waiting.
 * </ul>
 *
 * <p>Why exactly one call per run is a fair demand: Report is the only step with an effect outside,
 * and the kill comes while no run is past its Wait (A have finished; B and C wait well beyond the
 * kill; the test checks both: the recording server has exactly A's 30 calls at the kill, and B's
 * earliest resume time is seconds away). A kill between Report's call and the write of its step would
 * legitimately repeat the call when the run resumes (the step in flight is run again); this timing
 * rules that out, so any repeated call here is a bug. C's steps in flight at the kill (Start, Before)
 * may run again, which is allowed: a crash loses at most the step in flight.
 *
 * <p>The workflow's expressions are plain property paths, resolved without JavaScript, so that no step
 * can fail for the JavaScript sandbox's CPU-time limit on a cold process on a busy machine; this test is
 * about crashes.
 *
 * <p>The lease is 6 s ({@code --switchboard.lease-seconds=6}, the default is 60 s) so that the runs the
 * killed process held are free to take over by the time the new process is up (it takes about 10 s here).
 * Not shorter: a lease is a promise that the holder renews in time, and a process starting up on two
 * busy cores has missed a 3 s lease (another worker then rightly took the run, and the outside world
 * saw its call twice: that is what leases mean, not what this test is about).
 */
class CrashRecoveryIT {

    private static final String KEY = "crash-recovery-key";
    private static final List<String> NODES = List.of("Start", "Before", "Pause", "After", "Report");
    private static final List<String> ARGS = List.of("--switchboard.lease-seconds=6", "--switchboard.workers=2");

    @Test
    void everyRunFinishesExactlyOnceAfterTheServerIsKilledAndRestarted() throws Exception {
        Path dir = ServerProcess.workDirectory("crash-recovery");
        Path data = dir.resolve("data");
        List<ServerProcess> servers = new ArrayList<>();
        Progress progress = new Progress("CrashRecoveryIT");
        try (Recorder recorder = Recorder.start()) {
            try {
                ServerProcess first = start("server", data, servers);
                progress.say("server up");
                String workflowId = first.createAndPublish(workflow(recorder.url()));
                List<String> a = startRuns(first, workflowId, "A", 30, 7);
                List<String> b = startRuns(first, workflowId, "B", 50, 20);
                progress.say("80 runs started");
                ServerProcess.poll("batch A to finish and batch B to wait", Duration.ofSeconds(120),
                        () -> reached(first, workflowId, 30, 50));
                progress.say("batch A finished, batch B waits");
                Map<String, List<Map<String, Object>>> before = new HashMap<>();
                List<String> ab = concat(a, b);
                List<List<Map<String, Object>>> stepsBefore = inParallel(ab, id -> steps(first, id));
                for (int i = 0; i < ab.size(); i++) {
                    before.put(ab.get(i), stepsBefore.get(i));
                }
                Instant earliestResume = first.listAll("/api/v1/runs?workflowId=" + workflowId + "&status=waiting", 500)
                        .stream().map(r -> Instant.parse((String) r.get("resumeAt"))).min(Instant::compareTo).orElseThrow();
                assertThat(earliestResume).as("the earliest resume time of batch B (the kill must come before it)")
                        .isAfter(Instant.now().plusSeconds(2));
                List<String> c = startRuns(first, workflowId, "C", 20, 8);

                int exit = first.kill();
                Instant killedAt = Instant.now();
                progress.say("steps of A and B read, batch C started, server killed (B resumes "
                        + Duration.between(killedAt, earliestResume).toMillis() + " ms later)");
                assertThat(exit).as("exit status of the killed server (128 + SIGKILL)").isEqualTo(137);
                assertThat(recorder.total()).as("calls before the kill: batch A's, no other run was past its Wait").isEqualTo(30);
                assertThat(killedAt).isBefore(earliestResume);

                ServerProcess second = start("server-restarted", data, servers);
                progress.say("server restarted");
                ServerProcess.poll("all 100 runs to finish after the restart", Duration.ofSeconds(180),
                        () -> reached(second, workflowId, 100, 0));
                assertThat(statuses(second, workflowId)).as("runs by status").isEqualTo(Map.of("succeeded", 100L));
                progress.say("all 100 runs succeeded");

                List<String> all = concat(a, b, c);
                assertThat(second.listAll("/api/v1/runs?workflowId=" + workflowId, 30))
                        .extracting(r -> (String) r.get("id")).containsExactlyInAnyOrderElementsOf(all);
                List<List<Map<String, Object>>> stepsAfter = inParallel(all, id -> steps(second, id));
                Map<Integer, Integer> cStepsAtKill = new TreeMap<>();
                for (int i = 0; i < all.size(); i++) {
                    String id = all.get(i);
                    List<Map<String, Object>> steps = stepsAfter.get(i);
                    if (c.contains(id)) {
                        int done = (int) steps.stream()
                                .filter(st -> Instant.parse((String) st.get("startedAt")).isBefore(killedAt)).count();
                        cStepsAtKill.merge(done, 1, Integer::sum);
                    }
                    assertThat(steps).as("steps of run " + id).extracting(s -> s.get("node")).containsExactlyElementsOf(NODES);
                    assertThat(steps).as("step indexes of run " + id).extracting(s -> ((Number) s.get("index")).intValue())
                            .containsExactly(0, 1, 2, 3, 4);
                    assertThat(steps).as("step statuses of run " + id).extracting(s -> s.get("status"))
                            .containsOnly("succeeded");
                    List<Map<String, Object>> earlier = before.get(id);
                    if (earlier != null) {
                        keptAsTheyWere(id, earlier, steps);
                    }
                }
                assertThat(recorder.calls()).as("calls per run id").containsOnlyKeys(all)
                        .allSatisfy((run, n) -> assertThat(n).as("calls for run " + run).isEqualTo(1));
                progress.say("checked; batch C's runs by steps written before the kill (3: waiting): " + cStepsAtKill);
            } catch (Throwable t) {
                servers.forEach(s -> s.printLog(200));
                throw t;
            } finally {
                servers.forEach(ServerProcess::close);
            }
        }
    }

    /**
     * The steps a run had finished before the kill are still there unchanged (not lost, not run
     * again); the Wait step, waiting then, has since succeeded under the same index and start time.
     */
    private static void keptAsTheyWere(String id, List<Map<String, Object>> before, List<Map<String, Object>> after) {
        for (Map<String, Object> step : before) {
            int index = ((Number) step.get("index")).intValue();
            Map<String, Object> now = after.get(index);
            if ("waiting".equals(step.get("status"))) {
                assertThat(now).as("run " + id + ", waiting step " + index + " after resuming")
                        .containsEntry("node", step.get("node")).containsEntry("startedAt", step.get("startedAt"))
                        .containsEntry("status", "succeeded");
            } else {
                assertThat(now).as("run " + id + ", step " + index + " finished before the kill").isEqualTo(step);
            }
        }
    }

    private static ServerProcess start(String name, Path data, List<ServerProcess> servers) throws Exception {
        ServerProcess s = ServerProcess.start(name, data, ServerProcess.freePort(), KEY, Map.of(), ARGS);
        servers.add(s);
        return s.awaitUp();
    }

    private static List<String> startRuns(ServerProcess server, String workflowId, String batch, int count, int waitSeconds)
            throws IOException, InterruptedException {
        return inParallel(IntStream.range(0, count).boxed().toList(), i -> (String) server.expect(202, "POST",
                "/api/v1/workflows/" + workflowId + "/run",
                Json.write(List.of(Map.of("batch", batch, "n", i, "wait", waitSeconds)))).get("id"));
    }

    /** A call that may fail. */
    @FunctionalInterface
    private interface Call<T, R> {
        R apply(T input) throws Exception;
    }

    /** Calls {@code call} on each input, four at a time (as several clients would); the results in the inputs' order. */
    private static <T, R> List<R> inParallel(List<T> inputs, Call<T, R> call) throws InterruptedException, IOException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T input : inputs) {
                futures.add(pool.submit(() -> call.apply(input)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                out.add(f.get(2, TimeUnit.MINUTES));
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("a call to the server did not answer within 2 minutes", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether this many runs have succeeded and this many wait; fails at once should a run fail. */
    private static boolean reached(ServerProcess server, String workflowId, long succeeded, long waiting)
            throws IOException, InterruptedException {
        assertThat(server.countRuns(workflowId, "failed")).as("failed runs").isZero();
        return server.countRuns(workflowId, "succeeded") == succeeded && server.countRuns(workflowId, "waiting") == waiting;
    }

    private static Map<String, Long> statuses(ServerProcess server, String workflowId) throws IOException, InterruptedException {
        return server.listAll("/api/v1/runs?workflowId=" + workflowId, 500).stream()
                .collect(groupingBy(r -> (String) r.get("status"), counting()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(ServerProcess server, String runId) throws IOException, InterruptedException {
        return (List<Map<String, Object>>) server.expect(200, "GET", "/api/v1/runs/" + runId, null).get("steps");
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> out = new ArrayList<>();
        for (List<String> l : lists) {
            out.addAll(l);
        }
        assertThat(new HashSet<>(out)).as("run ids are distinct").hasSameSizeAs(out);
        return out;
    }

    private static String workflow(String reportUrl) {
        return """
                {"name": "Crash recovery", "nodes": [
                  {"name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"name": "Before", "type": "n8n-nodes-base.set", "typeVersion": 3.4, "position": [200, 0],
                   "parameters": {"mode": "manual", "includeOtherFields": true, "options": {},
                     "assignments": {"assignments": [{"id": "1", "name": "phase", "value": "before the wait", "type": "string"}]}}},
                  {"name": "Pause", "type": "n8n-nodes-base.wait", "typeVersion": 1.1, "position": [400, 0],
                   "parameters": {"resume": "timeInterval", "amount": "={{ $json.wait }}", "unit": "seconds"}},
                  {"name": "After", "type": "n8n-nodes-base.set", "typeVersion": 3.4, "position": [600, 0],
                   "parameters": {"mode": "manual", "includeOtherFields": true, "options": {},
                     "assignments": {"assignments": [{"id": "2", "name": "phase", "value": "after the wait", "type": "string"}]}}},
                  {"name": "Report", "type": "n8n-nodes-base.httpRequest", "typeVersion": 4.2, "position": [800, 0],
                   "parameters": {"method": "POST", "url": "%s", "sendBody": true, "specifyBody": "json",
                     "jsonBody": "={\\"run\\": \\"{{ $execution.id }}\\", \\"batch\\": \\"{{ $json.batch }}\\", \\"n\\": {{ $json.n }}}"}}],
                 "connections": {
                   "Start": {"main": [[{"node": "Before", "type": "main", "index": 0}]]},
                   "Before": {"main": [[{"node": "Pause", "type": "main", "index": 0}]]},
                   "Pause": {"main": [[{"node": "After", "type": "main", "index": 0}]]},
                   "After": {"main": [[{"node": "Report", "type": "main", "index": 0}]]}}}""".formatted(reportUrl);
    }

    /** The outside world: an HTTP server on loopback that counts the calls it gets per run id. */
    private static final class Recorder implements AutoCloseable {

        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(4);
        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        private Recorder(HttpServer server) {
            this.server = server;
        }

        static Recorder start() throws IOException {
            Recorder r = new Recorder(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50));
            r.server.createContext("/record", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    Object run = Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)).get("run");
                    r.calls.computeIfAbsent(String.valueOf(run), k -> new AtomicInteger()).incrementAndGet();
                }
                byte[] answer = "{\"recorded\": true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            r.server.setExecutor(r.threads);
            r.server.start();
            return r;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/record";
        }

        Map<String, Integer> calls() {
            Map<String, Integer> out = new HashMap<>();
            calls.forEach((run, n) -> out.put(run, n.get()));
            return out;
        }

        int total() {
            return calls.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
