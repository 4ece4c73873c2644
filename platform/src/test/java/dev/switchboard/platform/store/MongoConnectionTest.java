package dev.switchboard.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** The embedded database keeps what it acknowledged, and its unique indexes, across restarts and changes of its file format. */
class MongoConnectionTest {

    private static final Document SAMPLE = new Document("_id", "r1").append("status", "SUCCEEDED")
            .append("createdAt", new Date(1_700_000_000_000L)).append("n", 42L).append("ratio", 0.5)
            .append("tags", List.of("a", "b")).append("error", new Document("message", "boom").append("node", null))
            .append("bytes", new Binary(new byte[] {1, 2, 3}));

    @Test
    void documentsSurviveARestartWhole() throws Exception {
        Path dir = Files.createTempDirectory("embedded");
        try (MongoConnection first = MongoConnection.embedded(dir)) {
            first.database().getCollection("runs").insertOne(new Document(SAMPLE));
        }
        try (MongoConnection again = MongoConnection.embedded(dir)) {
            assertThat(again.database().getCollection("runs").find().first()).isEqualTo(SAMPLE);
        }
    }

    @Test
    void updatesOfDocumentsSharingAPageSurviveARestart() throws Exception {
        Path dir = Files.createTempDirectory("embedded-updates");
        try (MongoConnection first = MongoConnection.embedded(dir)) {
            var runs = first.database().getCollection("runs");
            for (int i = 0; i < 200; i++) {
                runs.insertOne(new Document("_id", "run-" + i).append("status", "RUNNING").append("data", "x".repeat(i * 10)));
            }
            for (int round = 0; round < 3; round++) {
                for (int i = round; i < 200; i += 3) {
                    runs.updateOne(Filters.eq("_id", "run-" + i), com.mongodb.client.model.Updates.combine(
                            com.mongodb.client.model.Updates.set("status", "SUCCEEDED"),
                            com.mongodb.client.model.Updates.set("round", round)));
                }
            }
            runs.replaceOne(Filters.eq("_id", "run-7"), new Document("_id", "run-7").append("status", "REPLACED"));
        }
        try (MongoConnection again = MongoConnection.embedded(dir)) {
            var runs = again.database().getCollection("runs");
            for (int i = 0; i < 200; i++) {
                Document d = runs.find(Filters.eq("_id", "run-" + i)).first();
                if (i == 7) {
                    assertThat(d).isEqualTo(new Document("_id", "run-7").append("status", "REPLACED"));
                } else {
                    assertThat(d.getString("status")).as("run-%d", i).isEqualTo("SUCCEEDED");
                    assertThat(d.getInteger("round")).as("run-%d", i).isEqualTo(i % 3);
                    assertThat(d.getString("data")).hasSize(i * 10);
                }
            }
        }
    }

    @Test
    void uniqueIndexesFindAndRefuseByValueAcrossRestarts() throws Exception {
        Path dir = Files.createTempDirectory("embedded-index");
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(switch (i % 4) {
                case 0 -> "run-" + i;
                case 1 -> (long) i;
                case 2 -> new ObjectId();
                default -> new Document("run", "r" + i).append("step", i);
            });
        }
        try (MongoConnection first = MongoConnection.embedded(dir)) {
            var fires = first.database().getCollection("fires");
            fires.createIndex(Indexes.ascending("workflowId", "fireTime"), new IndexOptions().unique(true));
            for (Object id : ids) {
                fires.insertOne(new Document("_id", id).append("workflowId", "w").append("fireTime", String.valueOf(id)));
            }
            fires.insertOne(new Document("_id", "no-key"));
            assertThatThrownBy(() -> fires.insertOne(new Document("_id", "also-no-key")))
                    .as("a second document without the key fields collides, as in MongoDB")
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
        }
        try (MongoConnection again = MongoConnection.embedded(dir)) {
            var fires = again.database().getCollection("fires");
            for (Object id : ids) {
                assertThat(fires.find(Filters.eq("_id", id)).first()).as("document %s", id).isNotNull()
                        .extracting(d -> d.get("fireTime")).isEqualTo(String.valueOf(id));
            }
            assertThat(fires.find(Filters.eq("_id", 1)).first()).as("numbers match by value").isNotNull();
            for (int i = 0; i < 4; i++) {
                Object id = ids.get(i);
                assertThatThrownBy(() -> fires.insertOne(new Document("_id", id)))
                        .as("a second document with _id %s", id)
                        .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            }
            assertThat(fires.find(Filters.in("_id", ids.get(0), ids.get(1), ids.get(2), "missing")).into(new ArrayList<>()))
                    .hasSize(3);
            assertThatThrownBy(() -> fires.insertOne(new Document("_id", "x").append("workflowId", "w").append("fireTime", "run-0")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            fires.deleteOne(Filters.eq("_id", "run-0"));
            fires.insertOne(new Document("_id", "x").append("workflowId", "w").append("fireTime", "run-0"));

            fires.dropIndex(Indexes.ascending("workflowId", "fireTime"));
            fires.insertOne(new Document("_id", "y").append("workflowId", "w").append("fireTime", "run-0"));
            fires.drop();
            assertThat(fires.countDocuments()).isZero();
            fires.insertOne(new Document("_id", "run-4"));
        }
    }

    @Test
    void anIdIndexMapOfAnEarlierVersionIsReplacedByTheCollectionsOwnMap() throws Exception {
        Path dir = Files.createTempDirectory("embedded-id-index");
        try (MongoConnection first = MongoConnection.embedded(dir)) {
            var runs = first.database().getCollection("runs");
            runs.insertOne(new Document("_id", "r1"));
            runs.insertOne(new Document("_id", 7L));
        }
        // an earlier Switchboard kept every _id in a map of its own, and had no map for other ids
        String full = MongoConnection.DATABASE + ".runs";
        org.h2.mvstore.MVStore store = org.h2.mvstore.MVStore.open(dir.resolve("mongo.mv.db").toString());
        store.removeMap("bsonid." + full);
        store.openMap("bsonindex." + full + "._id_").put("stale", "entry");
        store.close();

        try (MongoConnection again = MongoConnection.embedded(dir)) {
            var runs = again.database().getCollection("runs");
            assertThat(runs.find(Filters.eq("_id", 7)).first()).as("a number id found by value").isNotNull();
            for (Object id : List.of("r1", 7L)) {
                assertThatThrownBy(() -> runs.insertOne(new Document("_id", id)))
                        .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            }
            runs.insertOne(new Document("_id", 8L));
            assertThat(runs.countDocuments()).isEqualTo(3);
        }
    }

    @Test
    void aFileWrittenInTheOldFormatIsCarriedOver() throws Exception {
        Path dir = Files.createTempDirectory("embedded-old");
        MongoServer old = new MongoServer(new H2Backend(dir.resolve("mongo.mv.db").toString()));
        old.bind("127.0.0.1", 0);
        var address = old.getLocalAddress();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            client.getDatabase(MongoConnection.DATABASE).getCollection("runs").insertOne(new Document(SAMPLE));
            client.getDatabase(MongoConnection.DATABASE).getCollection("fires").insertOne(new Document("_id", 5L));
        }
        old.shutdown();

        try (MongoConnection now = MongoConnection.embedded(dir)) {
            var runs = now.database().getCollection("runs");
            assertThat(runs.find().first()).isEqualTo(SAMPLE);
            runs.insertOne(new Document("_id", "r2"));
            assertThat(runs.countDocuments()).isEqualTo(2);
            // the old file's _id index was rebuilt in the new format from the documents
            assertThatThrownBy(() -> runs.insertOne(new Document("_id", "r1")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            var fires = now.database().getCollection("fires");
            assertThat(fires.find(Filters.eq("_id", 5)).first()).as("a number id of the old file, found by value").isNotNull();
            assertThatThrownBy(() -> fires.insertOne(new Document("_id", 5L)))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
        }
        try (MongoConnection later = MongoConnection.embedded(dir)) {
            assertThat(later.database().getCollection("runs").countDocuments()).isEqualTo(2);
        }
    }
}
