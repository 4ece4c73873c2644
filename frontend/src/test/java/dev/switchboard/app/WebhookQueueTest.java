package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.run.RunFilter;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.RunStore;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.WorkflowJson;
import dev.switchboard.platform.workflow.WorkflowStore;

/**
 * Concurrency: with every slot of the instance taken, a webhook's run waits in the queue; only when
 * the queue is full too does the webhook answer 429 with Retry-After, and then it makes no run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookQueueTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "queue-data");
        registry.add("switchboard.data-dir", dir::toString);
        registry.add("switchboard.api-key", () -> "k");
        registry.add("switchboard.max-concurrent-runs", () -> "1");
        registry.add("switchboard.queue.max-queued", () -> "1");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    WorkflowStore workflows;

    @Autowired
    RunStore runs;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void runsWaitInTheQueueWhileSlotsAreTakenAndAFullQueueAnswers429() throws Exception {
        StoredWorkflow w = workflows.create(WorkflowJson.read("""
                {"name": "busy", "nodes": [
                  {"parameters": {"httpMethod": "POST", "path": "busy", "responseMode": "lastNode"}, "name": "Hook",
                   "type": "n8n-nodes-base.webhook", "typeVersion": 2, "position": [0, 0]},
                  {"parameters": {"amount": 2, "unit": "seconds"}, "name": "Pause", "type": "n8n-nodes-base.wait",
                   "typeVersion": 1.1, "position": [200, 0]}],
                 "connections": {"Hook": {"main": [[{"node": "Pause", "type": "main", "index": 0}]]}}}"""));
        workflows.publish(w.id(), "test", null);
        workflows.setActive(w.id(), true);

        CompletableFuture<HttpResponse<String>> first = call();
        awaitRuns(w, RunStatus.RUNNING, 1);
        CompletableFuture<HttpResponse<String>> second = call();
        awaitRuns(w, RunStatus.QUEUED, 1);

        HttpResponse<String> third = call().join();
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(third.body()).contains("queue_full");

        assertThat(first.join().statusCode()).isEqualTo(200);
        assertThat(second.join().statusCode()).as("the queued run ran once a slot was free").isEqualTo(200);
        assertThat(runs.list(new RunFilter(w.id(), null, null, null), Page.Request.first(10)).items())
                .hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));
    }

    private CompletableFuture<HttpResponse<String>> call() {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhook/busy"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitRuns(StoredWorkflow w, RunStatus status, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (runs.list(new RunFilter(w.id(), status, null, null), Page.Request.first(5)).total() < n) {
            assertThat(System.nanoTime()).as("a run becomes " + status).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
