package dev.switchboard.platform.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.regex;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowStore;
import dev.switchboard.platform.workflow.WorkflowVersion;

/**
 * Workflows in MongoDB. Collection {@code workflows}: one document per workflow ({@code _id},
 * {@code name}, {@code definition} (the draft as n8n JSON text), {@code active},
 * {@code publishedVersion}, {@code revision}, {@code createdAt}, {@code updatedAt}, {@code deleted}).
 * Collection {@code workflow_versions}: one immutable document per version, {@code _id} =
 * {@code <workflowId>:<version>}, so that two publishers cannot make the same number.
 */
public final class MongoWorkflowStore implements WorkflowStore {

    private final MongoCollection<Document> workflows;
    private final MongoCollection<Document> versions;
    private final Clock clock;

    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public long changes() {
        return changes.get();
    }

    public MongoWorkflowStore(MongoConnection connection, Clock clock) {
        this.workflows = connection.database().getCollection("workflows");
        this.versions = connection.database().getCollection("workflow_versions");
        this.clock = clock;
        workflows.createIndex(Indexes.descending("updatedAt"));
        versions.createIndex(Indexes.ascending("workflowId", "version"));
    }

    @Override
    public StoredWorkflow create(Workflow draft) {
        changes.incrementAndGet();
        String id = draft.id() != null && !draft.id().isBlank() ? draft.id() : UUID.randomUUID().toString();
        Workflow withId = new Workflow(id, draft.name(), draft.nodes(), draft.connections(), draft.settings(),
                draft.pinData(), draft.extra());
        Instant now = clock.instant();
        Document doc = new Document("_id", id).append("name", name(withId)).append("nameLower", name(withId).toLowerCase())
                .append("definition", Documents.workflowJson(withId)).append("active", false)
                .append("publishedVersion", null).append("revision", 1L)
                .append("createdAt", Documents.date(now)).append("updatedAt", Documents.date(now)).append("deleted", false);
        try {
            workflows.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new ConcurrentEditException("a workflow with id \"" + id + "\" already exists");
            }
            throw e;
        }
        return read(doc);
    }

    private static String name(Workflow w) {
        return w.name() == null || w.name().isBlank() ? "Untitled workflow" : w.name();
    }

    @Override
    public Optional<StoredWorkflow> get(String id) {
        return Optional.ofNullable(workflows.find(eq("_id", id)).first()).map(MongoWorkflowStore::read);
    }

    private StoredWorkflow require(String id) {
        return get(id).filter(w -> !w.deleted())
                .orElseThrow(() -> new NotFoundException("no workflow with id \"" + id + "\""));
    }

    @Override
    public Page<StoredWorkflow> list(String search, Page.Request request) {
        Bson filter = ne("deleted", true);
        if (search != null && !search.isBlank()) {
            filter = and(filter, regex("nameLower", Pattern.quote(search.toLowerCase())));
        }
        long total = workflows.countDocuments(filter);
        List<StoredWorkflow> items = new ArrayList<>();
        workflows.find(filter).sort(Sorts.descending("updatedAt", "_id")).skip(request.skip()).limit(request.size())
                .forEach(d -> items.add(read(d)));
        return new Page<>(items, request.page(), request.size(), total);
    }

    @Override
    public StoredWorkflow updateDraft(String id, Workflow draft, Long expectedRevision) {
        changes.incrementAndGet();
        StoredWorkflow current = require(id);
        long revision = expectedRevision != null ? expectedRevision : current.revision();
        Workflow withId = new Workflow(id, draft.name(), draft.nodes(), draft.connections(), draft.settings(),
                draft.pinData(), draft.extra());
        Document updated = workflows.findOneAndUpdate(and(eq("_id", id), eq("revision", revision)),
                Updates.combine(Updates.set("definition", Documents.workflowJson(withId)),
                        Updates.set("name", name(withId)), Updates.set("nameLower", name(withId).toLowerCase()),
                        Updates.set("updatedAt", Documents.date(clock.instant())), Updates.inc("revision", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (updated == null) {
            throw new ConcurrentEditException("the workflow \"" + current.name() + "\" was changed by someone else "
                    + "(revision " + current.revision() + ", you edited revision " + revision + "); reload it");
        }
        return read(updated);
    }

    @Override
    public WorkflowVersion publish(String id, String author, String note) {
        changes.incrementAndGet();
        StoredWorkflow current = require(id);
        return insertVersion(current, current.draft(), author, note);
    }

    @Override
    public WorkflowVersion rollback(String id, int version, String author) {
        changes.incrementAndGet();
        StoredWorkflow current = require(id);
        WorkflowVersion earlier = version(id, version)
                .orElseThrow(() -> new NotFoundException("workflow \"" + current.name() + "\" has no version " + version));
        return insertVersion(current, earlier.workflow(), author, "rollback to version " + version);
    }

    private WorkflowVersion insertVersion(StoredWorkflow current, Workflow definition, String author, String note) {
        int next = current.publishedVersion() == null ? 1 : current.publishedVersion() + 1;
        Instant now = clock.instant();
        for (int attempt = 0; attempt < 20; attempt++, next++) {
            Document doc = new Document("_id", current.id() + ":" + next).append("workflowId", current.id())
                    .append("version", next).append("definition", Documents.workflowJson(definition))
                    .append("author", author).append("note", note).append("publishedAt", Documents.date(now));
            try {
                versions.insertOne(doc);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    continue;
                }
                throw e;
            }
            workflows.updateOne(and(eq("_id", current.id())), Updates.combine(Updates.max("publishedVersion", next),
                    Updates.set("updatedAt", Documents.date(now))));
            return readVersion(doc);
        }
        throw new ConcurrentEditException("could not publish \"" + current.name() + "\": too many publishers at once");
    }

    @Override
    public List<WorkflowVersion> versions(String id) {
        List<WorkflowVersion> out = new ArrayList<>();
        versions.find(eq("workflowId", id)).sort(Sorts.ascending("version")).forEach(d -> out.add(readVersion(d)));
        return out;
    }

    @Override
    public Optional<WorkflowVersion> version(String id, int version) {
        return Optional.ofNullable(versions.find(eq("_id", id + ":" + version)).first()).map(MongoWorkflowStore::readVersion);
    }

    @Override
    public StoredWorkflow setActive(String id, boolean active) {
        changes.incrementAndGet();
        require(id);
        Document updated = workflows.findOneAndUpdate(eq("_id", id),
                Updates.combine(Updates.set("active", active), Updates.set("updatedAt", Documents.date(clock.instant())),
                        Updates.inc("revision", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return read(updated);
    }

    @Override
    public void delete(String id) {
        changes.incrementAndGet();
        require(id);
        workflows.updateOne(eq("_id", id), Updates.combine(Updates.set("deleted", true), Updates.set("active", false),
                Updates.set("updatedAt", Documents.date(clock.instant()))));
    }

    private static StoredWorkflow read(Document d) {
        Number published = d.get("publishedVersion", Number.class);
        Number revision = d.get("revision", Number.class);
        return new StoredWorkflow(d.getString("_id"), Documents.workflow(d.getString("definition")),
                Boolean.TRUE.equals(d.getBoolean("active")), published == null ? null : published.intValue(),
                revision == null ? 0 : revision.longValue(), Documents.instant(d, "createdAt"),
                Documents.instant(d, "updatedAt"), Boolean.TRUE.equals(d.getBoolean("deleted")));
    }

    private static WorkflowVersion readVersion(Document d) {
        return new WorkflowVersion(d.getString("workflowId"), d.get("version", Number.class).intValue(),
                Documents.workflow(d.getString("definition")), d.getString("author"), d.getString("note"),
                Documents.instant(d, "publishedAt"));
    }
}
