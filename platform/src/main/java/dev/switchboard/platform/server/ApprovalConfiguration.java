package dev.switchboard.platform.server;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.switchboard.platform.approval.ApprovalService;
import dev.switchboard.platform.approval.ApprovalStore;
import dev.switchboard.platform.run.RunStore;
import dev.switchboard.platform.store.MongoApprovalStore;
import dev.switchboard.platform.store.MongoConnection;

/**
 * Approvals on the server: the store, the service (told by the run service of every run that waits),
 * and a sweep at start-up and every {@code switchboard.approval-sweep-seconds} (default 5) that handles
 * deadlines that passed, also while the server was down (and counts AI review verdicts a crash left uncounted).
 */
@Configuration(proxyBeanMethods = false)
public class ApprovalConfiguration {

    @Bean
    ApprovalStore approvalStore(MongoConnection connection) {
        return new MongoApprovalStore(connection);
    }

    @Bean
    ApprovalService approvalService(ApprovalStore store, RunStore runs, RunService service, Environment env,
            dev.switchboard.platform.credential.VaultCredentials vault) {
        ApprovalService approvals = new ApprovalService(store, runs, service::runDue, Clock.systemUTC())
                .publicUrl(env.getProperty("switchboard.public-url",
                        "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"))))
                .waitingCheckEvery(Duration.ofSeconds(env.getProperty("switchboard.approval-waiting-check-seconds", Long.class, 3600L)));
        service.onWaiting(approvals::runWaiting);
        approvals.mail(new dev.switchboard.platform.approval.ApprovalMail(vault, service::workflowOf));
        approvals.rollbackOnRejection(run -> service.rollsBack(run, "rollbackOnRejection"), service::rollback);
        return approvals;
    }

    @Bean
    ApprovalSweeper approvalSweeper(ApprovalService approvals, dev.switchboard.platform.approval.AiReviewService reviews,
            Environment env) {
        return new ApprovalSweeper(() -> {
            approvals.sweep();
            reviews.sweep();
        }, env.getProperty("switchboard.approval-sweep-seconds", Long.class, 5L));
    }

    /** Runs the approval sweep now and then. */
    static final class ApprovalSweeper implements SmartLifecycle {
        private final Runnable approvals;
        private final long seconds;
        private ScheduledExecutorService timer;

        ApprovalSweeper(Runnable approvals, long seconds) {
            this.approvals = approvals;
            this.seconds = seconds;
        }

        @Override
        public synchronized void start() {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "approval-sweep");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(() -> {
                try {
                    approvals.run();
                } catch (RuntimeException e) {
                    System.getLogger(ApprovalSweeper.class.getName()).log(System.Logger.Level.WARNING,
                            "the approval sweep failed: " + e.getMessage());
                }
            }, 0, seconds, TimeUnit.SECONDS);
        }

        @Override
        public synchronized void stop() {
            if (timer != null) {
                timer.shutdownNow();
                timer = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return timer != null;
        }

        @Override
        public int getPhase() {
            // after the run service has started its workers
            return Integer.MAX_VALUE - 100;
        }
    }
}
