package dev.switchboard.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The embedded database's file is compacted as H2's own housekeeping would: fully while nothing else uses it,
 * and while it is busy only once it is mostly dead space, since a pass holds every commit.
 */
class DurableH2BackendTest {

    /**
     * Writes 10,000 values over 50 commits, then removes all but every {@code keepEvery}-th of the first
     * {@code upTo}, leaving the chunks that held them sparse.
     */
    private static DurableH2Backend sparse(Path dir, int upTo, int keepEvery) throws InterruptedException {
        DurableH2Backend backend = DurableH2Backend.open(dir.resolve("sparse.mv.db").toString(), false);
        MVStore store = backend.mvStore();
        MVMap<Integer, String> map = store.openMap("values");
        for (int commit = 0; commit < 50; commit++) {
            for (int k = 0; k < 200; k++) {
                map.put(commit * 200 + k, "value " + k + " ".repeat(200));
            }
            store.commit();
        }
        for (int k = 0; k < upTo; k++) {
            if (k % keepEvery != 0) {
                map.remove(k);
            }
        }
        store.commit();
        // chunks are rewritten only once older than the retention time (a second)
        Thread.sleep(1_200);
        return backend;
    }

    @Test
    void whileTheFileIsBusyHalfDeadChunksAreLeftUntilItIsIdle(@TempDir Path dir) throws Exception {
        DurableH2Backend backend = sparse(dir, 5_000, 10);
        try {
            assertThat(backend.chunksFillRate()).isBetween(DurableH2Backend.BUSY_COMPACT_BELOW + 5, 75);
            assertThat(backend.compact()).as("the first pass saw the writes: the file is busy").isFalse();
            assertThat(backend.compact()).as("nothing read or wrote the file since: it is idle").isTrue();
        } finally {
            backend.close();
        }
    }

    @Test
    void aFileThatIsMostlyDeadSpaceIsCompactedEvenWhileItIsBusy(@TempDir Path dir) throws Exception {
        DurableH2Backend backend = sparse(dir, 10_000, 10);
        try {
            assertThat(backend.chunksFillRate()).isLessThan(DurableH2Backend.BUSY_COMPACT_BELOW);
            assertThat(backend.compact()).isTrue();
        } finally {
            backend.close();
        }
    }

    /** The backend on a file of {@code dir}, served over the wire on loopback, and a client of it. */
    private record Served(DurableH2Backend backend, MongoServer server, MongoClient client) implements AutoCloseable {
        static Served on(Path dir) {
            DurableH2Backend backend = DurableH2Backend.open(dir.resolve("served.mv.db").toString(), false);
            MongoServer server = new MongoServer(backend);
            server.bind("127.0.0.1", 0);
            return new Served(backend, server, MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()));
        }

        MongoCollection<Document> collection(String name) {
            return client.getDatabase("switchboard").getCollection(name);
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
            backend.close();
        }
    }

    @Test
    void aWriteThatAsksForNoJournalIsCommittedByTheNextOneThatDoes(@TempDir Path dir) {
        try (Served db = Served.on(dir)) {
            MVStore file = db.backend().mvStore();
            MongoCollection<Document> runs = db.collection("runs");
            runs.insertOne(new Document("_id", "first"));
            assertThat(file.hasUnsavedChanges()).as("an ordinary write is in the file when acknowledged").isFalse();
            runs.withWriteConcern(WriteConcern.ACKNOWLEDGED.withJournal(false)).insertOne(new Document("_id", "second"));
            assertThat(file.hasUnsavedChanges()).as("acknowledged, not yet committed").isTrue();
            runs.updateOne(new Document("_id", "first"), Updates.set("status", "SUCCEEDED"));
            assertThat(file.hasUnsavedChanges()).as("the next journaled write committed both").isFalse();
        }
    }

    @Test
    void theRunJournalCommitsABatchOnceWhateverItsParts(@TempDir Path dir) {
        WriteBatcher batcher = new WriteBatcher("test-journal", 1);
        try (Served db = Served.on(dir)) {
            MVStore file = db.backend().mvStore();
            MongoCollection<Document> runs = db.collection("runs");
            MongoCollection<Document> steps = db.collection("steps");
            // the collections exist before counting, so that creating them is not counted
            runs.insertOne(new Document("_id", "warm"));
            steps.insertOne(new Document("_id", "warm"));
            long before = file.getCurrentVersion();
            // a run's creation, two steps and its end, handed over together: three parts of one batch
            java.util.concurrent.CompletableFuture.allOf(batcher.submitAll("run-1", List.of(
                    new WriteBatcher.Write(WriteBatcher.Phase.CREATION, runs, new InsertOneModel<>(new Document("_id", "run-1"))),
                    new WriteBatcher.Write(WriteBatcher.Phase.STEP, steps, new InsertOneModel<>(new Document("_id", "run-1:0"))),
                    new WriteBatcher.Write(WriteBatcher.Phase.STEP, steps, new InsertOneModel<>(new Document("_id", "run-1:1"))),
                    new WriteBatcher.Write(WriteBatcher.Phase.END, runs, new UpdateOneModel<>(new Document("_id", "run-1"),
                            Updates.set("status", "SUCCEEDED"))))).toArray(java.util.concurrent.CompletableFuture[]::new)).join();
            assertThat(file.getCurrentVersion() - before).as("commits").isEqualTo(1);
            assertThat(file.hasUnsavedChanges()).isFalse();
            assertThat(runs.find(new Document("_id", "run-1")).first()).containsEntry("status", "SUCCEEDED");
            assertThat(steps.countDocuments()).isEqualTo(3);
        } finally {
            batcher.close();
        }
    }
}
