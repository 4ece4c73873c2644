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
 * What runs offer AI nodes on the server: the admin's price table (read at most every few seconds), AI
 * reviews of sampled answers, and number histories in MongoDB.
 */
@Configuration(proxyBeanMethods = false)
public class AiConfiguration {

    @Bean
    ModelPriceStore modelPriceStore(MongoConnection connection) {
        return new MongoModelPriceStore(connection);
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

    /** The run services of a server. */
    static final class ServerRunServices implements RunServices {
        private static final long PRICES_FRESH_MILLIS = 5_000;
        private final ModelPriceStore prices;
        private final AiReviewService reviews;
        private final MongoNumberHistory histories;
        private volatile ModelPriceTable table;
        private volatile long tableReadAt;

        ServerRunServices(ModelPriceStore prices, AiReviewService reviews, MongoNumberHistory histories) {
            this.prices = prices;
            this.reviews = reviews;
            this.histories = histories;
        }

        @Override
        public Double estimateCost(ModelUse use) {
            long now = System.currentTimeMillis();
            ModelPriceTable t = table;
            if (t == null || now - tableReadAt > PRICES_FRESH_MILLIS) {
                t = prices.table();
                table = t;
                tableReadAt = now;
            }
            return t.cost(use);
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
