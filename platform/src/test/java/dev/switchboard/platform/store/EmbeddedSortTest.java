package dev.switchboard.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/**
 * Sorted queries of the embedded server (which keeps only what a page needs while it scans) answer as
 * MongoDB does: every order, skip, limit, filter and projection gives the documents a full sort would.
 */
class EmbeddedSortTest {

    private static MongoConnection connection;
    private static MongoCollection<Document> runs;
    private static final List<Document> ALL = new ArrayList<>();

    @BeforeAll
    static void fill() throws Exception {
        connection = MongoConnection.embedded(Files.createTempDirectory("embedded-sort"));
        runs = connection.database().getCollection("runs");
        Random random = new Random(7);
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            Document d = new Document("_id", "run-" + i).append("workflowId", "w" + random.nextInt(3))
                    .append("createdAt", (long) random.nextInt(400)).append("status", random.nextBoolean() ? "SUCCEEDED" : "FAILED")
                    .append("input", "x".repeat(random.nextInt(50)));
            batch.add(d);
            ALL.add(d);
        }
        runs.insertMany(batch);
    }

    @AfterAll
    static void close() {
        connection.close();
    }

    private static final Comparator<Document> NEWEST_FIRST = Comparator
            .comparing((Document d) -> d.getLong("createdAt")).reversed().thenComparing(d -> d.getString("_id"));

    @Test
    void aPageOfTheNewestIsThePageAFullSortGives() {
        for (int skip : new int[] {0, 20, 1480, 1600}) {
            List<Document> page = runs.find().sort(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.ascending("_id")))
                    .skip(skip).limit(20).into(new ArrayList<>());
            assertThat(page).as("skip %d", skip).isEqualTo(ALL.stream().sorted(NEWEST_FIRST).skip(skip).limit(20).toList());
        }
    }

    @Test
    void filtersApplyBeforeTheOrder() {
        List<Document> page = runs.find(Filters.and(Filters.eq("workflowId", "w1"), Filters.eq("status", "FAILED")))
                .sort(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.ascending("_id"))).skip(5).limit(30)
                .into(new ArrayList<>());
        assertThat(page).isEqualTo(ALL.stream().filter(d -> d.get("workflowId").equals("w1") && d.get("status").equals("FAILED"))
                .sorted(NEWEST_FIRST).skip(5).limit(30).toList());
    }

    @Test
    void aSortWithoutLimitReturningFewFieldsReturnsThoseFieldsInOrder() {
        List<Document> ids = runs.find(Filters.eq("status", "SUCCEEDED")).projection(Projections.include("_id"))
                .sort(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.ascending("_id"))).skip(100)
                .into(new ArrayList<>());
        assertThat(ids).isEqualTo(ALL.stream().filter(d -> d.get("status").equals("SUCCEEDED")).sorted(NEWEST_FIRST)
                .skip(100).map(d -> new Document("_id", d.get("_id"))).toList());
    }

    @Test
    void excludingProjectionsAndAscendingOrdersToo() {
        List<Document> page = runs.find().projection(Projections.exclude("input"))
                .sort(Sorts.orderBy(Sorts.ascending("createdAt"), Sorts.descending("_id"))).limit(50).into(new ArrayList<>());
        assertThat(page).isEqualTo(ALL.stream()
                .sorted(Comparator.comparing((Document d) -> d.getLong("createdAt"))
                        .thenComparing(d -> d.getString("_id"), Comparator.reverseOrder()))
                .limit(50).map(d -> {
                    Document copy = new Document(d);
                    copy.remove("input");
                    return copy;
                }).toList());
    }
}
