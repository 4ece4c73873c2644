package dev.switchboard.platform.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
import com.mongodb.client.model.Updates;

import dev.switchboard.platform.approval.ApprovalRequest;
import dev.switchboard.platform.approval.ApprovalStatus;
import dev.switchboard.platform.approval.ApprovalStore;
import dev.switchboard.platform.approval.Decision;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.paging.Page;

/**
 * Approval requests in the {@code approvals} collection: {@code _id} ({@code runId:stepIndex}),
 * {@code runId}, {@code workflowId}, {@code workflowName}, {@code node}, {@code stepIndex}, {@code status},
 * {@code approvers}, {@code roles}, {@code message}, {@code fields} and {@code items} (JSON text),
 * {@code options}, {@code createdAt}, {@code deadline}, {@code onDeadline}, {@code escalateToRole},
 * {@code escalateMillis}, {@code escalated}, {@code decision} ({@code option}, {@code by}, {@code at},
 * {@code comment}), {@code applied}, {@code notifyWebhook}. The link key is the document
 * {@code _id: "approval-link-key"} of {@code settings}.
 */
public final class MongoApprovalStore implements ApprovalStore {

    private final MongoCollection<Document> approvals;
    private final MongoCollection<Document> settings;

    public MongoApprovalStore(MongoConnection connection) {
        this.approvals = connection.database().getCollection("approvals");
        this.settings = connection.database().getCollection("settings");
    }

    @Override
    public boolean create(ApprovalRequest r) {
        Document d = new Document("_id", r.id()).append("runId", r.runId()).append("workflowId", r.workflowId())
                .append("workflowName", r.workflowName()).append("node", r.node()).append("stepIndex", r.stepIndex())
                .append("status", r.status().label()).append("approvers", r.approvers()).append("roles", r.roles())
                .append("message", r.message()).append("fields", Json.write(r.fields()))
                .append("options", r.options()).append("items", Json.write(r.items()))
                .append("createdAt", Documents.date(r.createdAt())).append("deadline", Documents.date(r.deadline()))
                .append("onDeadline", r.onDeadline()).append("escalateToRole", r.escalateToRole())
                .append("escalateMillis", r.escalateMillis()).append("escalated", r.escalated())
                .append("decision", decision(r.decision())).append("applied", r.applied())
                .append("notifyWebhook", r.notifyWebhook()).append("notifyEmails", r.notifyEmails())
                .append("emailFrom", r.emailFrom());
        return Documents.insertIfAbsent(approvals, d);
    }

    @Override
    public Optional<ApprovalRequest> get(String id) {
        return Optional.ofNullable(approvals.find(Filters.eq("_id", id)).first()).map(MongoApprovalStore::read);
    }

    @Override
    public Page<ApprovalRequest> list(ApprovalStatus status, String username, Collection<String> roleIds,
            Page.Request request) {
        List<Bson> conditions = new ArrayList<>();
        if (status != null) {
            conditions.add(Filters.eq("status", status.label()));
        }
        if (username != null) {
            List<Bson> who = new ArrayList<>();
            who.add(Filters.eq("approvers", username));
            if (!roleIds.isEmpty()) {
                who.add(Filters.in("roles", roleIds));
            }
            if (roleIds.contains("admin")) {
                who.add(Filters.and(Filters.size("approvers", 0), Filters.size("roles", 0)));
            }
            conditions.add(Filters.or(who));
        }
        Bson filter = conditions.isEmpty() ? new Document() : Filters.and(conditions);
        List<ApprovalRequest> page = new ArrayList<>();
        for (Document d : approvals.find(filter).sort(Sorts.descending("createdAt", "_id")).skip(request.skip())
                .limit(request.size())) {
            page.add(read(d));
        }
        return new Page<>(page, request.page(), request.size(), approvals.countDocuments(filter));
    }

    @Override
    public Optional<ApprovalRequest> decide(String id, ApprovalStatus status, Decision decision) {
        return Optional.ofNullable(approvals.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("status", ApprovalStatus.PENDING.label())),
                Updates.combine(Updates.set("status", status.label()), Updates.set("decision", decision(decision))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(MongoApprovalStore::read);
    }

    @Override
    public Optional<ApprovalRequest> escalate(String id, Instant deadline, String role, Instant newDeadline) {
        return Optional.ofNullable(approvals.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("status", ApprovalStatus.PENDING.label()),
                        Filters.eq("deadline", Documents.date(deadline)), Filters.eq("escalated", false)),
                Updates.combine(Updates.set("roles", List.of(role)), Updates.set("approvers", List.of()),
                        Updates.set("deadline", Documents.date(newDeadline)), Updates.set("escalated", true)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(MongoApprovalStore::read);
    }

    @Override
    public List<ApprovalRequest> due(Instant now, int limit) {
        List<ApprovalRequest> out = new ArrayList<>();
        for (Document d : approvals.find(Filters.and(Filters.eq("status", ApprovalStatus.PENDING.label()),
                Filters.lte("deadline", Documents.date(now)))).limit(limit)) {
            out.add(read(d));
        }
        return out;
    }

    @Override
    public List<ApprovalRequest> unapplied(int limit) {
        List<ApprovalRequest> out = new ArrayList<>();
        for (Document d : approvals.find(Filters.and(Filters.ne("status", ApprovalStatus.PENDING.label()),
                Filters.eq("applied", false))).limit(limit)) {
            out.add(read(d));
        }
        return out;
    }

    @Override
    public void markApplied(String id) {
        approvals.updateOne(Filters.eq("_id", id), Updates.set("applied", true));
    }

    @Override
    public byte[] linkKey() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Document d = settings.findOneAndUpdate(Filters.eq("_id", "approval-link-key"),
                Updates.setOnInsert("key", Base64.getEncoder().encodeToString(fresh)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return Base64.getDecoder().decode(d.getString("key"));
    }

    private static Document decision(Decision d) {
        return d == null ? null : new Document("option", d.option()).append("by", d.by()).append("at", Documents.date(d.at()))
                .append("comment", d.comment());
    }

    @SuppressWarnings("unchecked")
    private static ApprovalRequest read(Document d) {
        Document dec = d.get("decision", Document.class);
        Decision decision = dec == null ? null : new Decision(dec.getString("option"), dec.getString("by"),
                Documents.instant(dec, "at"), dec.getString("comment"));
        Object fields = d.getString("fields") == null ? Map.of() : Json.parse(d.getString("fields"));
        Object items = d.getString("items") == null ? List.of() : Json.parse(d.getString("items"));
        Number escalateMillis = d.get("escalateMillis", Number.class);
        return new ApprovalRequest(d.getString("_id"), d.getString("runId"), d.getString("workflowId"),
                d.getString("workflowName"), d.getString("node"), d.getInteger("stepIndex", 0),
                ApprovalStatus.fromLabel(d.getString("status")), d.getList("approvers", String.class),
                d.getList("roles", String.class), d.getString("message"),
                fields instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : Map.of(),
                d.getList("options", String.class), (List<Map<String, Object>>) items, Documents.instant(d, "createdAt"),
                Documents.instant(d, "deadline"), d.getString("onDeadline"), d.getString("escalateToRole"),
                escalateMillis == null ? 0 : escalateMillis.longValue(), d.getBoolean("escalated", false), decision,
                d.getBoolean("applied", false), d.getString("notifyWebhook"),
                d.getList("notifyEmails", String.class, List.of()), d.getString("emailFrom"));
    }
}
