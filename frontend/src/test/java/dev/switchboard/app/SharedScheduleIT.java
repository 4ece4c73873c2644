package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Two server processes share one database and both fire a workflow's schedule, and yet each firing
 * makes exactly one run. The first process runs the embedded MongoDB on a fixed loopback port
 * ({@code SWITCHBOARD_MONGO_PORT}); the second uses it as its {@code MONGODB_URI}; both have the same
 * master key. A workflow whose Schedule Trigger fires every second is activated through the first and,
 * 30 s later, deactivated through the second.
 *
 * <p>Then: every run succeeded; no two runs have the same fire time (the trigger's {@code timestamp});
 * the fire times are consecutive seconds from the first to the last (none missing in the middle; the
 * first may be a few seconds after activation, as the processes sync their schedules every second, or
 * the very second of activation, which Quartz fires at once; the last a little before deactivation);
 * and both processes fired.
 * That both fired is read from their logs: each firing logs (at DEBUG) its fire time and the run it
 * got back, and every logged firing, from either process, names the one run of its fire time. Which
 * process executed a run is told by {@code $execution.resumeUrl}, which carries that process's address;
 * the test prints the split (it may be uneven, since the workers race for runs).
 */
class SharedScheduleIT {

    private static final String KEY = "shared-schedule-key";
    private static final Duration ACTIVE_FOR = Duration.ofSeconds(30);
    private static final Pattern FIRED = Pattern.compile("schedule fired: workflow (\\S+), node \"Tick\", rule 0, time (\\S+): run (\\S+)");
    private static final Pattern PORT = Pattern.compile("^http://[^/]+:(\\d+)/webhook-waiting/");

    private static final String WORKFLOW = """
            {"name": "Every second", "nodes": [
              {"name": "Tick", "type": "n8n-nodes-base.scheduleTrigger", "typeVersion": 1.2, "position": [0, 0],
               "parameters": {"rule": {"interval": [{"field": "seconds", "secondsInterval": 1}]}}},
              {"name": "Mark", "type": "n8n-nodes-base.set", "typeVersion": 3.4, "position": [200, 0],
               "parameters": {"mode": "manual", "includeOtherFields": true, "options": {},
                 "assignments": {"assignments": [{"id": "1", "name": "executedBy", "value": "={{ $execution.resumeUrl }}", "type": "string"}]}}}],
             "connections": {"Tick": {"main": [[{"node": "Mark", "type": "main", "index": 0}]]}}}""";

    /** A run as this test reads it: its id, fire time and the HTTP port of the process that executed it. */
    private record Fired(String run, Instant at, int executedOnPort) {
    }

    @Test
    void aScheduleFiringEverySecondOnTwoProcessesMakesExactlyOneRunPerFire() throws Exception {
        Path dir = ServerProcess.workDirectory("shared-schedule");
        int mongoPort = ServerProcess.freePort();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String masterKey = Base64.getEncoder().encodeToString(key);
        List<String> args = List.of("--switchboard.schedule-sync-seconds=1",
                "--logging.level.dev.switchboard.platform.schedule.ScheduleService=DEBUG");
        List<ServerProcess> servers = new ArrayList<>();
        Progress progress = new Progress("SharedScheduleIT");
        try {
            ServerProcess one = ServerProcess.start("one", dir.resolve("one"), ServerProcess.freePort(), KEY,
                    ServerProcess.env("SWITCHBOARD_MONGO_PORT", String.valueOf(mongoPort), "SWITCHBOARD_MASTER_KEY", masterKey), args);
            servers.add(one);
            ServerProcess.awaitListening(mongoPort, Duration.ofSeconds(120));
            ServerProcess two = ServerProcess.start("two", dir.resolve("two"), ServerProcess.freePort(), KEY,
                    ServerProcess.env("MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort + "/switchboard",
                            "SWITCHBOARD_MASTER_KEY", masterKey), args);
            servers.add(two);
            one.awaitUp();
            two.awaitUp();
            progress.say("both servers up");

            String id = one.createAndPublish(WORKFLOW);
            Instant activated = Instant.now();
            one.expect(200, "POST", "/api/v1/workflows/" + id + "/activate", null);
            Thread.sleep(ACTIVE_FOR.toMillis());
            two.expect(200, "POST", "/api/v1/workflows/" + id + "/deactivate", null);
            Instant deactivated = Instant.now();
            progress.say("schedule active for " + Duration.between(activated, deactivated).toMillis() + " ms");
            Thread.sleep(2_000); // a firing that read the workflow as active just before may still make its run
            ServerProcess.poll("the schedule's runs to finish", Duration.ofSeconds(120), () ->
                    two.countRuns(id, "queued") + two.countRuns(id, "running") == 0);

            List<Map<String, Object>> runs = two.listAll("/api/v1/runs?workflowId=" + id, 10);
            assertThat(runs).as("runs").allSatisfy(r -> {
                assertThat(r).containsEntry("status", "succeeded").containsEntry("mode", "trigger");
            });
            TreeMap<Instant, Fired> byTime = new TreeMap<>();
            for (Map<String, Object> r : runs) {
                Fired f = fired(one, (String) r.get("id"));
                Fired before = byTime.put(f.at(), f);
                assertThat(before).as("another run with the fire time " + f.at()).isNull();
            }
            progress.say(runs.size() + " runs read");

            assertThat(byTime.size()).as("runs in " + ACTIVE_FOR.toSeconds() + " s").isGreaterThanOrEqualTo(20);
            assertThat(byTime.firstKey()).as("first fire time").isBetween(activated.minusSeconds(1), activated.plusSeconds(8));
            assertThat(byTime.lastKey()).as("last fire time").isBetween(deactivated.minusSeconds(5), deactivated.plusSeconds(2));
            Instant previous = null;
            for (Instant at : byTime.keySet()) {
                if (previous != null) {
                    assertThat(Duration.between(previous, at)).as("time from the fire at " + previous + " to the next")
                            .isEqualTo(Duration.ofSeconds(1));
                }
                previous = at;
            }

            Map<Integer, Integer> executedBy = new HashMap<>();
            byTime.values().forEach(f -> executedBy.merge(f.executedOnPort(), 1, Integer::sum));
            assertThat(executedBy.keySet()).as("ports of the processes that executed runs").isSubsetOf(one.port(), two.port());
            for (ServerProcess s : servers) {
                Map<Instant, String> logged = firings(s, id);
                assertThat(logged.size()).as(s.name() + "'s firings, for " + byTime.size() + " runs")
                        .isGreaterThanOrEqualTo(byTime.size() / 2);
                logged.forEach((at, run) -> assertThat(byTime.get(at)).as(s.name() + "'s firing at " + at)
                        .isNotNull().extracting(Fired::run).isEqualTo(run));
                progress.say(s.name() + " (port " + s.port() + ") fired " + logged.size() + " times and executed "
                        + executedBy.getOrDefault(s.port(), 0) + " of the " + byTime.size() + " runs");
            }
        } catch (Throwable t) {
            servers.forEach(s -> s.printLog(200));
            throw t;
        } finally {
            for (int i = servers.size() - 1; i >= 0; i--) {
                servers.get(i).close(); // the second process first: the first holds the database
            }
        }
    }

    /** A run's fire time (its trigger's item) and the port of the process that executed it. */
    @SuppressWarnings("unchecked")
    private static Fired fired(ServerProcess server, String runId) throws Exception {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) server.expect(200, "GET", "/api/v1/runs/" + runId, null)
                .get("steps");
        assertThat(steps).as("steps of run " + runId).extracting(s -> s.get("node")).containsExactly("Tick", "Mark");
        assertThat(steps).as("steps of run " + runId).extracting(s -> s.get("status")).containsOnly("succeeded");
        Map<String, Object> item = json(steps.get(1));
        Matcher port = PORT.matcher(String.valueOf(item.get("executedBy")));
        assertThat(port.find()).as("the resume URL " + item.get("executedBy") + " names a port").isTrue();
        return new Fired(runId, OffsetDateTime.parse((String) json(steps.get(0)).get("timestamp")).toInstant(),
                Integer.parseInt(port.group(1)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Map<String, Object> step) {
        List<List<Map<String, Object>>> outputs = (List<List<Map<String, Object>>>) step.get("outputs");
        return (Map<String, Object>) outputs.get(0).get(0).get("json");
    }

    /** The firings of this workflow's schedule that a process logged: fire time to the run it got. */
    private static Map<Instant, String> firings(ServerProcess server, String workflowId) {
        Map<Instant, String> out = new TreeMap<>();
        server.logText().lines().map(FIRED::matcher).filter(Matcher::find).filter(m -> m.group(1).equals(workflowId))
                .forEach(m -> {
                    String before = out.put(Instant.parse(m.group(2)), m.group(3));
                    assertThat(before).as(server.name() + " fired twice for " + m.group(2)).isNull();
                });
        return out;
    }
}
