package dev.switchboard.platform.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.platform.engine.LocalEngine;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.json.JsonException;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.run.RunStore;
import dev.switchboard.platform.server.RunService;
import dev.switchboard.platform.workflow.Problem;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowJson;
import dev.switchboard.platform.workflow.WorkflowStore;
import dev.switchboard.platform.workflow.WorkflowVersion;

/** {@code /api/v1/workflows}: drafts, versions, activation and runs of workflows. */
@RestController
@RequestMapping("/api/v1/workflows")
public class WorkflowController {

    private final WorkflowStore store;
    private final LocalEngine engine;
    private final RunService runs;
    private final RunStore runStore;
    private final dev.switchboard.platform.governance.Publishing publishing;

    public WorkflowController(WorkflowStore store, LocalEngine engine, RunService runs, RunStore runStore,
            dev.switchboard.platform.governance.Publishing publishing) {
        this.store = store;
        this.engine = engine;
        this.runs = runs;
        this.runStore = runStore;
        this.publishing = publishing;
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) String search, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return ApiViews.page(store.list(search, new Page.Request(page, size)), ApiViews::workflowSummary);
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody String body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiViews.workflow(store.create(WorkflowJson.read(body))));
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return ApiViews.workflow(require(id));
    }

    @PutMapping("/{id}")
    Map<String, Object> update(@PathVariable String id, @RequestBody String body,
            @RequestParam(required = false) Long revision) {
        return ApiViews.workflow(store.updateDraft(id, WorkflowJson.read(body), revision));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        store.delete(id);
        return ResponseEntity.noContent().build();
    }

    /**
     * Publishes the draft as the next version; refused with the problems when the draft is not valid, and with
     * 422 {@code policy_violation} (naming each node and a path) when a risky node is reached around the
     * approval gate the policy asks for, unless the body gives an {@code overrideReason}, which is logged.
     */
    @PostMapping("/{id}/publish")
    ResponseEntity<Map<String, Object>> publish(@PathVariable String id, @RequestBody(required = false) String body) {
        require(id);
        String note = null;
        String overrideReason = null;
        if (body != null && !body.isBlank()) {
            Object parsed = parse(body);
            if (parsed instanceof Map<?, ?> m) {
                note = m.get("note") instanceof String s ? s : null;
                overrideReason = m.get("overrideReason") instanceof String s ? s : null;
            }
        }
        try {
            var outcome = publishing.submit(id, "api", true, note, overrideReason);
            if (outcome instanceof dev.switchboard.platform.governance.Publishing.Outcome.InReview review) {
                Map<String, Object> body202 = new java.util.LinkedHashMap<>();
                body202.put("status", "in review");
                body202.put("requestId", review.request().id());
                body202.put("reviewer", review.request().reviewer());
                return ResponseEntity.status(HttpStatus.ACCEPTED).body(body202);
            }
            WorkflowVersion v = ((dev.switchboard.platform.governance.Publishing.Outcome.Published) outcome).version();
            return ResponseEntity.status(HttpStatus.CREATED).body(ApiViews.version(v, false));
        } catch (dev.switchboard.platform.governance.PublishException.Invalid e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_workflow", e.getMessage(),
                    ApiErrors.problems(e.problems()));
        } catch (dev.switchboard.platform.governance.PublishException.PolicyViolated e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "policy_violation", e.getMessage(),
                    Map.of("violations", e.violations().stream().map(v -> Map.of("node", v.node(), "tags", List.copyOf(v.tags()),
                            "path", v.path())).toList()));
        }
    }

    @GetMapping("/{id}/versions")
    Map<String, Object> versions(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        require(id);
        Page.Request request = new Page.Request(page, size);
        List<WorkflowVersion> all = new ArrayList<>(store.versions(id));
        java.util.Collections.reverse(all);
        List<WorkflowVersion> slice = all.subList(Math.min(all.size(), request.skip()),
                Math.min(all.size(), request.skip() + request.size()));
        return ApiViews.page(new Page<>(slice, page, size, all.size()), v -> ApiViews.version(v, false));
    }

    @GetMapping("/{id}/versions/{version}")
    Map<String, Object> version(@PathVariable String id, @PathVariable int version) {
        return ApiViews.version(store.version(id, version)
                .orElseThrow(() -> ApiException.notFound("workflow \"" + id + "\" has no version " + version)), true);
    }

    @PostMapping("/{id}/rollback")
    ResponseEntity<Map<String, Object>> rollback(@PathVariable String id, @RequestParam int version) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiViews.version(publishing.rollback(id, version, "api"), false));
    }

    @PostMapping("/{id}/activate")
    Map<String, Object> activate(@PathVariable String id) {
        if (require(id).publishedVersion() == null) {
            throw new ApiException(HttpStatus.CONFLICT, "not_published", "publish the workflow before activating it", null);
        }
        return ApiViews.workflowSummary(store.setActive(id, true));
    }

    @PostMapping("/{id}/deactivate")
    Map<String, Object> deactivate(@PathVariable String id) {
        return ApiViews.workflowSummary(store.setActive(id, false));
    }

    /**
     * Runs the newest published version (or the draft with {@code ?draft=true}) from its manual trigger
     * with the body's items; with {@code ?wait=true} answers once the run finished or waits.
     */
    @PostMapping("/{id}/run")
    ResponseEntity<Map<String, Object>> run(@PathVariable String id, @RequestBody(required = false) String body,
            @RequestParam(defaultValue = "false") boolean draft, @RequestParam(defaultValue = "false") boolean wait)
            throws InterruptedException {
        StoredWorkflow w = require(id);
        int version;
        if (draft) {
            version = 0;
        } else if (w.publishedVersion() == null) {
            throw new ApiException(HttpStatus.CONFLICT, "not_published",
                    "workflow \"" + w.name() + "\" has no published version; publish it or run the draft with ?draft=true", null);
        } else {
            version = w.publishedVersion();
        }
        Workflow definition = runs.workflowOf(id, version);
        List<Problem> errors = engine.validate(definition).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_workflow",
                    "workflow \"" + w.name() + "\" cannot run", ApiErrors.problems(errors));
        }
        RunRecord run = runs.start(w, version, items(body), draft ? "manual" : "api");
        if (wait) {
            run = runs.await(run.id(), Duration.ofMinutes(5));
            return ResponseEntity.ok(ApiViews.run(run, runStore.steps(run.id())));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiViews.run(run, null));
    }

    private StoredWorkflow require(String id) {
        return store.get(id).filter(w -> !w.deleted())
                .orElseThrow(() -> ApiException.notFound("no workflow with id \"" + id + "\""));
    }

    private static Object parse(String body) {
        try {
            return Json.parse(body);
        } catch (JsonException e) {
            throw ApiException.badRequest("the request body is not valid JSON: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Item> items(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        Object parsed = parse(body);
        if (!(parsed instanceof List<?> list)) {
            throw ApiException.badRequest("the body must be a JSON array of items (objects)");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "bad_request", "item " + i + " is not a JSON object",
                        Map.of("index", i));
            }
            items.add(Item.fromMap((Map<String, Object>) m));
        }
        return items;
    }
}
