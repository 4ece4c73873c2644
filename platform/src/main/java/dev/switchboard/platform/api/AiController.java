package dev.switchboard.platform.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.platform.ai.ModelPrice;
import dev.switchboard.platform.ai.ModelPriceStore;
import dev.switchboard.platform.ai.ModelPriceTable;
import dev.switchboard.platform.approval.AcceptRate;
import dev.switchboard.platform.approval.AiReview;
import dev.switchboard.platform.approval.AiReviewService;
import dev.switchboard.platform.approval.ApprovalException;
import dev.switchboard.platform.governance.AuditLog;
import dev.switchboard.platform.paging.Page;

/**
 * {@code /api/v1/ai-reviews}: sampled answers of AI nodes, newest first (filter {@code status},
 * {@code workflowId}); {@code POST {id}/accept} and {@code POST {id}/correct} ({@code {"correction": {...},
 * "comment"}}), once (409 {@code already_decided}); {@code GET /api/v1/ai-reviews/accept-rates} per node and
 * week. {@code /api/v1/model-prices}: the price table that estimates the cost of model calls (USD per million
 * tokens), read and replaced whole (changes are logged).
 */
@RestController
public class AiController {

    private final AiReviewService reviews;
    private final ModelPriceStore prices;
    private final AuditLog audit;

    public AiController(AiReviewService reviews, ModelPriceStore prices, AuditLog audit) {
        this.reviews = reviews;
        this.prices = prices;
        this.audit = audit;
    }

    @GetMapping("/api/v1/ai-reviews")
    Map<String, Object> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String workflowId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        AiReview.Verdict wanted = status == null || status.isBlank() ? null : AiReview.Verdict.fromLabel(status);
        return ApiViews.page(reviews.list(wanted, null, List.of(), workflowId, new Page.Request(page, size)),
                AiController::view);
    }

    @GetMapping("/api/v1/ai-reviews/accept-rates")
    Map<String, Object> acceptRates(@RequestParam(required = false) String workflowId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AcceptRate r : reviews.acceptRates(workflowId)) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("workflowId", r.workflowId());
            v.put("workflowName", r.workflowName());
            v.put("node", r.node());
            v.put("week", r.week());
            v.put("accepted", r.accepted());
            v.put("corrected", r.corrected());
            v.put("acceptRate", r.rate());
            out.add(v);
        }
        return Map.of("data", out);
    }

    @GetMapping("/api/v1/ai-reviews/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return view(reviews.get(id).orElseThrow(() -> ApiException.notFound("no AI review with id \"" + id + "\"")));
    }

    @PostMapping("/api/v1/ai-reviews/{id}/accept")
    Map<String, Object> accept(@PathVariable String id, @RequestBody(required = false) String body) {
        Map<String, Object> request = body == null || body.isBlank() ? Map.of()
                : RequestBodies.object(body, "{\"comment\": \"...\"}");
        return view(reviews.accept(id, "api", null, RequestBodies.text(request, "comment")));
    }

    @PostMapping("/api/v1/ai-reviews/{id}/correct")
    @SuppressWarnings("unchecked")
    Map<String, Object> correct(@PathVariable String id, @RequestBody(required = false) String body) {
        Map<String, Object> request = RequestBodies.object(body, "{\"correction\": {...}, \"comment\": \"...\"}");
        Object correction = request.get("correction");
        if (!(correction instanceof Map<?, ?> c)) {
            throw ApiException.badRequest("\"correction\" must be an object: the right answer, in the shape of the "
                    + "review's \"answer\"");
        }
        return view(reviews.correct(id, (Map<String, Object>) c, "api", null, RequestBodies.text(request, "comment")));
    }

    @GetMapping("/api/v1/model-prices")
    Map<String, Object> prices() {
        return view(prices.table());
    }

    @PutMapping("/api/v1/model-prices")
    Map<String, Object> setPrices(@RequestBody(required = false) String body) {
        Map<String, Object> request = RequestBodies.object(body,
                "{\"prices\": [{\"model\": \"gpt-4o-mini\", \"inputPerMillion\": 0.15, \"outputPerMillion\": 0.6}]}");
        if (!(request.get("prices") instanceof List<?> rows)) {
            throw ApiException.badRequest("\"prices\" must be a list of {model, inputPerMillion, outputPerMillion}");
        }
        List<ModelPrice> list = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.get(i) instanceof Map<?, ?> row) || !(row.get("model") instanceof String model)
                    || !(row.get("inputPerMillion") instanceof Number in) || !(row.get("outputPerMillion") instanceof Number out)) {
                throw ApiException.badRequest("prices[" + i + "] needs \"model\" (text), \"inputPerMillion\" and "
                        + "\"outputPerMillion\" (numbers, USD per million tokens)");
            }
            try {
                list.add(new ModelPrice(model, in.doubleValue(), out.doubleValue()));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("prices[" + i + "]: " + e.getMessage());
            }
        }
        ModelPriceTable table;
        try {
            table = new ModelPriceTable(list);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        prices.save(table);
        audit.record("api", "model prices changed", "model-prices", table.prices().size() + " model(s) priced",
                Map.of("models", table.prices().stream().map(ModelPrice::model).toList()));
        return view(table);
    }

    static Map<String, Object> view(ModelPriceTable table) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ModelPrice p : table.prices()) {
            rows.add(Map.of("model", p.model(), "inputPerMillion", p.inputPerMillion(), "outputPerMillion",
                    p.outputPerMillion()));
        }
        return Map.of("currency", "USD", "prices", rows);
    }

    static Map<String, Object> view(AiReview r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.id());
        v.put("type", "AI review");
        v.put("status", r.verdict().label());
        v.put("runId", r.runId());
        v.put("workflowId", r.workflowId());
        v.put("workflowName", r.workflowName());
        v.put("node", r.node());
        v.put("nodeType", r.nodeType());
        v.put("itemIndex", r.itemIndex());
        v.put("question", r.question());
        v.put("answer", r.answer());
        v.put("confidence", r.confidence());
        v.put("reviewers", r.reviewers());
        v.put("createdAt", r.createdAt() == null ? null : r.createdAt().toString());
        v.put("week", r.week());
        v.put("reviewedBy", r.reviewedBy());
        v.put("reviewedAt", r.reviewedAt() == null ? null : r.reviewedAt().toString());
        v.put("correction", r.correction());
        v.put("comment", r.comment());
        return v;
    }

    @ExceptionHandler(ApprovalException.class)
    ResponseEntity<Map<String, Object>> reviewError(ApprovalException e) {
        return switch (e) {
            case ApprovalException.NotFound nf -> ApiErrors.body(HttpStatus.NOT_FOUND, "not_found", nf.getMessage(), null);
            case ApprovalException.AlreadyDecided ad -> ApiErrors.body(HttpStatus.CONFLICT, "already_decided",
                    ad.getMessage(), null);
            case ApprovalException.NotAllowed na -> ApiErrors.body(HttpStatus.FORBIDDEN, "not_allowed", na.getMessage(), null);
            case ApprovalException.Invalid inv -> ApiErrors.body(HttpStatus.BAD_REQUEST, "invalid_review", inv.getMessage(), null);
        };
    }
}
