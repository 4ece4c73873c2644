package dev.switchboard.platform.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.run.RunFilter;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.RunStore;
import dev.switchboard.platform.run.Step;
import dev.switchboard.platform.run.StepError;

/**
 * Runs in MongoDB. Collection {@code runs}: one document per run (its identity, status, input items
 * as JSON text, error, lease: {@code worker}, {@code leaseUntil}; {@code resumeAt} while waiting).
 * A run started by a trigger has an id derived from the trigger's key (workflow, node, fire time), so
 * that one firing makes one run even when several instances fire it. Collection {@code run_steps}: one document per
 * finished step, {@code _id} = {@code <runId>:<index>}, written whole (see {@link StepDocuments}).
 */
public final class MongoRunStore implements RunStore {

    private final MongoCollection<Document> runs;
    private final MongoCollection<Document> steps;

    public MongoRunStore(MongoConnection connection) {
        this.runs = connection.database().getCollection("runs");
        this.steps = connection.database().getCollection("run_steps");
        runs.createIndex(Indexes.ascending("status", "createdAt"));
        runs.createIndex(Indexes.ascending("workflowId", "createdAt"));
        steps.createIndex(Indexes.ascending("runId", "index"));
    }

    /**
     * A keyed run gets an id derived from its key, so that the insert itself decides: a second
     * firing of the same trigger finds the id taken and gets the first run back (one document, one write).
     */
    @Override
    public RunRecord create(RunRecord queued) {
        RunRecord run = queued.key() == null ? queued : new RunRecord(
                java.util.UUID.nameUUIDFromBytes(queued.key().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(),
                queued.workflowId(), queued.workflowVersion(), queued.workflowName(), queued.mode(), queued.key(),
                queued.startNode(), queued.input(), queued.status(), queued.error(), queued.createdAt(), queued.startedAt(),
                queued.finishedAt(), queued.worker(), queued.leaseUntil(), queued.resumeAt());
        Document doc = new Document("_id", run.id()).append("workflowId", run.workflowId())
                .append("workflowVersion", run.workflowVersion()).append("workflowName", run.workflowName())
                .append("mode", run.mode()).append("key", run.key()).append("startNode", run.startNode())
                .append("input", Documents.itemsJson(run.input())).append("status", run.status().name())
                .append("error", Documents.error(run.error())).append("createdAt", Documents.date(run.createdAt()))
                .append("startedAt", null).append("finishedAt", null).append("worker", null).append("leaseUntil", null)
                .append("resumeAt", null);
        try {
            runs.insertOne(doc);
        } catch (MongoWriteException e) {
            if (run.key() != null && e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return get(run.id()).orElseThrow();
            }
            throw e;
        }
        return read(doc);
    }

    @Override
    public Optional<RunRecord> get(String id) {
        return Optional.ofNullable(runs.find(eq("_id", id)).first()).map(MongoRunStore::read);
    }

    @Override
    public Page<RunRecord> list(RunFilter filter, Page.Request request) {
        List<Bson> parts = new ArrayList<>();
        if (filter.workflowId() != null) {
            parts.add(eq("workflowId", filter.workflowId()));
        }
        if (filter.status() != null) {
            parts.add(eq("status", filter.status().name()));
        }
        if (filter.from() != null) {
            parts.add(gte("createdAt", Documents.date(filter.from())));
        }
        if (filter.to() != null) {
            parts.add(lt("createdAt", Documents.date(filter.to())));
        }
        Bson query = parts.isEmpty() ? new Document() : and(parts);
        long total = runs.countDocuments(query);
        List<RunRecord> items = new ArrayList<>();
        runs.find(query).sort(Sorts.descending("createdAt")).skip(request.skip()).limit(request.size())
                .forEach(d -> items.add(read(d)));
        return new Page<>(items, request.page(), request.size(), total);
    }

    @Override
    public Optional<RunRecord> claim(String worker, Instant now, Duration lease) {
        Bson due = or(
                eq("status", RunStatus.QUEUED.name()),
                and(eq("status", RunStatus.RUNNING.name()), lt("leaseUntil", Documents.date(now))),
                and(eq("status", RunStatus.WAITING.name()), ne("resumeAt", null), lte("resumeAt", Documents.date(now))));
        Document claimed = runs.findOneAndUpdate(due,
                Updates.combine(Updates.set("status", RunStatus.RUNNING.name()), Updates.set("worker", worker),
                        Updates.set("leaseUntil", Documents.date(now.plus(lease))), Updates.set("resumeAt", null)),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("createdAt")).returnDocument(ReturnDocument.AFTER));
        if (claimed == null) {
            return Optional.empty();
        }
        if (claimed.getDate("startedAt") == null) {
            runs.updateOne(and(eq("_id", claimed.getString("_id")), eq("startedAt", null)),
                    Updates.set("startedAt", Documents.date(now)));
            claimed.put("startedAt", Documents.date(now));
        }
        return Optional.of(read(claimed));
    }

    @Override
    public Optional<RunRecord> cancel(String runId, Instant now) {
        Document stopped = runs.findOneAndUpdate(and(eq("_id", runId),
                        com.mongodb.client.model.Filters.in("status", RunStatus.QUEUED.name(), RunStatus.WAITING.name())),
                Updates.combine(Updates.set("status", RunStatus.CANCELLED.name()), Updates.set("finishedAt", Documents.date(now)),
                        Updates.set("resumeAt", null),
                        Updates.set("error", Documents.error(new StepError("cancelled", null, null, -1, null)))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (stopped != null) {
            return Optional.of(read(stopped));
        }
        runs.updateOne(and(eq("_id", runId), eq("status", RunStatus.RUNNING.name())), Updates.set("cancelRequested", true));
        return get(runId);
    }

    @Override
    public boolean wake(String runId, Instant now) {
        return runs.updateOne(and(eq("_id", runId), eq("status", RunStatus.WAITING.name())),
                Updates.set("resumeAt", Documents.date(now))).getMatchedCount() == 1;
    }

    @Override
    public void delete(String runId) {
        steps.deleteMany(eq("runId", runId));
        runs.deleteOne(eq("_id", runId));
    }

    @Override
    public int prune(Instant olderThan, int keepNewest) {
        Bson finished = com.mongodb.client.model.Filters.in("status", RunStatus.SUCCEEDED.name(), RunStatus.FAILED.name(),
                RunStatus.CANCELLED.name(), RunStatus.ROLLED_BACK.name(), RunStatus.NEEDS_ATTENTION.name());
        List<String> doomed = new ArrayList<>();
        runs.find(and(finished, lt("createdAt", Documents.date(olderThan)))).projection(new Document("_id", 1))
                .forEach(d -> doomed.add(d.getString("_id")));
        runs.find(finished).sort(Sorts.descending("createdAt")).skip(Math.max(0, keepNewest))
                .projection(new Document("_id", 1)).forEach(d -> doomed.add(d.getString("_id")));
        java.util.Set<String> unique = new java.util.LinkedHashSet<>(doomed);
        unique.forEach(this::delete);
        return unique.size();
    }

    @Override
    public boolean cancelRequested(String runId) {
        return runs.find(and(eq("_id", runId), eq("cancelRequested", true))).first() != null;
    }

    @Override
    public boolean heartbeat(String runId, String worker, Instant leaseUntil) {
        return runs.updateOne(and(eq("_id", runId), eq("worker", worker), eq("status", RunStatus.RUNNING.name())),
                Updates.set("leaseUntil", Documents.date(leaseUntil))).getMatchedCount() == 1;
    }

    @Override
    public void release(String runId, String worker, RunStatus status, StepError error, Instant resumeAt, Instant now) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("status", status.name()), Updates.set("worker", null),
                Updates.set("leaseUntil", null), Updates.set("error", Documents.error(error)),
                Updates.set("resumeAt", Documents.date(resumeAt))));
        if (status.isFinished()) {
            updates.add(Updates.set("finishedAt", Documents.date(now)));
        }
        runs.updateOne(and(eq("_id", runId), eq("worker", worker)), Updates.combine(updates));
    }

    @Override
    public void stepFinished(String runId, Step step) {
        steps.replaceOne(eq("_id", runId + ":" + step.index()), StepDocuments.write(runId, step),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public List<Step> steps(String runId) {
        List<Step> out = new ArrayList<>();
        steps.find(eq("runId", runId)).sort(Sorts.ascending("index")).forEach(d -> out.add(StepDocuments.read(d)));
        return out;
    }

    private static RunRecord read(Document d) {
        return new RunRecord(d.getString("_id"), d.getString("workflowId"), d.get("workflowVersion", Number.class).intValue(),
                d.getString("workflowName"), d.getString("mode"), d.getString("key"), d.getString("startNode"),
                Documents.items(dev.switchboard.platform.json.Json.parse(d.getString("input"))),
                RunStatus.valueOf(d.getString("status")), Documents.error(d.get("error", Document.class)),
                Documents.instant(d, "createdAt"), Documents.instant(d, "startedAt"), Documents.instant(d, "finishedAt"),
                d.getString("worker"), Documents.instant(d, "leaseUntil"), Documents.instant(d, "resumeAt"));
    }
}
