package dev.switchboard.platform.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;

/**
 * Group commit for the run journal. Each caller hands over one write and waits until the database
 * acknowledged it, so a step is stored before its run goes on; meanwhile the writes of all runs in
 * flight are sent together, one bulk command per collection and kind of write, and only the last command of a
 * batch asks for a journal commit, which covers the others. Under load this turns hundreds of round
 * trips (and, on the embedded server, hundreds of file commits) into a few, without weakening what
 * each caller is promised. Two writers keep two batches on their way: while the database commits one,
 * the next is encoded and handled, so a write waits for less than a whole round trip before it leaves.
 * <p>
 * The writes of one run (one key) are stored in the order they were handed over, whether or not the
 * caller waited in between: they all go through the same writer, whose batches leave one after the
 * other, and within a batch the writes are sent by {@link Phase} (a run's creation, then its steps,
 * then its end).
 */
final class WriteBatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WriteBatcher.class);
    private static final int MAX_BATCH = 512;

    /** Where a write goes in a batch: the writes of one run are sent creation first, end last. */
    enum Phase {
        CREATION, STEP, END
    }

    private record Pending(Phase phase, MongoCollection<Document> collection, WriteModel<Document> write,
            CompletableFuture<Void> done) {
    }

    /** What one bulk command of a batch writes: a phase's writes to one collection. */
    private record Part(Phase phase, String collection) implements Comparable<Part> {
        @Override
        public int compareTo(Part o) {
            int c = phase.compareTo(o.phase);
            return c != 0 ? c : collection.compareTo(o.collection);
        }
    }

    /** A write to hand over: where it goes in a batch, its collection and the write itself. */
    record Write(Phase phase, MongoCollection<Document> collection, WriteModel<Document> model) {
    }

    /** One queue per writer, of writes handed over together; a key always goes to the same one. */
    private final List<BlockingQueue<List<Pending>>> queues = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean open = true;

    /**
     * @param writers how many batches may be on their way at once: while the database works on one,
     *                the next is being gathered and sent (a run's own writes never overlap, its caller
     *                waits for each)
     */
    WriteBatcher(String name, int writers) {
        for (int i = 0; i < writers; i++) {
            BlockingQueue<List<Pending>> queue = new LinkedBlockingQueue<>();
            queues.add(queue);
            this.writers.add(Thread.ofPlatform().daemon().name(name + "-" + i).start(() -> loop(queue)));
        }
    }

    /** Writes and returns once the database acknowledged the write; its error is thrown here. */
    void write(String key, Phase phase, MongoCollection<Document> collection, WriteModel<Document> write) {
        await(submit(key, phase, collection, write));
    }

    /**
     * Hands a write over without waiting for it. It is stored after every write handed over earlier with the
     * same {@code key} (a run's id) in an earlier or the same phase; writes of different keys travel side by side in
     * either order, so {@link #await} a write before anything of another key that must follow it.
     */
    CompletableFuture<Void> submit(String key, Phase phase, MongoCollection<Document> collection, WriteModel<Document> write) {
        return submitAll(key, List.of(new Write(phase, collection, write))).get(0);
    }

    /**
     * Hands several writes of one key over at once, as {@link #submit} each in this order (one hand-over wakes
     * the writer at most once); returns their futures in the same order.
     */
    List<CompletableFuture<Void>> submitAll(String key, List<Write> writes) {
        if (!open) {
            throw new IllegalStateException("the run store is closed");
        }
        List<Pending> group = new ArrayList<>(writes.size());
        List<CompletableFuture<Void>> futures = new ArrayList<>(writes.size());
        for (Write w : writes) {
            Pending p = new Pending(w.phase(), w.collection(), w.model(), new CompletableFuture<>());
            group.add(p);
            futures.add(p.done());
        }
        queues.get(Math.floorMod(key.hashCode(), queues.size())).add(group);
        return futures;
    }

    /** Waits for a submitted write; its error is thrown here. */
    static void await(CompletableFuture<Void> done) {
        try {
            done.get();
        } catch (InterruptedException e) {
            // the write is in the queue and will happen; the caller's interruption is kept for it to see
            done.join();
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new MongoException("write failed: " + e.getCause(), e.getCause());
        }
    }

    private void loop(BlockingQueue<List<Pending>> queue) {
        List<Pending> batch = new ArrayList<>();
        List<List<Pending>> groups = new ArrayList<>();
        while (open || !queue.isEmpty()) {
            try {
                List<Pending> first = queue.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                groups.add(first);
                // whole groups only: a batch holds a group's writes together, up to about MAX_BATCH writes
                int size = first.size();
                for (List<Pending> next = size < MAX_BATCH ? queue.poll() : null; next != null;
                        next = size < MAX_BATCH ? queue.poll() : null) {
                    groups.add(next);
                    size += next.size();
                }
                groups.forEach(batch::addAll);
                Map<Part, List<Pending>> parts = new java.util.TreeMap<>();
                for (Pending p : batch) {
                    parts.computeIfAbsent(new Part(p.phase(), p.collection().getNamespace().getCollectionName()),
                            c -> new ArrayList<>()).add(p);
                }
                sendAll(new ArrayList<>(parts.values()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                open = false;
            } catch (RuntimeException e) {
                LOG.warn("run journal writer: {}", e.toString());
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
                groups.clear();
            }
        }
    }

    /**
     * Sends a batch's parts one after the other. All but the last ask for no journal commit ({@code j: false}):
     * the last one's commit covers them (on MongoDB, as on the embedded server), so a batch costs the database one
     * commit instead of one per part. Their callers are told once the last part is stored; should it fail
     * without the database having answered, they are told it failed too.
     */
    private static void sendAll(List<List<Pending>> parts) {
        List<List<Pending>> acknowledged = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            List<Pending> writes = parts.get(i);
            MongoCollection<Document> collection = writes.get(0).collection();
            boolean last = i == parts.size() - 1;
            if (!last) {
                collection = collection.withWriteConcern(collection.getWriteConcern().withJournal(false));
            }
            RuntimeException unanswered = send(collection, writes, !last);
            if (!last) {
                acknowledged.add(writes);
            } else if (unanswered != null) {
                acknowledged.forEach(w -> w.forEach(p -> p.done().completeExceptionally(unanswered)));
                return;
            }
        }
        acknowledged.forEach(w -> w.forEach(p -> p.done().complete(null)));
    }

    /**
     * Sends one part; unless {@code holdSuccess}, completes its writes that succeeded. Returns the error when the
     * database did not answer (every write of the part then failed), else null.
     */
    private static RuntimeException send(MongoCollection<Document> collection, List<Pending> writes, boolean holdSuccess) {
        List<WriteModel<Document>> models = new ArrayList<>(writes.size());
        writes.forEach(p -> models.add(p.write()));
        try {
            long t0 = System.nanoTime();
            collection.bulkWrite(models, new BulkWriteOptions().ordered(false));
            if (LOG.isDebugEnabled()) {
                LOG.debug("{}: {} writes in {} µs", collection.getNamespace().getCollectionName(), models.size(),
                        (System.nanoTime() - t0) / 1_000);
            }
            if (!holdSuccess) {
                writes.forEach(p -> p.done().complete(null));
            }
            return null;
        } catch (MongoBulkWriteException e) {
            Map<Integer, BulkWriteError> failed = new LinkedHashMap<>();
            e.getWriteErrors().forEach(w -> failed.put(w.getIndex(), w));
            for (int i = 0; i < writes.size(); i++) {
                BulkWriteError error = failed.get(i);
                if (error == null) {
                    if (!holdSuccess) {
                        writes.get(i).done().complete(null);
                    }
                } else {
                    writes.get(i).done().completeExceptionally(new com.mongodb.MongoWriteException(
                            new com.mongodb.WriteError(error.getCode(), error.getMessage(), error.getDetails()),
                            e.getServerAddress(), java.util.Set.of()));
                }
            }
            return null;
        } catch (RuntimeException e) {
            writes.forEach(p -> p.done().completeExceptionally(e));
            return e;
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            for (Thread writer : writers) {
                writer.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
