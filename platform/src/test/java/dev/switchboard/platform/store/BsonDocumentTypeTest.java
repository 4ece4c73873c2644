package dev.switchboard.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The page cache of the embedded store holds as many documents as fit its budget by {@code getMemory}: a
 * step's document is a few fields, one of them kilobytes of JSON, and must count as what it takes.
 */
class BsonDocumentTypeTest {

    @Test
    void aDocumentCountsItsTextNestedDocumentsAndListsNotOnlyItsFields() {
        Document small = new Document("_id", "run-1:0").append("status", "SUCCEEDED");
        Document step = new Document("_id", "run-1:1").append("status", "SUCCEEDED")
                .append("data", "x".repeat(4_000))
                .append("error", new Document("message", "y".repeat(500)))
                .append("logs", List.of("z".repeat(300), "w".repeat(300)));

        int smallMemory = BsonDocumentType.INSTANCE.getMemory(small);
        int stepMemory = BsonDocumentType.INSTANCE.getMemory(step);
        assertThat(stepMemory).as("at least its text").isGreaterThan(5_100);
        assertThat(stepMemory).as("not wildly more either").isLessThan(8_000);
        assertThat(smallMemory).isLessThan(500);
    }

    @Test
    void whatIsWrittenIsReadBack() {
        Document step = new Document("_id", "run-1:1").append("data", "{\"a\": 1}").append("itemsOut", List.of(1, 2));
        org.h2.mvstore.WriteBuffer buffer = new org.h2.mvstore.WriteBuffer();
        BsonDocumentType.INSTANCE.write(buffer, step);
        assertThat(BsonDocumentType.INSTANCE.read(buffer.getBuffer().flip())).isEqualTo(step);
    }

    @Test
    void aStoredDocumentIsWrittenFromTheBsonMadeWhenItWasStored() {
        Document run = new Document("_id", "run-2").append("status", "RUNNING");
        BsonDocumentType.INSTANCE.remember(run);
        byte[] kept = BsonDocumentType.INSTANCE.remembered(run);
        assertThat(kept).isNotNull();
        assertThat(BsonDocumentType.INSTANCE.remembered(new Document(run))).as("kept by identity, not by value").isNull();

        org.h2.mvstore.WriteBuffer buffer = new org.h2.mvstore.WriteBuffer();
        BsonDocumentType.INSTANCE.write(buffer, run);
        Document read = BsonDocumentType.INSTANCE.read(buffer.getBuffer().flip());
        assertThat(read).isEqualTo(run);
        assertThat(BsonDocumentType.INSTANCE.remembered(read)).as("a document read keeps the bytes it was read from")
                .isEqualTo(kept);
    }
}
