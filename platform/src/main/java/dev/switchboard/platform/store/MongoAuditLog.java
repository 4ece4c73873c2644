package dev.switchboard.platform.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import dev.switchboard.platform.governance.AuditEntry;
import dev.switchboard.platform.governance.AuditLog;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.run.RunIds;

/**
 * The audit log in the {@code audit} collection: {@code _id} (time-ordered), {@code at}, {@code actor},
 * {@code action}, {@code subject}, {@code summary}, {@code details} (JSON text). Entries are only inserted.
 */
public final class MongoAuditLog implements AuditLog {

    private final MongoCollection<Document> audit;
    private final Clock clock;

    public MongoAuditLog(MongoConnection connection, Clock clock) {
        this.audit = connection.database().getCollection("audit");
        this.clock = clock;
    }

    @Override
    public AuditEntry record(String actor, String action, String subject, String summary, Map<String, Object> details) {
        AuditEntry entry = new AuditEntry(RunIds.next(), clock.instant(), actor, action, subject, summary, details);
        audit.insertOne(new Document("_id", entry.id()).append("at", Documents.date(entry.at())).append("actor", actor)
                .append("action", action).append("subject", subject).append("summary", summary)
                .append("details", Json.write(entry.details())));
        return entry;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Page<AuditEntry> list(Filter filter, Page.Request request) {
        List<Bson> conditions = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            conditions.add(Filters.eq("actor", filter.actor()));
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            conditions.add(Filters.eq("action", filter.action()));
        }
        if (filter.subject() != null && !filter.subject().isBlank()) {
            conditions.add(Filters.regex("subject", "^" + java.util.regex.Pattern.quote(filter.subject())));
        }
        if (filter.from() != null) {
            conditions.add(Filters.gte("at", Documents.date(filter.from())));
        }
        if (filter.to() != null) {
            conditions.add(Filters.lt("at", Documents.date(filter.to())));
        }
        Bson where = conditions.isEmpty() ? new Document() : Filters.and(conditions);
        List<AuditEntry> page = new ArrayList<>();
        for (Document d : audit.find(where).sort(Sorts.descending("_id")).skip(request.skip()).limit(request.size())) {
            Object details = d.getString("details") == null ? Map.of() : Json.parse(d.getString("details"));
            page.add(new AuditEntry(d.getString("_id"), Documents.instant(d, "at"), d.getString("actor"),
                    d.getString("action"), d.getString("subject"), d.getString("summary"),
                    details instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : Map.of()));
        }
        return new Page<>(page, request.page(), request.size(), audit.countDocuments(where));
    }
}
