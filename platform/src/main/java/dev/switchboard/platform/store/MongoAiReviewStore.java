package dev.switchboard.platform.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import dev.switchboard.platform.approval.AcceptRate;
import dev.switchboard.platform.approval.AiReview;
import dev.switchboard.platform.approval.AiReviewStore;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.paging.Page;

/**
 * AI reviews in {@code ai_reviews}: {@code _id} ({@code runId:step:item}), {@code runId}, {@code workflowId},
 * {@code workflowName}, {@code node}, {@code nodeType}, {@code stepIndex}, {@code itemIndex}, {@code reviewers},
 * {@code question}, {@code answer} and {@code correction} (JSON text), {@code confidence}, {@code createdAt},
 * {@code week}, {@code verdict} (pending, accepted, corrected), {@code reviewedBy}, {@code reviewedAt},
 * {@code comment}, {@code counted}. Accept rates in {@code ai_review_rates}: {@code _id}
 * ({@code workflowId|node|week}), {@code workflowId}, {@code workflowName}, {@code node}, {@code week}, and the
 * ids of the reviews {@code accepted} and {@code corrected} (sets, so counting twice counts once).
 */
public final class MongoAiReviewStore implements AiReviewStore {

    private final MongoCollection<Document> reviews;
    private final MongoCollection<Document> rates;

    public MongoAiReviewStore(MongoConnection connection) {
        this.reviews = connection.database().getCollection("ai_reviews");
        this.rates = connection.database().getCollection("ai_review_rates");
    }

    @Override
    public boolean create(AiReview r) {
        Document d = new Document("_id", r.id()).append("runId", r.runId()).append("workflowId", r.workflowId())
                .append("workflowName", r.workflowName()).append("node", r.node()).append("nodeType", r.nodeType())
                .append("stepIndex", r.stepIndex()).append("itemIndex", r.itemIndex()).append("reviewers", r.reviewers())
                .append("question", r.question()).append("answer", Json.write(r.answer()))
                .append("confidence", r.confidence()).append("createdAt", Documents.date(r.createdAt()))
                .append("week", r.week()).append("verdict", r.verdict().label()).append("reviewedBy", r.reviewedBy())
                .append("reviewedAt", Documents.date(r.reviewedAt()))
                .append("correction", r.correction() == null ? null : Json.write(r.correction()))
                .append("comment", r.comment()).append("counted", r.counted());
        return Documents.insertIfAbsent(reviews, d);
    }

    @Override
    public Optional<AiReview> get(String id) {
        return Optional.ofNullable(reviews.find(Filters.eq("_id", id)).first()).map(MongoAiReviewStore::read);
    }

    @Override
    public Page<AiReview> list(AiReview.Verdict verdict, String username, Collection<String> roleIds, String workflowId,
            Page.Request request) {
        List<Bson> conditions = new ArrayList<>();
        if (verdict != null) {
            conditions.add(Filters.eq("verdict", verdict.label()));
        }
        if (workflowId != null) {
            conditions.add(Filters.eq("workflowId", workflowId));
        }
        if (username != null && !roleIds.contains("admin")) {
            conditions.add(Filters.eq("reviewers", username));
        }
        Bson filter = conditions.isEmpty() ? new Document() : Filters.and(conditions);
        List<AiReview> page = new ArrayList<>();
        for (Document d : reviews.find(filter).sort(Sorts.descending("createdAt", "_id")).skip(request.skip())
                .limit(request.size())) {
            page.add(read(d));
        }
        return new Page<>(page, request.page(), request.size(), reviews.countDocuments(filter));
    }

    @Override
    public Optional<AiReview> decide(String id, AiReview.Verdict verdict, String by, Instant at,
            Map<String, Object> correction, String comment) {
        return Optional.ofNullable(reviews.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("verdict", AiReview.Verdict.PENDING.label())),
                Updates.combine(Updates.set("verdict", verdict.label()), Updates.set("reviewedBy", by),
                        Updates.set("reviewedAt", Documents.date(at)),
                        Updates.set("correction", correction == null ? null : Json.write(correction)),
                        Updates.set("comment", comment)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(MongoAiReviewStore::read);
    }

    @Override
    public void count(AiReview r) {
        String set = r.verdict() == AiReview.Verdict.ACCEPTED ? "accepted" : "corrected";
        rates.updateOne(Filters.eq("_id", r.workflowId() + "|" + r.node() + "|" + r.week()),
                Updates.combine(Updates.set("workflowId", r.workflowId()), Updates.set("workflowName", r.workflowName()),
                        Updates.set("node", r.node()), Updates.set("week", r.week()), Updates.addToSet(set, r.id())),
                new UpdateOptions().upsert(true));
    }

    @Override
    public void markCounted(String id) {
        reviews.updateOne(Filters.eq("_id", id), Updates.set("counted", true));
    }

    @Override
    public List<AiReview> uncounted(int limit) {
        List<AiReview> out = new ArrayList<>();
        for (Document d : reviews.find(Filters.and(Filters.ne("verdict", AiReview.Verdict.PENDING.label()),
                Filters.eq("counted", false))).limit(limit)) {
            out.add(read(d));
        }
        return out;
    }

    @Override
    public List<AcceptRate> acceptRates(String workflowId) {
        List<AcceptRate> out = new ArrayList<>();
        Bson filter = workflowId == null ? new Document() : Filters.eq("workflowId", workflowId);
        for (Document d : rates.find(filter).sort(Sorts.orderBy(Sorts.descending("week"), Sorts.ascending("workflowName", "node")))) {
            out.add(new AcceptRate(d.getString("workflowId"), d.getString("workflowName"), d.getString("node"),
                    d.getString("week"), d.getList("accepted", String.class, List.of()).size(),
                    d.getList("corrected", String.class, List.of()).size()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static AiReview read(Document d) {
        Object answer = d.getString("answer") == null ? Map.of() : Json.parse(d.getString("answer"));
        Object correction = d.getString("correction") == null ? null : Json.parse(d.getString("correction"));
        Number confidence = d.get("confidence", Number.class);
        return new AiReview(d.getString("_id"), d.getString("runId"), d.getString("workflowId"),
                d.getString("workflowName"), d.getString("node"), d.getString("nodeType"), d.getInteger("stepIndex", 0),
                d.getInteger("itemIndex", 0), d.getList("reviewers", String.class, List.of()), d.getString("question"),
                answer instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : Map.of(),
                confidence == null ? null : confidence.doubleValue(), Documents.instant(d, "createdAt"),
                AiReview.Verdict.fromLabel(d.getString("verdict")), d.getString("reviewedBy"),
                Documents.instant(d, "reviewedAt"),
                correction instanceof Map<?, ?> c ? new LinkedHashMap<>((Map<String, Object>) c) : null,
                d.getString("comment"), d.getBoolean("counted", false));
    }
}
