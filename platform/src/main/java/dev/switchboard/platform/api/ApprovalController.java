package dev.switchboard.platform.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.platform.approval.ApprovalException;
import dev.switchboard.platform.approval.ApprovalRequest;
import dev.switchboard.platform.approval.ApprovalService;
import dev.switchboard.platform.approval.ApprovalStatus;
import dev.switchboard.platform.paging.Page;

/**
 * {@code /api/v1/approvals}: the approval requests, newest first (filter {@code status}), and deciding one
 * with {@code POST {id}/approve}, {@code /reject} or {@code /decide} ({@code {"option", "comment"}} for a
 * custom option). An API key decides as {@code api}. A request decided already is refused with 409
 * {@code already_decided}, naming who decided and when.
 */
@RestController
@RequestMapping("/api/v1/approvals")
public class ApprovalController {

    private final ApprovalService approvals;

    public ApprovalController(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        ApprovalStatus wanted;
        try {
            wanted = status == null || status.isBlank() ? null : ApprovalStatus.fromLabel(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return ApiViews.page(approvals.list(wanted, null, java.util.List.of(), new Page.Request(page, size)),
                ApprovalController::view);
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return view(approvals.get(id).orElseThrow(() -> ApiException.notFound("no approval request with id \"" + id + "\"")));
    }

    @PostMapping("/{id}/approve")
    Map<String, Object> approve(@PathVariable String id, @RequestBody(required = false) String body) {
        return view(approvals.decide(id, "approve", "api", null, comment(body)));
    }

    @PostMapping("/{id}/reject")
    Map<String, Object> reject(@PathVariable String id, @RequestBody(required = false) String body) {
        return view(approvals.decide(id, "reject", "api", null, comment(body)));
    }

    @PostMapping("/{id}/decide")
    Map<String, Object> decide(@PathVariable String id, @RequestBody(required = false) String body) {
        Map<String, Object> request = RequestBodies.object(body, "{\"option\": \"...\", \"comment\": \"...\"}");
        String option = RequestBodies.text(request, "option");
        if (option == null || option.isBlank()) {
            throw ApiException.badRequest("\"option\" is required: approve, reject or one of the request's own options");
        }
        return view(approvals.decide(id, option, "api", null, RequestBodies.text(request, "comment")));
    }

    private static String comment(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        return RequestBodies.text(RequestBodies.object(body, "{\"comment\": \"...\"}"), "comment");
    }

    static Map<String, Object> view(ApprovalRequest r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.id());
        v.put("runId", r.runId());
        v.put("status", r.status().label());
        v.put("workflowId", r.workflowId());
        v.put("workflowName", r.workflowName());
        v.put("node", r.node());
        v.put("message", r.message());
        v.put("fields", r.fields());
        v.put("options", r.choices());
        v.put("approvers", r.approvers());
        v.put("roles", r.roles());
        v.put("items", r.items());
        v.put("createdAt", r.createdAt() == null ? null : r.createdAt().toString());
        v.put("deadline", r.deadline() == null ? null : r.deadline().toString());
        v.put("onDeadline", r.onDeadline());
        v.put("escalated", r.escalated());
        if (r.decision() != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("option", r.decision().option());
            d.put("by", r.decision().by());
            d.put("at", r.decision().at().toString());
            d.put("comment", r.decision().comment());
            v.put("decision", d);
        } else {
            v.put("decision", null);
        }
        return v;
    }

    @ExceptionHandler(ApprovalException.class)
    ResponseEntity<Map<String, Object>> approvalError(ApprovalException e) {
        return switch (e) {
            case ApprovalException.NotFound nf -> ApiErrors.body(HttpStatus.NOT_FOUND, "not_found", nf.getMessage(), null);
            case ApprovalException.AlreadyDecided ad -> ApiErrors.body(HttpStatus.CONFLICT, "already_decided",
                    ad.getMessage(), Map.of("approval", view(ad.request())));
            case ApprovalException.NotAllowed na -> ApiErrors.body(HttpStatus.FORBIDDEN, "not_allowed", na.getMessage(), null);
            case ApprovalException.Invalid inv -> ApiErrors.body(HttpStatus.BAD_REQUEST, "invalid_decision", inv.getMessage(), null);
        };
    }
}
