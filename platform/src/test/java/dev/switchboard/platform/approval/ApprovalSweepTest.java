package dev.switchboard.platform.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.RunStore;
import dev.switchboard.platform.run.Step;
import dev.switchboard.platform.run.StepStatus;
import dev.switchboard.platform.store.MongoApprovalStore;
import dev.switchboard.platform.store.MongoConnection;
import dev.switchboard.platform.store.MongoRunStore;

/**
 * The approval sweep checks deadlines on every pass, but reads the run history for waiting runs without a
 * request only as often as it is told: on the embedded database that read is a scan of every run, which
 * every 5 s stalled the runs being written. A request is made before its run's status says waiting; a
 * decision that comes in between is applied by the next sweep.
 */
class ApprovalSweepTest {

    @Test
    void waitingRunsAreLookedForAtTheFirstSweepAndThenOncePerPeriod() throws Exception {
        try (MongoConnection connection = MongoConnection.embedded(Files.createTempDirectory("approval-sweep"));
                MongoRunStore store = new MongoRunStore(connection)) {
            AtomicInteger lists = new AtomicInteger();
            MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
            ApprovalService approvals = new ApprovalService(new MongoApprovalStore(connection), counting(store, lists),
                    () -> { }, clock).waitingCheckEvery(Duration.ofMinutes(1));

            approvals.sweep();
            assertThat(lists).as("at start-up").hasValue(1);
            clock.now = clock.now.plusSeconds(5);
            approvals.sweep();
            clock.now = clock.now.plusSeconds(50);
            approvals.sweep();
            assertThat(lists).as("within the minute").hasValue(1);
            clock.now = clock.now.plusSeconds(6);
            approvals.sweep();
            assertThat(lists).as("a minute after the last look").hasValue(2);

            ApprovalService everyTime = new ApprovalService(new MongoApprovalStore(connection), counting(store, lists),
                    () -> { }, clock);
            everyTime.sweep();
            everyTime.sweep();
            assertThat(lists).as("without a period, on every sweep").hasValue(4);
        }
    }

    @Test
    void aDecisionMadeWhileItsRunIsAboutToWaitIsAppliedOnceTheRunWaits() throws Exception {
        try (MongoConnection connection = MongoConnection.embedded(Files.createTempDirectory("approval-early"));
                MongoRunStore runs = new MongoRunStore(connection)) {
            MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
            ApprovalService approvals = new ApprovalService(new MongoApprovalStore(connection), runs, () -> { }, clock);
            RunRecord run = runs.create(new RunRecord("r1", "wf", 1, "Refunds", "webhook", null, null, List.of(),
                    RunStatus.RUNNING, null, clock.now, clock.now, null, "i-inline", clock.now.plusSeconds(60), null));
            Map<String, Object> request = Map.of("approvers", List.of("ada"), "message", "Refund 120 EUR?");
            runs.stepFinished("r1", new Step(0, "Approve", 0, StepStatus.WAITING, clock.now, clock.now, 1,
                    List.of(List.of(Item.of(Map.of("amount", 120L)))), java.util.Collections.singletonList(null), null,
                    null, List.of(), Map.of(ApprovalService.REQUEST_STATE, request), null));

            // the worker makes the request before the run's status says waiting; a decision comes in between
            approvals.runWaiting(run);
            approvals.decide("r1:0", "approve", "ada", null, "fine");
            assertThat(runs.steps("r1").get(0).outputs()).as("not applied to a running run").isNull();

            runs.release("r1", "i-inline", RunStatus.WAITING, null, null, clock.now);
            approvals.sweep();
            Step resumed = runs.steps("r1").get(0);
            assertThat(resumed.outputs().get(0)).extracting(i -> i.json().get("amount")).containsExactly(120L);
            assertThat(runs.get("r1").orElseThrow().resumeAt()).as("due to go on").isEqualTo(clock.now);
        }
    }

    /** The run store, counting its {@code list} calls. */
    private static RunStore counting(RunStore store, AtomicInteger lists) {
        return (RunStore) Proxy.newProxyInstance(RunStore.class.getClassLoader(), new Class<?>[] {RunStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("list")) {
                        lists.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
