package dev.switchboard.platform.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.json.JsonException;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.RunStore;
import dev.switchboard.platform.run.Step;
import dev.switchboard.platform.server.RunService;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowNode;
import dev.switchboard.platform.workflow.WorkflowStore;

/**
 * Webhooks as n8n serves them: {@code /webhook/{path}} runs the published version of the active
 * workflow whose Webhook node listens on that path and method; {@code /webhook-test/{path}} runs the
 * draft. The request becomes the trigger's item ({@code headers}, {@code params}, {@code query},
 * {@code body}). The answer follows the node's {@code responseMode}: at once, when the last node
 * finished, or as a Respond to Webhook node says.
 */
@RestController
public class WebhookController {

    private final RunService runs;
    private final RunStore runStore;
    private final long maxBodyBytes;
    private final WebhookRegistry registry;
    private final dev.switchboard.platform.credential.CredentialStore credentials;

    public WebhookController(WorkflowStore workflows, RunService runs, RunStore runStore,
            dev.switchboard.platform.engine.LocalEngine engine,
            dev.switchboard.platform.credential.CredentialStore credentials,
            @Value("${switchboard.webhook.max-body-bytes:16777216}") long maxBodyBytes) {
        this.credentials = credentials;
        this.runs = runs;
        this.runStore = runStore;
        this.maxBodyBytes = maxBodyBytes;
        this.registry = new WebhookRegistry(workflows, runs, engine);
    }

    /** Served by {@link WebhookServlet} (Spring MVC's dispatcher never sees these paths); the mapping declares them. */
    @SuppressWarnings("unchecked")
    @RequestMapping({"/webhook/**", "/webhook-test/**"})
    ResponseEntity<Object> receive(HttpServletRequest request) throws IOException, InterruptedException {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        boolean test = uri.startsWith("/webhook-test/");
        String path = URLDecoder.decode(uri.substring(test ? "/webhook-test/".length() : "/webhook/".length()),
                StandardCharsets.UTF_8);
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        Optional<WebhookRegistry.Target> target = registry.find(path, method, test);
        if (target.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "webhook_not_registered", "the requested webhook \"" + method + " "
                    + path + "\" is not registered" + (test ? " (test URLs run drafts)" : " (is its workflow published and active?)"),
                    null);
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            return tooLarge();
        }
        byte[] bytes = readLimited(request.getInputStream(), request.getContentLengthLong());
        if (bytes == null) {
            return tooLarge();
        }
        WebhookRegistry.Target t = target.get();
        String authentication = String.valueOf(t.node().parameters().getOrDefault("authentication", "none"));
        if (!"none".equals(authentication)) {
            ResponseEntity<Object> denied = WebhookAuthentication.check(credentials, t.node(), authentication, request, path);
            if (denied != null) {
                return denied;
            }
        }
        Map<String, Object> fields = WebhookRequests.item(request, path, bytes);
        if (!"none".equals(authentication)
                && fields.get("headers") instanceof Map<?, ?> headers) {
            String secret = WebhookAuthentication.secretHeader(credentials, t.node(), authentication);
            if (secret != null && headers.containsKey(secret)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> h = (Map<String, Object>) headers;
                h.put(secret, "***");
            }
        }
        Map<String, Object> options = t.node().parameters().get("options") instanceof Map<?, ?> o
                ? (Map<String, Object>) o : Map.of();
        Item item = new Item(fields, WebhookRequests.binary(request, bytes, options), null);
        String mode = String.valueOf(t.node().parameters().getOrDefault("responseMode", "onReceived"));
        int code = t.node().parameters().get("responseCode") instanceof Number n ? n.intValue() : 200;
        String runMode = test ? "manual" : "webhook";
        try {
            if (t.answersAtOnce() && (mode.equals("lastNode") || mode.equals("responseNode"))) {
                // the run takes no longer than its computing: it executes here and is answered at once
                RunService.Outcome outcome = runs.runHere(t.workflow(), t.version(), t.node().name(), List.of(item), runMode,
                        Duration.ofMinutes(5));
                return mode.equals("lastNode") ? lastNode(outcome, t, code) : responseNode(outcome);
            }
            return switch (mode) {
                case "lastNode" -> lastNode(runs.runNow(t.workflow(), t.version(), t.node().name(), List.of(item), runMode,
                        Duration.ofMinutes(5)), t, code);
                case "responseNode" -> responseNode(runs.runUntil(t.workflow(), t.version(), t.node().name(), List.of(item),
                        runMode, WebhookController::isResponse, Duration.ofMinutes(5)));
                default -> {
                    runs.startNow(t.workflow(), t.version(), t.node().name(), List.of(item), runMode);
                    yield ResponseEntity.status(code).body(Map.of("message", "Workflow was started"));
                }
            };
        } catch (RunService.QueueFullException e) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "30")
                    .body(ApiErrors.body(HttpStatus.TOO_MANY_REQUESTS, "queue_full", e.getMessage(), null).getBody());
        }
    }

    static ResponseEntity<Object> error(HttpStatus status, String code, String message, Object details) {
        return ResponseEntity.status(status).body(ApiErrors.body(status, code, message, details).getBody());
    }

    private ResponseEntity<Object> tooLarge() {
        return error(HttpStatus.CONTENT_TOO_LARGE, "too_large", "the request body is larger than "
                + maxBodyBytes + " bytes", null);
    }

    /**
     * The body, or null when it is over the limit. A body of a declared length (the servlet's stream ends
     * there; the caller refused one declared over the limit) is read into an array of that size: reading up
     * to the limit takes 16 KB buffers and a copy.
     */
    private byte[] readLimited(InputStream in, long declaredLength) throws IOException {
        if (declaredLength >= 0) {
            byte[] bytes = new byte[(int) declaredLength];
            int read = in.readNBytes(bytes, 0, bytes.length);
            return read == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, read);
        }
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        return bytes.length > maxBodyBytes ? null : bytes;
    }

    /** The steps of a run: from its result when it ran here, else as stored. */
    private List<Step> steps(RunService.Outcome outcome) {
        if (outcome.result() == null) {
            return runStore.steps(outcome.run().id());
        }
        List<Step> all = new java.util.ArrayList<>();
        outcome.result().runData().values().forEach(all::addAll);
        all.sort(java.util.Comparator.comparingInt(Step::index));
        return all;
    }

    private static RunStatus status(RunService.Outcome outcome) {
        return outcome.result() != null ? outcome.result().status() : outcome.run().status();
    }

    private ResponseEntity<Object> lastNode(RunService.Outcome outcome, WebhookRegistry.Target t, int code) {
        if (status(outcome) != RunStatus.SUCCEEDED) {
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Map.of("message", "Error in workflow"));
        }
        List<Step> steps = steps(outcome);
        if (steps.isEmpty()) {
            return ResponseEntity.status(code).body(Map.of());
        }
        Step last = steps.get(steps.size() - 1);
        List<Item> items = last.outputs() == null || last.outputs().isEmpty() || last.outputs().get(0) == null ? List.of()
                : last.outputs().get(0);
        Object options = t.node().parameters().get("options");
        String data = String.valueOf(t.node().parameters().getOrDefault("responseData", "firstEntryJson"));
        if (options instanceof Map<?, ?> m && m.get("responseData") != null) {
            data = String.valueOf(m.get("responseData"));
        }
        return switch (data) {
            case "allEntries" -> ResponseEntity.status(code).body(items.stream().map(Item::json).toList());
            case "noData" -> ResponseEntity.status(code).build();
            default -> ResponseEntity.status(code).body(items.isEmpty() ? Map.of() : items.get(0).json());
        };
    }

    private static boolean isResponse(Step step) {
        return step.nodeState() != null && step.nodeState().get("response") instanceof Map<?, ?>;
    }

    /**
     * Answers as the first Respond to Webhook node said, as soon as its step is journaled (the run may
     * go on after it), or when the run ends without one.
     */
    private ResponseEntity<Object> responseNode(java.util.concurrent.CompletableFuture<RunService.Answer> answer)
            throws InterruptedException {
        RunService.Answer a;
        try {
            a = answer.get(5, java.util.concurrent.TimeUnit.MINUTES);
        } catch (java.util.concurrent.TimeoutException e) {
            return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).body(Map.of("message",
                    "the workflow did not answer within 5 minutes; it goes on running"));
        } catch (java.util.concurrent.ExecutionException e) {
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Map.of("message", "Error in workflow"));
        }
        if (a.step() != null) {
            return response(a.step());
        }
        return responseNode(a.outcome());
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<Object> response(Step s) {
        Map<String, Object> r = (Map<String, Object>) s.nodeState().get("response");
        HttpHeaders headers = new HttpHeaders();
        if (r.get("headers") instanceof Map<?, ?> h) {
            h.forEach((k, v) -> headers.add(String.valueOf(k), String.valueOf(v)));
        }
        int status = r.get("statusCode") instanceof Number n ? n.intValue() : 200;
        return ResponseEntity.status(status).headers(headers).body(body(s, r.get("body")));
    }

    /**
     * The body to send: for a binary answer (Respond to Webhook with "binary", whose step describes the file it
     * chose), the file's bytes, taken from the first item the node was given, as n8n sends them.
     */
    private static Object body(Step s, Object described) {
        if (described instanceof Map<?, ?> m && m.get("binaryProperty") instanceof String property
                && s.inputs() != null && !s.inputs().isEmpty() && s.inputs().get(0) != null && !s.inputs().get(0).isEmpty()
                && s.inputs().get(0).get(0).binary().get(property) instanceof Map<?, ?> file
                && file.get("data") instanceof String data) {
            try {
                return java.util.Base64.getMimeDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                // the node checked the data when it ran; what the store gave back is described instead
            }
        }
        return described;
    }

    private ResponseEntity<Object> responseNode(RunService.Outcome outcome) {
        for (Step s : steps(outcome)) {
            if (isResponse(s)) {
                return response(s);
            }
        }
        if (status(outcome) != RunStatus.SUCCEEDED) {
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Map.of("message", "Error in workflow"));
        }
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Map.of("message", "the workflow finished without reaching a Respond to Webhook node"));
    }
}
