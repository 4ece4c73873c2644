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
 * Runs in MongoDB. Collection {@code run_queue}: the runs waiting for a worker (see {@link #enqueue}).
 * Collection {@code runs}: one document per run (its identity, status, input items
 * as JSON text, error, lease: {@code worker}, {@code leaseUntil}; {@code resumeAt} while waiting).
 * A run started by a trigger has an id derived from the trigger's key (workflow, node, fire time), so
 * that one firing makes one run even when several instances fire it. Collection {@code run_steps}: one document per
 * finished step, {@code _id} = {@code <runId>:<index>}, written whole (see {@link StepDocuments}).
 *
 * <p>The writes of a run in progress (its creation, its steps, its end) select the document by
 * {@code _id} alone, so that they stay cheap however long the history grows on a server that ignores
 * secondary indexes, and they go through a {@link WriteBatcher}: each is acknowledged before its
 * caller goes on, while the runs in flight share round trips. A worker's hold on its run is checked
 * by its heartbeat, which reads the run and renews the lease only while the run is still its own.
 */
public final class MongoRunStore implements RunStore, AutoCloseable {

    private final com.mongodb.client.MongoDatabase database;
    private final MongoCollection<Document> runs;
    private final MongoCollection<Document> steps;
    private static final int STEP_CHUNK = 32;
    private volatile int maxStepChars = Integer.MAX_VALUE;
    /** Steps of runs in progress on this instance whose data is over the limit: cut once their run has ended. */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.Set<Integer>> oversized =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final MongoCollection<Document> queue;
    private final BinaryData binary;
    private final MongoCollection<Document> instances;
    private final Duration orphanScanEvery;
    private volatile Instant lastOrphanScan = Instant.EPOCH;
    private volatile boolean searchedOnce;
    private final WriteBatcher batcher = new WriteBatcher("run-journal", 2);

    /** A store that searches for orphaned runs on every claim (tests; a server passes a period). */
    public MongoRunStore(MongoConnection connection) {
        this(connection, Duration.ZERO);
    }

    /**
     * @param orphanScanEvery how often the whole {@code runs} collection is searched for runs nobody
     *                        holds any more (their worker died); at most this long after a lease
     *                        expired is the run taken up again
     */
    public MongoRunStore(MongoConnection connection, Duration orphanScanEvery) {
        this.orphanScanEvery = orphanScanEvery;
        this.queue = connection.database().getCollection("run_queue");
        this.binary = new BinaryData(connection);
        this.database = connection.database();
        this.runs = database.getCollection("runs");
        this.steps = connection.database().getCollection("run_steps");
        this.instances = database.getCollection("instances");
        runs.createIndex(Indexes.ascending("status", "createdAt"));
        runs.createIndex(Indexes.ascending("workflowId", "createdAt"));
        steps.createIndex(Indexes.ascending("runId", "index"));
    }

    /**
     * Counts with the {@code count} command: answered from the collection's size when nothing is filtered,
     * and on the embedded server without holding the matching documents (countDocuments is an aggregation
     * there, which loads the whole collection first).
     */
    private long count(MongoCollection<Document> collection, Bson query) {
        Document command = new Document("count", collection.getNamespace().getCollectionName())
                .append("query", query.toBsonDocument());
        return ((Number) database.runCommand(command).get("n")).longValue();
    }

    /**
     * A keyed run gets an id derived from its key, so that the insert itself decides: a second
     * firing of the same trigger finds the id taken and gets the first run back (one document, one write).
     */
    @Override
    public RunRecord create(RunRecord queued) {
        return insert(queued, false).run();
    }

    /** A run leased to a worker that executes it now: its insert travels with the worker's first writes. */
    @Override
    public java.util.concurrent.CompletableFuture<Void> createLater(RunRecord run) {
        if (run.key() != null || run.status() != RunStatus.RUNNING) {
            return RunStore.super.createLater(run);
        }
        return insert(run, true).written();
    }

    private record Inserted(RunRecord run, java.util.concurrent.CompletableFuture<Void> written) {
    }

    private Inserted insert(RunRecord queued, boolean later) {
        RunRecord run = queued.key() == null ? queued : new RunRecord(
                java.util.UUID.nameUUIDFromBytes(queued.key().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(),
                queued.workflowId(), queued.workflowVersion(), queued.workflowName(), queued.mode(), queued.key(),
                queued.startNode(), queued.input(), queued.status(), queued.error(), queued.createdAt(), queued.startedAt(),
                queued.finishedAt(), queued.worker(), queued.leaseUntil(), queued.resumeAt());
        Document doc = runDocument(run);
        if (later) {
            return new Inserted(run, batcher.submit(run.id(), WriteBatcher.Phase.CREATION, runs,
                    new com.mongodb.client.model.InsertOneModel<>(doc)));
        }
        try {
            if (run.key() == null) {
                batcher.write(run.id(), WriteBatcher.Phase.CREATION, runs, new com.mongodb.client.model.InsertOneModel<>(doc));
            } else {
                runs.insertOne(doc);
            }
        } catch (MongoWriteException e) {
            if (run.key() != null && e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return new Inserted(get(run.id()).orElseThrow(), null);
            }
            throw e;
        }
        if (run.status() == RunStatus.QUEUED) {
            enqueue(run.id(), run.workflowId(), Instant.EPOCH, run.createdAt());
        }
        return new Inserted(read(doc), null);
    }

    private Document runDocument(RunRecord run) {
        return runDocument(run, new StepDocuments.ItemTexts());
    }

    private Document runDocument(RunRecord run, StepDocuments.ItemTexts texts) {
        return new Document("_id", run.id()).append("workflowId", run.workflowId())
                .append("workflowVersion", run.workflowVersion()).append("workflowName", run.workflowName())
                .append("mode", run.mode()).append("key", run.key()).append("startNode", run.startNode())
                .append("input", texts.items(run.input(), item -> binary.store(run.id(), item))).append("status", run.status().name())
                .append("error", Documents.error(run.error())).append("createdAt", Documents.date(run.createdAt()))
                .append("startedAt", Documents.date(run.startedAt())).append("finishedAt", Documents.date(run.finishedAt()))
                .append("worker", run.worker()).append("leaseUntil", Documents.date(run.leaseUntil()))
                .append("resumeAt", Documents.date(run.resumeAt()));
    }

    @Override
    public Optional<RunRecord> get(String id) {
        return Optional.ofNullable(runs.find(eq("_id", id)).first()).map(this::read);
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
        long total = count(runs, query);
        List<RunRecord> items = new ArrayList<>();
        runs.find(query).sort(Sorts.descending("createdAt", "_id")).skip(request.skip()).limit(request.size())
                .forEach(d -> items.add(read(d)));
        return new Page<>(items, request.page(), request.size(), total);
    }

    /**
     * Puts a run in the queue (collection {@code run_queue}: {@code _id} = run id, {@code workflowId},
     * {@code dueAt}, {@code createdAt}, {@code claimedBy}, {@code claimedUntil}), or makes its entry due at
     * {@code dueAt}. The queue holds only runs that wait for a worker, so taking the next one reads a few
     * documents, not the history.
     */
    private void enqueue(String runId, String workflowId, Instant dueAt, Instant createdAt) {
        batcher.write(runId, WriteBatcher.Phase.END, queue, new com.mongodb.client.model.UpdateOneModel<>(eq("_id", runId), Updates.combine(
                Updates.set("dueAt", Documents.date(dueAt)), Updates.set("claimedBy", null),
                Updates.set("claimedUntil", Documents.date(Instant.EPOCH)), Updates.setOnInsert("workflowId", workflowId),
                Updates.setOnInsert("createdAt", Documents.date(createdAt))),
                new com.mongodb.client.model.UpdateOptions().upsert(true)));
    }

    /**
     * Takes the oldest due entry of the run queue (one {@code findOneAndUpdate}: only one worker gets
     * it), then the run itself by id. Runs that lost their worker have no entry: a search of all runs
     * gives them one again (and finds runs whose entry a crash prevented). It is made at the first
     * claim, and then, every {@code orphanScanEvery}, only while an instance is dead: it stopped saying
     * it is alive ({@link #instanceAlive}) less than a lease ago, so that its runs' leases run out
     * within that time. While every instance lives, nothing is left behind and the history (which the
     * embedded server cannot search by status) is not read; a store made without a period searches on
     * every claim.
     */
    @Override
    public Optional<RunRecord> claim(String worker, Instant now, Duration lease, java.util.Set<String> exceptWorkflows) {
        if (java.time.Duration.between(lastOrphanScan, now).compareTo(orphanScanEvery) >= 0) {
            lastOrphanScan = now;
            if (!searchedOnce || orphanScanEvery.isZero() || instanceDied(now, lease)) {
                searchedOnce = true;
                requeueOrphans(now);
            }
        }
        while (true) {
            Bson due = and(lte("dueAt", Documents.date(now)), lt("claimedUntil", Documents.date(now)));
            if (!exceptWorkflows.isEmpty()) {
                due = and(due, com.mongodb.client.model.Filters.nin("workflowId", exceptWorkflows));
            }
            Document entry = queue.findOneAndUpdate(due, Updates.combine(Updates.set("claimedBy", worker),
                    Updates.set("claimedUntil", Documents.date(now.plus(lease)))),
                    new FindOneAndUpdateOptions().sort(Sorts.ascending("createdAt")).returnDocument(ReturnDocument.AFTER));
            if (entry == null) {
                return Optional.empty();
            }
            String id = entry.getString("_id");
            Document run = runs.find(eq("_id", id)).first();
            if (run == null || !claimable(run, now)) {
                Instant resumeAt = run == null ? null : Documents.instant(run, "resumeAt");
                if (run != null && RunStatus.WAITING.name().equals(run.getString("status")) && resumeAt != null) {
                    enqueue(id, run.getString("workflowId"), resumeAt, Documents.instant(run, "createdAt"));
                } else {
                    queue.deleteOne(eq("_id", id));
                }
                continue;
            }
            List<Bson> set = new ArrayList<>(List.of(Updates.set("status", RunStatus.RUNNING.name()),
                    Updates.set("worker", worker), Updates.set("leaseUntil", Documents.date(now.plus(lease))),
                    Updates.set("resumeAt", null)));
            if (run.getDate("startedAt") == null) {
                set.add(Updates.set("startedAt", Documents.date(now)));
            }
            // the run is taken only if it is still claimable as it was read: another worker may have taken it since
            Document claimed = runs.findOneAndUpdate(and(eq("_id", id), claimableFilter(now)), Updates.combine(set),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            queue.deleteOne(eq("_id", id));
            if (claimed != null) {
                return Optional.of(read(claimed));
            }
        }
    }

    /**
     * Collection {@code instances}: {@code _id} = instance, {@code aliveUntil}. An instance is alive until
     * then; it renews well before.
     */
    @Override
    public void instanceAlive(String instance, Instant until) {
        instances.updateOne(eq("_id", instance), Updates.set("aliveUntil", Documents.date(until)),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    /**
     * Whether an instance stopped renewing: true from when its time ran out until a lease later (its runs'
     * leases, renewed up to then, have all run out by that time); after that its entry is removed.
     */
    private boolean instanceDied(Instant now, Duration lease) {
        instances.deleteMany(lt("aliveUntil", Documents.date(now.minus(lease))));
        return instances.find(lt("aliveUntil", Documents.date(now))).first() != null;
    }

    /** {@link #claimable} as a filter, for the update that takes the run. */
    private static Bson claimableFilter(Instant now) {
        return or(eq("status", RunStatus.QUEUED.name()),
                and(eq("status", RunStatus.WAITING.name()), lte("resumeAt", Documents.date(now))),
                and(eq("status", RunStatus.RUNNING.name()),
                        or(eq("leaseUntil", null), lt("leaseUntil", Documents.date(now)))));
    }

    /** Queued, due to continue, or running without a live lease. */
    private static boolean claimable(Document run, Instant now) {
        String status = run.getString("status");
        if (RunStatus.QUEUED.name().equals(status)) {
            return true;
        }
        if (RunStatus.WAITING.name().equals(status)) {
            Instant at = Documents.instant(run, "resumeAt");
            return at != null && !at.isAfter(now);
        }
        if (RunStatus.RUNNING.name().equals(status)) {
            Instant until = Documents.instant(run, "leaseUntil");
            return until == null || until.isBefore(now);
        }
        return false;
    }

    /** Gives a queue entry to every run that should have one: queued, due, or running with an expired lease. */
    private void requeueOrphans(Instant now) {
        Bson orphaned = or(
                eq("status", RunStatus.QUEUED.name()),
                and(eq("status", RunStatus.RUNNING.name()), lt("leaseUntil", Documents.date(now))),
                and(eq("status", RunStatus.WAITING.name()), ne("resumeAt", null)));
        runs.find(orphaned).projection(new Document("workflowId", 1).append("createdAt", 1).append("resumeAt", 1)
                .append("status", 1)).forEach(d -> {
            Instant due = RunStatus.WAITING.name().equals(d.getString("status")) ? Documents.instant(d, "resumeAt")
                    : Instant.EPOCH;
            queue.updateOne(eq("_id", d.getString("_id")), Updates.combine(
                    Updates.setOnInsert("dueAt", Documents.date(due)), Updates.setOnInsert("claimedBy", null),
                    Updates.setOnInsert("claimedUntil", Documents.date(Instant.EPOCH)),
                    Updates.setOnInsert("workflowId", d.getString("workflowId")),
                    Updates.setOnInsert("createdAt", Documents.date(Documents.instant(d, "createdAt")))),
                    new com.mongodb.client.model.UpdateOptions().upsert(true));
        });
    }

    /** The due entries of the run queue: runs waiting for a worker now (a small collection). */
    @Override
    public long queuedCount() {
        return queue.countDocuments(lte("dueAt", Documents.date(Instant.now())));
    }

    @Override
    public Optional<RunRecord> cancel(String runId, Instant now) {
        Document run = runs.find(eq("_id", runId)).first();
        if (run == null) {
            return Optional.empty();
        }
        String status = run.getString("status");
        if (RunStatus.QUEUED.name().equals(status) || RunStatus.WAITING.name().equals(status)) {
            runs.updateOne(eq("_id", runId), Updates.combine(Updates.set("status", RunStatus.CANCELLED.name()),
                    Updates.set("finishedAt", Documents.date(now)), Updates.set("resumeAt", null),
                    Updates.set("cancelRequested", true),
                    Updates.set("error", Documents.error(new StepError("cancelled", null, null, -1, null)))));
            queue.deleteOne(eq("_id", runId));
        } else if (RunStatus.RUNNING.name().equals(status)) {
            runs.updateOne(eq("_id", runId), Updates.set("cancelRequested", true));
        }
        return get(runId);
    }

    @Override
    public boolean wake(String runId, Instant now) {
        Document run = runs.find(eq("_id", runId)).first();
        if (run == null || !RunStatus.WAITING.name().equals(run.getString("status"))) {
            return false;
        }
        runs.updateOne(eq("_id", runId), Updates.set("resumeAt", Documents.date(now)));
        enqueue(runId, run.getString("workflowId"), now, Documents.instant(run, "createdAt"));
        return true;
    }

    @Override
    public void delete(String runId) {
        for (int from = 0; ; from += STEP_CHUNK) {
            if (steps.deleteMany(com.mongodb.client.model.Filters.in("_id", stepIds(runId, from))).getDeletedCount() == 0) {
                break;
            }
        }
        runs.deleteOne(eq("_id", runId));
        queue.deleteOne(eq("_id", runId));
        oversized.remove(runId);
        binary.deleteRun(runId);
    }

    /**
     * The ids of steps {@code from} to {@code from + STEP_CHUNK - 1} of a run. Steps are numbered from 0
     * without gaps, so a run's steps are found by their ids, chunk after chunk until one is empty: a
     * lookup in the id index, where a query on {@code runId} would read the whole collection on a server
     * that ignores secondary indexes.
     */
    private static List<String> stepIds(String runId, int from) {
        List<String> ids = new ArrayList<>(STEP_CHUNK);
        for (int i = from; i < from + STEP_CHUNK; i++) {
            ids.add(runId + ":" + i);
        }
        return ids;
    }

    @Override
    public int prune(Instant olderThan, int keepNewest) {
        Bson finished = com.mongodb.client.model.Filters.in("status", RunStatus.SUCCEEDED.name(), RunStatus.FAILED.name(),
                RunStatus.CANCELLED.name(), RunStatus.ROLLED_BACK.name(), RunStatus.NEEDS_ATTENTION.name());
        List<String> doomed = new ArrayList<>();
        runs.find(and(finished, lt("createdAt", Documents.date(olderThan)))).projection(new Document("_id", 1))
                .forEach(d -> doomed.add(d.getString("_id")));
        runs.find(finished).sort(Sorts.descending("createdAt", "_id")).skip(Math.max(0, keepNewest))
                .projection(new Document("_id", 1)).forEach(d -> doomed.add(d.getString("_id")));
        java.util.Set<String> unique = new java.util.LinkedHashSet<>(doomed);
        unique.forEach(this::delete);
        return unique.size();
    }

    @Override
    public boolean cancelRequested(String runId) {
        Document d = runs.find(eq("_id", runId)).projection(new Document("cancelRequested", 1)).first();
        return d != null && Boolean.TRUE.equals(d.getBoolean("cancelRequested"));
    }

    @Override
    public boolean heartbeat(String runId, String worker, Instant leaseUntil) {
        Document d = runs.find(eq("_id", runId)).projection(new Document("worker", 1).append("status", 1)).first();
        if (d == null || !worker.equals(d.getString("worker")) || !RunStatus.RUNNING.name().equals(d.getString("status"))) {
            return false;
        }
        runs.updateOne(eq("_id", runId), Updates.set("leaseUntil", Documents.date(leaseUntil)));
        return true;
    }

    /** The end of a run (or its pause): written through the journal's batches, as its steps are. */
    @Override
    public void release(String runId, String worker, RunStatus status, StepError error, Instant resumeAt, Instant now) {
        WriteBatcher.await(endLater(runId, status, error, resumeAt, now));
        if (status.isFinished()) {
            truncateSteps(runId);
        }
        if (status == RunStatus.WAITING && resumeAt != null) {
            Document run = runs.find(eq("_id", runId)).projection(new Document("workflowId", 1).append("createdAt", 1)).first();
            if (run != null) {
                enqueue(runId, run.getString("workflowId"), resumeAt, Documents.instant(run, "createdAt"));
            }
        }
    }

    /** The end of a run that ended, stored after its steps; its oversized steps (if any) are cut before it returns. */
    @Override
    public java.util.concurrent.CompletableFuture<Void> releaseLater(String runId, String worker, RunStatus status,
            StepError error, Instant now) {
        if (!status.isFinished() || oversized.containsKey(runId)) {
            return RunStore.super.releaseLater(runId, worker, status, error, now);
        }
        return endLater(runId, status, error, null, now);
    }

    private java.util.concurrent.CompletableFuture<Void> endLater(String runId, RunStatus status, StepError error,
            Instant resumeAt, Instant now) {
        return batcher.submit(runId, WriteBatcher.Phase.END, runs, new com.mongodb.client.model.UpdateOneModel<>(eq("_id", runId),
                Updates.combine(endOf(status, error, resumeAt, now))));
    }

    private static List<Bson> endOf(RunStatus status, StepError error, Instant resumeAt, Instant now) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("status", status.name()), Updates.set("worker", null),
                Updates.set("leaseUntil", null), Updates.set("error", Documents.error(error)),
                Updates.set("resumeAt", Documents.date(resumeAt))));
        if (status.isFinished()) {
            updates.add(Updates.set("finishedAt", Documents.date(now)));
        }
        return updates;
    }

    /**
     * Item data kept per step of a finished run, in characters of JSON ({@code switchboard.step-data.max-bytes}).
     * While a run goes on its steps are stored whole, since a run resumed elsewhere rebuilds its state
     * from them; when it has ended, a step over the limit keeps only its first items and the counts.
     */
    public MongoRunStore maxStepData(int chars) {
        this.maxStepChars = chars <= 0 ? Integer.MAX_VALUE : chars;
        return this;
    }

    @Override
    public void stepFinished(String runId, Step step) {
        WriteBatcher.await(stepFinishedLater(runId, step));
    }

    @Override
    public java.util.concurrent.CompletableFuture<Void> stepFinishedLater(String runId, Step step) {
        return journalLater(null, runId, List.of(step));
    }

    /** One hand-over to the journal's writer for a run's creation (a run executing here, unkeyed) and its steps. */
    @Override
    public java.util.concurrent.CompletableFuture<Void> journalLater(RunRecord created, String runId, List<Step> stepsDone) {
        if (created != null && (created.key() != null || created.status() != RunStatus.RUNNING)) {
            create(created);
            created = null;
        }
        List<WriteBatcher.Write> writes = new ArrayList<>(stepsDone.size() + 1);
        // the items a run's creation and steps share are written once
        StepDocuments.ItemTexts texts = new StepDocuments.ItemTexts();
        if (created != null) {
            writes.add(new WriteBatcher.Write(WriteBatcher.Phase.CREATION, runs,
                    new com.mongodb.client.model.InsertOneModel<>(runDocument(created, texts))));
        }
        List<Document> docs = new ArrayList<>(stepsDone.size());
        for (Step step : stepsDone) {
            Document doc = StepDocuments.write(runId, step, item -> binary.store(runId, item), texts);
            if (doc.getString("data").length() > maxStepChars) {
                oversized.computeIfAbsent(runId, k -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(step.index());
            }
            docs.add(doc);
            // most steps are new: an insert is the cheaper write; a step written before (a wait that ended) is replaced
            writes.add(new WriteBatcher.Write(WriteBatcher.Phase.STEP, steps, new com.mongodb.client.model.InsertOneModel<>(doc)));
        }
        if (writes.isEmpty()) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        List<java.util.concurrent.CompletableFuture<Void>> written = batcher.submitAll(runId, writes);
        List<java.util.concurrent.CompletableFuture<Void>> all = new ArrayList<>(written.size());
        int offset = created != null ? 1 : 0;
        if (created != null) {
            all.add(written.get(0));
        }
        for (int i = 0; i < docs.size(); i++) {
            Document doc = docs.get(i);
            all.add(written.get(offset + i).exceptionallyCompose(e -> {
                Throwable cause = e instanceof java.util.concurrent.CompletionException c && c.getCause() != null ? c.getCause() : e;
                if (cause instanceof com.mongodb.MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return batcher.submit(runId, WriteBatcher.Phase.STEP, steps, new com.mongodb.client.model.ReplaceOneModel<>(
                            eq("_id", doc.getString("_id")), doc, new ReplaceOptions().upsert(true)));
                }
                return java.util.concurrent.CompletableFuture.failedFuture(cause);
            }));
        }
        return all.size() == 1 ? all.get(0)
                : java.util.concurrent.CompletableFuture.allOf(all.toArray(java.util.concurrent.CompletableFuture[]::new));
    }

    /** Cuts the oversized steps of a run that has ended (see {@link #maxStepData}). */
    private void truncateSteps(String runId) {
        java.util.Set<Integer> indices = oversized.remove(runId);
        if (indices == null) {
            return;
        }
        for (int index : indices) {
            Document d = steps.find(eq("_id", runId + ":" + index)).first();
            Document cut = d == null ? null : StepDocuments.truncated(d, maxStepChars);
            if (cut != null) {
                steps.replaceOne(eq("_id", runId + ":" + index), cut);
            }
        }
    }

    @Override
    public void close() {
        batcher.close();
    }

    @Override
    public List<Step> steps(String runId) {
        List<Step> out = new ArrayList<>();
        for (int from = 0; ; from += STEP_CHUNK) {
            int before = out.size();
            steps.find(com.mongodb.client.model.Filters.in("_id", stepIds(runId, from)))
                    .forEach(d -> out.add(StepDocuments.read(d, binary::load)));
            if (out.size() == before) {
                break;
            }
        }
        out.sort(java.util.Comparator.comparingInt(Step::index));
        return out;
    }

    @SuppressWarnings("unchecked")
    private RunRecord read(Document d) {
        return new RunRecord(d.getString("_id"), d.getString("workflowId"), d.get("workflowVersion", Number.class).intValue(),
                d.getString("workflowName"), d.getString("mode"), d.getString("key"), d.getString("startNode"),
                Documents.items(((List<Object>) dev.switchboard.platform.json.Json.parse(d.getString("input"))).stream()
                        .map(o -> o instanceof java.util.Map<?, ?> m ? (Object) binary.load((java.util.Map<String, Object>) m) : o)
                        .toList()),
                RunStatus.valueOf(d.getString("status")), Documents.error(d.get("error", Document.class)),
                Documents.instant(d, "createdAt"), Documents.instant(d, "startedAt"), Documents.instant(d, "finishedAt"),
                d.getString("worker"), Documents.instant(d, "leaseUntil"), Documents.instant(d, "resumeAt"));
    }

    @Override
    public boolean beginRollback(String runId, java.util.Set<RunStatus> from) {
        return runs.updateOne(and(eq("_id", runId), com.mongodb.client.model.Filters.in("status",
                from.stream().map(RunStatus::name).toList()), com.mongodb.client.model.Filters.ne("rollingBack", true)),
                Updates.set("rollingBack", true)).getModifiedCount() == 1;
    }

    @Override
    public void endRollback(String runId, RunStatus status, StepError error, Instant now) {
        runs.updateOne(eq("_id", runId), Updates.combine(Updates.set("status", status.name()),
                Updates.set("error", Documents.error(error)), Updates.set("finishedAt", Documents.date(now)),
                Updates.set("resumeAt", null), Updates.set("rollingBack", false)));
        queue.deleteOne(eq("_id", runId));
    }
}
