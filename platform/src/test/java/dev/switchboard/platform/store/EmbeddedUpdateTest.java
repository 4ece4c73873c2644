package dev.switchboard.platform.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;

/**
 * Updates and inserts by id on the embedded server answer as MongoDB does, whether they take its short
 * path (an update by text or object id that sets top-level fields; an id checked against the collection's
 * own map) or its general one.
 */
class EmbeddedUpdateTest {

    private MongoConnection connection;
    private MongoCollection<Document> runs;

    @BeforeEach
    void open() throws Exception {
        connection = MongoConnection.embedded(Files.createTempDirectory("embedded-update"));
        runs = connection.database().getCollection("runs");
        runs.insertOne(new Document("_id", "r1").append("status", "RUNNING").append("worker", "w1").append("n", 1));
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void settingFieldsByIdChangesOnlyThoseFieldsAndCountsTheChange() {
        UpdateResult result = runs.updateOne(eq("_id", "r1"), combine(set("status", "SUCCEEDED"), set("worker", null),
                set("finishedAt", "later")));

        assertThat(result.getMatchedCount()).isEqualTo(1);
        assertThat(result.getModifiedCount()).isEqualTo(1);
        Document stored = runs.find(eq("_id", "r1")).first();
        assertThat(stored).isEqualTo(new Document("_id", "r1").append("status", "SUCCEEDED").append("worker", null)
                .append("n", 1).append("finishedAt", "later"));
        assertThat(List.copyOf(stored.keySet())).as("new fields come last").containsExactly("_id", "status", "worker", "n",
                "finishedAt");
    }

    @Test
    void settingTheValuesADocumentAlreadyHasMatchesButModifiesNothing() {
        UpdateResult result = runs.updateOne(eq("_id", "r1"), set("status", "RUNNING"));

        assertThat(result.getMatchedCount()).isEqualTo(1);
        assertThat(result.getModifiedCount()).isZero();
    }

    @Test
    void anUpdateOfAMissingIdMatchesNothingUnlessItUpserts() {
        UpdateResult missed = runs.updateOne(eq("_id", "nope"), set("status", "X"));
        assertThat(missed.getMatchedCount()).isZero();
        assertThat(runs.countDocuments()).isEqualTo(1);

        UpdateResult upserted = runs.updateOne(eq("_id", "new"), set("status", "QUEUED"), new UpdateOptions().upsert(true));
        assertThat(upserted.getUpsertedId().asString().getValue()).isEqualTo("new");
        assertThat(runs.find(eq("_id", "new")).first()).isEqualTo(new Document("_id", "new").append("status", "QUEUED"));
    }

    @Test
    void objectIdsTakeTheSameWay() {
        ObjectId id = new ObjectId();
        runs.insertOne(new Document("_id", id).append("status", "QUEUED"));

        assertThat(runs.updateOne(eq("_id", id), set("status", "RUNNING")).getModifiedCount()).isEqualTo(1);
        assertThat(runs.find(eq("_id", id)).first().getString("status")).isEqualTo("RUNNING");
        assertThatThrownBy(() -> runs.insertOne(new Document("_id", id)))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    @Test
    void otherUpdatesStillWork() {
        runs.updateOne(eq("_id", "r1"), combine(inc("n", 2), set("error.message", "boom")));
        runs.updateOne(new Document("_id", "r1").append("status", "RUNNING"), set("matchedBy", "two fields"));

        Document stored = runs.find(eq("_id", "r1")).first();
        assertThat(stored.getInteger("n")).isEqualTo(3);
        assertThat(stored.get("error", Document.class).getString("message")).isEqualTo("boom");
        assertThat(stored.getString("matchedBy")).isEqualTo("two fields");
    }

    @Test
    void aSecondDocumentWithTheSameIdIsRefusedAndTheFirstKept() {
        assertThatThrownBy(() -> runs.insertOne(new Document("_id", "r1").append("status", "OTHER")))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThat(runs.find(eq("_id", "r1")).first().getString("status")).isEqualTo("RUNNING");
    }

    @Test
    void aUniqueIndexBesidesTheIdStillRefusesAnUpdateThatWouldBreakIt() {
        runs.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
        runs.insertOne(new Document("_id", "r2").append("key", "k2"));

        assertThatThrownBy(() -> runs.updateOne(eq("_id", "r1"), set("key", "k2")))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThat(runs.find(eq("_id", "r1")).first().containsKey("key")).isFalse();
    }
}
