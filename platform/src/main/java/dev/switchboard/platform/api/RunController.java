package dev.switchboard.platform.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.run.RunFilter;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.RunStore;
import dev.switchboard.platform.run.Step;

/** {@code /api/v1/runs}: run history with its steps and logs. */
@RestController
@RequestMapping("/api/v1/runs")
public class RunController {

    private final RunStore runs;
    private final dev.switchboard.platform.server.RunService service;

    public RunController(RunStore runs, dev.switchboard.platform.server.RunService service) {
        this.runs = runs;
        this.service = service;
    }

    /** Cancels a queued, waiting or running run (a running one stops between steps). */
    @org.springframework.web.bind.annotation.PostMapping("/{id}/cancel")
    Map<String, Object> cancel(@PathVariable String id) {
        RunRecord run = require(id);
        if (run.status().isFinished()) {
            throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "finished",
                    "the run has already finished (" + run.status().label() + ")", null);
        }
        return ApiViews.run(runs.cancel(id, Instant.now()).orElseThrow(), null);
    }

    /** Runs a failed or cancelled run again: same workflow version, trigger and input, as a new run. */
    @org.springframework.web.bind.annotation.PostMapping("/{id}/retry")
    org.springframework.http.ResponseEntity<Map<String, Object>> retry(@PathVariable String id) {
        RunRecord run = require(id);
        if (run.status() != RunStatus.FAILED && run.status() != RunStatus.CANCELLED) {
            throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "not_retryable",
                    "only failed or cancelled runs can be retried; this one is " + run.status().label(), null);
        }
        return org.springframework.http.ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
                .body(ApiViews.run(service.retry(run), null));
    }

    /**
     * Rolls a finished run back: the compensations of its succeeded steps run newest first; answers with the
     * run (rolled back, or needs attention) and its steps. 409 {@code not_rollbackable} for a run that is
     * queued or running, or already being or was rolled back.
     */
    @org.springframework.web.bind.annotation.PostMapping("/{id}/rollback")
    Map<String, Object> rollback(@PathVariable String id) {
        require(id);
        try {
            RunRecord run = service.rollback(id, "api");
            return ApiViews.run(run, runs.steps(id));
        } catch (dev.switchboard.platform.server.RunService.RollbackException e) {
            throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "not_rollbackable", e.getMessage(), null);
        }
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) String workflowId,
            @RequestParam(required = false) String status, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        RunFilter filter = new RunFilter(workflowId, status(status), instant("from", from), instant("to", to));
        return ApiViews.page(runs.list(filter, new Page.Request(page, size)), r -> ApiViews.run(r, null));
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return ApiViews.run(require(id), runs.steps(id));
    }

    @GetMapping("/{id}/logs")
    Map<String, Object> logs(@PathVariable String id) {
        require(id);
        List<Object> lines = new ArrayList<>();
        for (Step s : runs.steps(id)) {
            for (String line : s.logs()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("step", s.index());
                m.put("node", s.node());
                m.put("time", ApiViews.time(s.finishedAt()));
                m.put("message", line);
                lines.add(m);
            }
        }
        return Map.of("items", lines);
    }

    private RunRecord require(String id) {
        return runs.get(id).orElseThrow(() -> ApiException.notFound("no run with id \"" + id + "\""));
    }

    private static RunStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        for (RunStatus st : RunStatus.values()) {
            if (st.label().equalsIgnoreCase(s) || st.name().equalsIgnoreCase(s.replace(' ', '_'))) {
                return st;
            }
        }
        throw ApiException.badRequest("unknown status \"" + s + "\"; one of queued, running, waiting, succeeded, "
                + "failed, cancelled, rolled back, needs attention");
    }

    private static Instant instant(String name, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("\"" + name + "\" must be an ISO-8601 time such as 2024-05-01T00:00:00Z");
        }
    }
}
