package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.run.RunFilter;
import dev.switchboard.platform.run.RunStore;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.WorkflowJson;
import dev.switchboard.platform.workflow.WorkflowStore;

/** When the run queue is full, a webhook answers 429 with Retry-After, and makes no run. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookQueueTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "queue-data");
        registry.add("switchboard.data-dir", dir::toString);
        registry.add("switchboard.api-key", () -> "k");
        registry.add("switchboard.queue.max-queued", () -> "0");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    WorkflowStore workflows;

    @Autowired
    RunStore runs;

    @Test
    void aFullQueueAnswers429() throws Exception {
        StoredWorkflow w = workflows.create(WorkflowJson.read("""
                {"name": "busy", "nodes": [
                  {"parameters": {"httpMethod": "POST", "path": "busy"}, "name": "Hook", "type": "n8n-nodes-base.webhook",
                   "typeVersion": 2, "position": [0, 0]}], "connections": {}}"""));
        workflows.publish(w.id(), "test", null);
        workflows.setActive(w.id(), true);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhook/busy"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(r.body()).contains("queue_full");
        assertThat(runs.list(new RunFilter(w.id(), null, null, null), Page.Request.first(5)).total()).isZero();
    }
}
