package dev.switchboard.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** The embedded database keeps what it acknowledged, across restarts and across the change of its file format. */
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
    void aFileWrittenInTheOldFormatIsCarriedOver() throws Exception {
        Path dir = Files.createTempDirectory("embedded-old");
        MongoServer old = new MongoServer(new H2Backend(dir.resolve("mongo.mv.db").toString()));
        old.bind("127.0.0.1", 0);
        var address = old.getLocalAddress();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            client.getDatabase(MongoConnection.DATABASE).getCollection("runs").insertOne(new Document(SAMPLE));
        }
        old.shutdown();

        try (MongoConnection now = MongoConnection.embedded(dir)) {
            var runs = now.database().getCollection("runs");
            assertThat(runs.find().first()).isEqualTo(SAMPLE);
            runs.insertOne(new Document("_id", "r2"));
            assertThat(runs.countDocuments()).isEqualTo(2);
        }
        try (MongoConnection later = MongoConnection.embedded(dir)) {
            assertThat(later.database().getCollection("runs").countDocuments()).isEqualTo(2);
        }
    }
}
