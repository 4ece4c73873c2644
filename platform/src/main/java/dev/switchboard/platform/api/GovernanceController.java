package dev.switchboard.platform.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.platform.governance.AuditEntry;
import dev.switchboard.platform.governance.AuditLog;
import dev.switchboard.platform.governance.Policy;
import dev.switchboard.platform.governance.PolicyStore;
import dev.switchboard.platform.paging.Page;

/**
 * {@code /api/v1/audit}: the audit log, newest first, filtered by {@code actor}, {@code action},
 * {@code subject} (prefix, e.g. {@code workflow:}) and {@code from}/{@code to}; and {@code /api/v1/policy}:
 * which risk tags need an approval gate upstream (changing it is logged).
 */
@RestController
public class GovernanceController {

    private final AuditLog audit;
    private final PolicyStore policies;

    public GovernanceController(AuditLog audit, PolicyStore policies) {
        this.audit = audit;
        this.policies = policies;
    }

    @GetMapping("/api/v1/audit")
    Map<String, Object> audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return ApiViews.page(audit.list(new AuditLog.Filter(actor, action, subject, instant("from", from), instant("to", to)),
                new Page.Request(page, size)), GovernanceController::view);
    }

    @GetMapping("/api/v1/policy")
    Map<String, Object> policy() {
        return view(policies.get());
    }

    @PutMapping("/api/v1/policy")
    Map<String, Object> setPolicy(@RequestBody(required = false) String body) {
        Map<String, Object> request = RequestBodies.object(body, "{\"approvalRequiredFor\": [\"payment\", ...]}");
        if (!(request.get("approvalRequiredFor") instanceof List<?> tags)) {
            throw ApiException.badRequest("\"approvalRequiredFor\" must be a list of risk tags (" + String.join(", ",
                    Policy.RISK_TAGS) + ")");
        }
        Policy policy;
        try {
            policy = new Policy(new LinkedHashSet<>(tags.stream().map(String::valueOf).toList()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Policy before = policies.get();
        policies.set(policy);
        audit.record("api", "policy changed", "policy", "approval required for: "
                + (policy.approvalRequiredFor().isEmpty() ? "nothing" : String.join(", ", policy.approvalRequiredFor())),
                Map.of("before", List.copyOf(before.approvalRequiredFor()), "after", List.copyOf(policy.approvalRequiredFor())));
        return view(policy);
    }

    static Map<String, Object> view(Policy p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("approvalRequiredFor", List.copyOf(p.approvalRequiredFor()));
        v.put("riskTags", Policy.RISK_TAGS);
        return v;
    }

    static Map<String, Object> view(AuditEntry e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", e.id());
        v.put("at", e.at().toString());
        v.put("actor", e.actor());
        v.put("action", e.action());
        v.put("subject", e.subject());
        v.put("summary", e.summary());
        v.put("details", e.details());
        return v;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("\"" + name + "\" must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }
}
