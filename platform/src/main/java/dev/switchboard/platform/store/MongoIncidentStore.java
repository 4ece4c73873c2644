package dev.switchboard.platform.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.switchboard.platform.incident.Incident;
import dev.switchboard.platform.incident.IncidentStatus;
import dev.switchboard.platform.incident.IncidentStore;
import dev.switchboard.platform.paging.Page;

/**
 * Incidents in the {@code incidents} collection: {@code _id}, {@code runId}, {@code workflowId},
 * {@code workflowName}, {@code owner}, {@code reason}, {@code title}, {@code status}, {@code rootCause},
 * {@code resolution}, {@code openedAt}, {@code updatedAt}, {@code resolvedBy}, {@code resolvedAt}.
 */
public final class MongoIncidentStore implements IncidentStore {

    private final MongoCollection<Document> incidents;
    private final Clock clock;

    public MongoIncidentStore(MongoConnection connection, Clock clock) {
        this.incidents = connection.database().getCollection("incidents");
        this.clock = clock;
    }

    @Override
    public boolean open(Incident i) {
        return Documents.insertIfAbsent(incidents, new Document("_id", i.id()).append("runId", i.runId())
                .append("workflowId", i.workflowId()).append("workflowName", i.workflowName()).append("owner", i.owner()).append("reason", i.reason())
                .append("title", i.title()).append("status", i.status().label()).append("rootCause", i.rootCause())
                .append("resolution", i.resolution()).append("openedAt", Documents.date(i.openedAt()))
                .append("updatedAt", Documents.date(i.updatedAt())).append("resolvedBy", null).append("resolvedAt", null));
    }

    @Override
    public Optional<Incident> get(String id) {
        return Optional.ofNullable(incidents.find(Filters.eq("_id", id)).first()).map(MongoIncidentStore::read);
    }

    @Override
    public Page<Incident> list(IncidentStatus status, String owner, Page.Request request) {
        List<Bson> conditions = new ArrayList<>();
        if (status != null) {
            conditions.add(Filters.eq("status", status.label()));
        }
        if (owner != null && !owner.isBlank()) {
            conditions.add(Filters.eq("owner", owner));
        }
        Bson where = conditions.isEmpty() ? new Document() : Filters.and(conditions);
        List<Incident> page = new ArrayList<>();
        for (Document d : incidents.find(where).sort(Sorts.descending("openedAt", "_id")).skip(request.skip())
                .limit(request.size())) {
            page.add(read(d));
        }
        return new Page<>(page, request.page(), request.size(), incidents.countDocuments(where));
    }

    @Override
    public Incident update(String id, IncidentStatus status, String rootCause, String resolution, String by) {
        Instant now = clock.instant();
        List<Bson> changes = new ArrayList<>(List.of(Updates.set("updatedAt", Documents.date(now))));
        if (status != null) {
            changes.add(Updates.set("status", status.label()));
            boolean resolved = status == IncidentStatus.RESOLVED;
            changes.add(Updates.set("resolvedBy", resolved ? by : null));
            changes.add(Updates.set("resolvedAt", resolved ? Documents.date(now) : null));
        }
        if (rootCause != null) {
            changes.add(Updates.set("rootCause", rootCause));
        }
        if (resolution != null) {
            changes.add(Updates.set("resolution", resolution));
        }
        Document d = incidents.findOneAndUpdate(Filters.eq("_id", id), Updates.combine(changes),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (d == null) {
            throw new IllegalArgumentException("no incident with id \"" + id + "\"");
        }
        return read(d);
    }

    private static Incident read(Document d) {
        return new Incident(d.getString("_id"), d.getString("runId"), d.getString("workflowId"), d.getString("workflowName"),
                d.getString("owner"), d.getString("reason"), d.getString("title"), IncidentStatus.fromLabel(d.getString("status")),
                d.getString("rootCause"), d.getString("resolution"), Documents.instant(d, "openedAt"),
                Documents.instant(d, "updatedAt"), d.getString("resolvedBy"), Documents.instant(d, "resolvedAt"));
    }
}
