package dev.switchboard.platform.store;

import java.time.Clock;
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

import dev.switchboard.platform.governance.PublishRequest;
import dev.switchboard.platform.governance.PublishRequestStore;
import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.run.RunIds;

/** Publishes waiting for review in the {@code publish_requests} collection (fields as {@link PublishRequest} names them). */
public final class MongoPublishRequestStore implements PublishRequestStore {

    private final MongoCollection<Document> requests;
    private final Clock clock;

    public MongoPublishRequestStore(MongoConnection connection, Clock clock) {
        this.requests = connection.database().getCollection("publish_requests");
        this.clock = clock;
    }

    @Override
    public PublishRequest create(PublishRequest r) {
        String id = r.id() == null ? RunIds.next() : r.id();
        requests.insertOne(new Document("_id", id).append("workflowId", r.workflowId()).append("workflowName", r.workflowName())
                .append("revision", r.revision()).append("note", r.note()).append("requestedBy", r.requestedBy())
                .append("requestedAt", Documents.date(r.requestedAt())).append("reviewer", r.reviewer())
                .append("status", "pending"));
        return get(id).orElseThrow();
    }

    @Override
    public Optional<PublishRequest> get(String id) {
        return Optional.ofNullable(requests.find(Filters.eq("_id", id)).first()).map(MongoPublishRequestStore::read);
    }

    @Override
    public Page<PublishRequest> pending(String reviewer, Page.Request request) {
        List<Bson> conditions = new ArrayList<>(List.of(Filters.eq("status", "pending")));
        if (reviewer != null) {
            conditions.add(Filters.eq("reviewer", reviewer));
        }
        Bson where = Filters.and(conditions);
        List<PublishRequest> page = new ArrayList<>();
        for (Document d : requests.find(where).sort(Sorts.descending("_id")).skip(request.skip()).limit(request.size())) {
            page.add(read(d));
        }
        return new Page<>(page, request.page(), request.size(), requests.countDocuments(where));
    }

    @Override
    public Optional<PublishRequest> decide(String id, String status, String by, String comment, Integer version) {
        return Optional.ofNullable(requests.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.eq("status", "pending")),
                Updates.combine(Updates.set("status", status), Updates.set("decidedBy", by),
                        Updates.set("decidedAt", Documents.date(clock.instant())), Updates.set("comment", comment),
                        Updates.set("version", version)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(MongoPublishRequestStore::read);
    }

    private static PublishRequest read(Document d) {
        Number revision = d.get("revision", Number.class);
        return new PublishRequest(d.getString("_id"), d.getString("workflowId"), d.getString("workflowName"),
                revision == null ? 0 : revision.longValue(), d.getString("note"), d.getString("requestedBy"),
                Documents.instant(d, "requestedAt"), d.getString("reviewer"), d.getString("status"), d.getString("decidedBy"),
                Documents.instant(d, "decidedAt"), d.getString("comment"), d.getInteger("version"));
    }
}
