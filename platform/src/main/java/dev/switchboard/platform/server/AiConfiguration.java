package dev.switchboard.platform.server;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.switchboard.platform.ai.ModelPriceStore;
import dev.switchboard.platform.ai.ModelPriceTable;
import dev.switchboard.platform.approval.AiReviewService;
import dev.switchboard.platform.node.ModelUse;
import dev.switchboard.platform.node.NumberHistory;
import dev.switchboard.platform.run.RunServices;
import dev.switchboard.platform.store.MongoAiReviewStore;
import dev.switchboard.platform.store.MongoConnection;
import dev.switchboard.platform.store.MongoModelPriceStore;
import dev.switchboard.platform.store.MongoNumberHistory;

/**
 * What runs offer AI nodes on the server: the admin's price table (kept for a few seconds), AI
 * reviews of sampled answers, and number histories in MongoDB.
 */
@Configuration(proxyBeanMethods = false)
public class AiConfiguration {

    /** The price table, read at most every few seconds; a save here applies at once (on other instances within seconds). */
    @Bean
    ModelPriceStore modelPriceStore(MongoConnection connection) {
        return new CachedPrices(new MongoModelPriceStore(connection));
    }

    @Bean
    AiReviewService aiReviewService(MongoConnection connection) {
        return new AiReviewService(new MongoAiReviewStore(connection), Clock.systemUTC());
    }

    @Bean
    ServerRunServices serverRunServices(ModelPriceStore prices, AiReviewService reviews, MongoConnection connection,
            RunService runs) {
        ServerRunServices services = new ServerRunServices(prices, reviews, new MongoNumberHistory(connection));
        runs.services(services);
        return services;
    }

    /** A price store that keeps the table for a few seconds, and forgets it when it saves one. */
    static final class CachedPrices implements ModelPriceStore {
        private static final long FRESH_MILLIS = 5_000;
        private final ModelPriceStore store;
        private volatile ModelPriceTable table;
        private volatile long readAt;

        CachedPrices(ModelPriceStore store) {
            this.store = store;
        }

        @Override
        public ModelPriceTable table() {
            long now = System.currentTimeMillis();
            ModelPriceTable t = table;
            if (t == null || now - readAt > FRESH_MILLIS) {
                t = store.table();
                table = t;
                readAt = now;
            }
            return t;
        }

        @Override
        public void save(ModelPriceTable newTable) {
            store.save(newTable);
            table = null;
        }
    }

    /** The run services of a server. */
    static final class ServerRunServices implements RunServices {
        private final ModelPriceStore prices;
        private final AiReviewService reviews;
        private final MongoNumberHistory histories;

        ServerRunServices(ModelPriceStore prices, AiReviewService reviews, MongoNumberHistory histories) {
            this.prices = prices;
            this.reviews = reviews;
            this.histories = histories;
        }

        @Override
        public Double estimateCost(ModelUse use) {
            return prices.table().cost(use);
        }

        @Override
        public void review(RunReview review) {
            reviews.sampled(review);
        }

        @Override
        public NumberHistory history(String workflowId, String node) {
            return histories.of(workflowId, node);
        }
    }
}
