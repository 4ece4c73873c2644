package dev.switchboard.platform.store;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;

/** The run journal's group commit, on the embedded server. */
class WriteBatcherTest {

    private final MongoConnection connection = MongoConnection.inMemory();
    private final WriteBatcher batcher = new WriteBatcher("test-journal", 2);

    @AfterEach
    void close() {
        batcher.close();
        connection.close();
    }

    @Test
    void theWritesOfOneRunHandedOverWithoutWaitingAreStoredInTheOrderTheyCame() {
        MongoCollection<Document> runs = connection.database().getCollection("runs");
        MongoCollection<Document> steps = connection.database().getCollection("steps");
        List<CompletableFuture<Void>> written = new ArrayList<>();
        // 300 runs at once, each handing over its creation, three steps and its end without waiting in between: a
        // step that overtook the creation, or an end that overtook a step, would find nothing to update
        for (int run = 0; run < 300; run++) {
            String id = "run-" + run;
            written.add(batcher.submit(id, WriteBatcher.Phase.CREATION, runs,
                    new InsertOneModel<>(new Document("_id", id).append("status", "RUNNING").append("steps", 0))));
            for (int step = 0; step < 3; step++) {
                written.add(batcher.submit(id, WriteBatcher.Phase.STEP, steps,
                        new InsertOneModel<>(new Document("_id", id + ":" + step))));
                written.add(batcher.submit(id, WriteBatcher.Phase.STEP, runs,
                        new UpdateOneModel<>(eq("_id", id), Updates.inc("steps", 1))));
            }
            written.add(batcher.submit(id, WriteBatcher.Phase.END, runs, new UpdateOneModel<>(
                    com.mongodb.client.model.Filters.and(eq("_id", id), eq("steps", 3)), Updates.set("status", "SUCCEEDED"))));
        }
        CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).join();
        assertThat(runs.countDocuments(new Document("status", "SUCCEEDED").append("steps", 3))).isEqualTo(300);
        assertThat(steps.countDocuments()).isEqualTo(900);
    }
}
