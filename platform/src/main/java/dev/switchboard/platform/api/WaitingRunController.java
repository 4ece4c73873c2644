package dev.switchboard.platform.api;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.RunStore;
import dev.switchboard.platform.run.Step;
import dev.switchboard.platform.run.StepStatus;
import dev.switchboard.platform.server.RunService;

/**
 * {@code $execution.resumeUrl}: a call to {@code /webhook-waiting/{runId}} resumes a run whose Wait
 * node waits for one; the request becomes the Wait node's output item, as in n8n. The run goes on
 * on whichever instance claims it.
 */
@RestController
public class WaitingRunController {

    private final RunStore runs;
    private final RunService service;

    public WaitingRunController(RunStore runs, RunService service) {
        this.runs = runs;
        this.service = service;
    }

    @RequestMapping(path = "/webhook-waiting/{runId}", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<Map<String, Object>> resume(@PathVariable String runId, HttpServletRequest request) throws IOException {
        RunRecord run = runs.get(runId).orElseThrow(() -> ApiException.notFound("no run with id \"" + runId + "\""));
        List<Step> steps = runs.steps(runId);
        Step waiting = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (run.status() != RunStatus.WAITING || waiting == null || waiting.status() != StepStatus.WAITING
                || waiting.resumeAt() != null) {
            throw new ApiException(HttpStatus.CONFLICT, "not_waiting", "run \"" + runId + "\" does not wait for a call ("
                    + run.status().label() + ")", null);
        }
        byte[] bytes = request.getInputStream().readNBytes(16 * 1024 * 1024);
        Item item = Item.of(WebhookRequests.item(request, "webhook-waiting/" + runId, bytes));
        Instant now = Instant.now();
        runs.stepFinished(runId, new Step(waiting.index(), waiting.node(), waiting.runIndex(), StepStatus.WAITING,
                waiting.startedAt(), waiting.finishedAt(), waiting.attempts(), waiting.inputs(), waiting.sources(),
                List.of(List.of(item)), null, waiting.logs(), waiting.nodeState(), now));
        if (!runs.wake(runId, now)) {
            throw new ApiException(HttpStatus.CONFLICT, "not_waiting", "run \"" + runId + "\" stopped waiting", null);
        }
        service.runDue();
        return ResponseEntity.ok(Map.of("message", "Workflow was resumed"));
    }
}
