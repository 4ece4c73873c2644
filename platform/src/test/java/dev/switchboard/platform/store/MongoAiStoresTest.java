package dev.switchboard.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.platform.ai.ModelPrice;
import dev.switchboard.platform.ai.ModelPriceTable;
import dev.switchboard.platform.approval.AcceptRate;
import dev.switchboard.platform.approval.AiReview;
import dev.switchboard.platform.approval.AiReviewService;
import dev.switchboard.platform.approval.ApprovalException;
import dev.switchboard.platform.node.ModelUse;
import dev.switchboard.platform.node.NumberHistory;
import dev.switchboard.platform.node.ReviewSample;
import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.run.ModelCharge;
import dev.switchboard.platform.run.RunServices;
import dev.switchboard.platform.run.Step;
import dev.switchboard.platform.run.StepStatus;

/** What the platform keeps for AI nodes in MongoDB: number histories, AI reviews and accept rates, prices, step usage. */
class MongoAiStoresTest {

    private MongoConnection connection;

    @BeforeEach
    void open() throws Exception {
        connection = MongoConnection.embedded(Files.createTempDirectory("ai-stores"));
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void aHistoryKeepsItsNewestValuesPerKeyAndAnswersWithWhatCameBefore() {
        NumberHistory history = new MongoNumberHistory(connection).of("wf-1", "Check");
        assertThat(history.append("ada", 1, 3)).isEmpty();
        assertThat(history.append("ada", 2, 3)).containsExactly(1.0);
        assertThat(history.append("ada", 3, 3)).containsExactly(1.0, 2.0);
        assertThat(history.append("ada", 4, 3)).containsExactly(1.0, 2.0, 3.0);
        assertThat(history.append("ada", 5, 3)).as("only the newest 3 are kept").containsExactly(2.0, 3.0, 4.0);
        assertThat(history.append("bob", 9, 3)).isEmpty();
        assertThat(new MongoNumberHistory(connection).of("wf-2", "Check").append("ada", 1, 3)).as("per workflow").isEmpty();
    }

    @Test
    void concurrentAppendsLoseNoValueAndSeeNoneTwice() throws Exception {
        NumberHistory history = new MongoNumberHistory(connection).of("wf-1", "Check");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<Double>>> seen = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double v = i;
            seen.add(pool.submit(() -> history.append("k", v, 1000)));
        }
        List<Integer> sizes = new ArrayList<>();
        for (Future<List<Double>> f : seen) {
            sizes.add(f.get().size());
        }
        pool.shutdown();
        Collections.sort(sizes);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            expected.add(i);
        }
        assertThat(sizes).as("each append saw a different history: 0, 1, ..., 39 values").isEqualTo(expected);
        assertThat(history.append("k", 99, 1000)).hasSize(40);
    }

    private static RunServices.RunReview sampled(String run, int item, List<String> reviewers) {
        return new RunServices.RunReview(run, "wf-1", "Triage", "Classify", "switchboard.aiClassify", 2, reviewers,
                new ReviewSample(item, "The app crashes", Map.of("categories", List.of("technical")), 0.8));
    }

    @Test
    void anAiReviewIsMadeOnceAcceptedOrCorrectedOnceAndCountedInItsWeek() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
        AiReviewService reviews = new AiReviewService(new MongoAiReviewStore(connection), clock);
        reviews.sampled(sampled("run-1", 0, List.of("rita")));
        reviews.sampled(sampled("run-1", 0, List.of("rita")));
        reviews.sampled(sampled("run-1", 1, List.of("rita")));
        reviews.sampled(sampled("run-2", 0, List.of("rita")));

        Page<AiReview> pending = reviews.list(AiReview.Verdict.PENDING, "rita", Set.of("builder"), null, new Page.Request(0, 10));
        assertThat(pending.total()).as("a second sample of the same item is the same review").isEqualTo(3);
        assertThat(reviews.list(null, "bob", Set.of("builder"), null, new Page.Request(0, 10)).total()).isZero();
        assertThat(reviews.list(null, "root", Set.of("admin"), null, new Page.Request(0, 10)).total()).isEqualTo(3);

        assertThatThrownBy(() -> reviews.accept("run-1:2:0", "bob", Set.of("builder"), null))
                .isInstanceOf(ApprovalException.NotAllowed.class).hasMessageContaining("bob may not review");
        AiReview accepted = reviews.accept("run-1:2:0", "rita", Set.of("builder"), "right");
        assertThat(accepted.verdict()).isEqualTo(AiReview.Verdict.ACCEPTED);
        assertThatThrownBy(() -> reviews.accept("run-1:2:0", "rita", Set.of("builder"), null))
                .isInstanceOf(ApprovalException.AlreadyDecided.class).hasMessageContaining("already accepted by rita");
        assertThatThrownBy(() -> reviews.correct("run-1:2:1", Map.of(), "rita", Set.of("builder"), null))
                .isInstanceOf(ApprovalException.Invalid.class).hasMessageContaining("needs the right answer");
        AiReview corrected = reviews.correct("run-1:2:1", Map.of("categories", List.of("billing")), "rita",
                Set.of("builder"), null);
        assertThat(corrected.correction()).isEqualTo(Map.of("categories", List.of("billing")));
        reviews.accept("run-2:2:0", "root", Set.of("admin"), null);

        List<AcceptRate> rates = reviews.acceptRates("wf-1");
        assertThat(rates).containsExactly(new AcceptRate("wf-1", "Triage", "Classify", "2026-W50", 2, 1));
        assertThat(rates.get(0).rate()).isEqualTo(2 / 3.0);

        // a crash between the verdict and its count is repaired by the sweep, and counting twice counts once
        MongoAiReviewStore store = new MongoAiReviewStore(connection);
        reviews.sampled(sampled("run-3", 0, List.of()));
        store.decide("run-3:2:0", AiReview.Verdict.ACCEPTED, "root", clock.instant(), null, null);
        assertThat(store.uncounted(10)).hasSize(1);
        reviews.sweep();
        reviews.sweep();
        store.count(store.get("run-3:2:0").orElseThrow());
        assertThat(store.uncounted(10)).isEmpty();
        assertThat(reviews.acceptRates(null).get(0).accepted()).isEqualTo(3);
    }

    @Test
    void thePriceTableStartsWithDefaultsAndPricesDatedModelsByTheirName() {
        MongoModelPriceStore prices = new MongoModelPriceStore(connection);
        assertThat(prices.table().priceOf("gpt-4o-mini-2024-07-18")).map(ModelPrice::model).contains("gpt-4o-mini");
        assertThat(prices.table().priceOf("gpt-4o-2024-08-06")).map(ModelPrice::model).contains("gpt-4o");
        assertThat(prices.table().cost(new ModelUse("llama3.2", 1000, 1000))).as("no price, no cost").isNull();

        prices.save(new ModelPriceTable(List.of(new ModelPrice("llama3.2", 0.05, 0.10))));
        assertThat(prices.table().prices()).containsExactly(new ModelPrice("llama3.2", 0.05, 0.10));
        assertThat(prices.table().cost(new ModelUse("llama3.2", 2_000_000, 1_000_000))).isEqualTo(0.2);
        assertThatThrownBy(() -> new ModelPriceTable(List.of(new ModelPrice("a", 1, 1), new ModelPrice("A", 2, 2))))
                .hasMessageContaining("priced twice");
        assertThatThrownBy(() -> new ModelPrice("a", -1, 1)).hasMessageContaining("0 or more");
    }

    @Test
    void aStepKeepsWhatItSpentOnModels() {
        Step step = new Step(0, "AI", 0, StepStatus.SUCCEEDED, Instant.now(), Instant.now(), 1, List.of(), List.of(),
                List.of(List.of()), null, List.of(), null, null,
                List.of(new ModelCharge("gpt-4o-mini", 2, 300, 100, 0.000105), new ModelCharge("local", 1, 10, 10, null)));
        Step read = StepDocuments.read(StepDocuments.write("run-1", step));
        assertThat(read.usage()).isEqualTo(step.usage());
    }
}
