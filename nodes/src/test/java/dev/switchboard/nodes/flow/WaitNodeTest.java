package dev.switchboard.nodes.flow;

import static dev.switchboard.nodes.NodeTestKit.json;
import static dev.switchboard.nodes.NodeTestKit.objs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.nodes.NodeTestKit;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.run.InMemoryRunJournal;
import dev.switchboard.platform.run.RunClock;
import dev.switchboard.platform.run.RunRequest;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;

class WaitNodeTest {

    private static final Instant START = Instant.parse("2024-03-01T12:00:00Z");

    private static RunResult run(double version, String parameters, long inlineWaitMillis) {
        var workflow = NodeTestKit.chain("Wait", "n8n-nodes-base.wait", version, parameters,
                "After", "n8n-nodes-base.noOp", 1, "{}");
        RunRequest request = RunRequest.manual("wait-" + System.nanoTime(), workflow, List.of(Item.of(Map.of("a", 1L))))
                .withPinData(false).withClock(RunClock.virtual(START)).withDefaultZone(ZoneId.of("UTC"))
                .withInlineWaitMillis(inlineWaitMillis);
        return NodeTestKit.EXECUTOR.execute(request, new InMemoryRunJournal());
    }

    private static NodeResult.Suspend suspend(FakeContext ctx) {
        return (NodeResult.Suspend) new WaitNode().execute(ctx);
    }

    @Test
    void version1WaitsOneHourByDefault() {
        RunResult r = run(1, "{}", 0);
        assertThat(r.status()).isEqualTo(RunStatus.WAITING);
        assertThat(r.resumeAt()).isEqualTo(START.plusSeconds(3600));
    }

    @Test
    void version1Point1WaitsFiveSecondsByDefault() {
        RunResult r = run(1.1, "{}", 0);
        assertThat(r.resumeAt()).isEqualTo(START.plusSeconds(5));
    }

    @Test
    void aShortWaitHappensInsideTheRunAndTheItemsPassOn() {
        RunResult r = run(1, "{\"amount\": 42, \"unit\": \"seconds\"}", 65_000);
        assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(json(r, "After")).isEqualTo(objs("[{\"a\":1}]"));
        assertThat(r.steps("After").get(0).startedAt()).isEqualTo(START.plusSeconds(42));
    }

    @Test
    void everyUnitCounts() {
        FakeContext ctx = new FakeContext(1).input(objs("[{\"a\":1}]")).at(START, ZoneId.of("UTC"));
        assertThat(suspend(ctx.parameters(Map.of("amount", 1.5, "unit", "minutes"))).resumeAt())
                .isEqualTo(START.plusSeconds(90));
        assertThat(suspend(ctx.parameters(Map.of("amount", 2L, "unit", "days"))).resumeAt())
                .isEqualTo(START.plusSeconds(2 * 86400));
        assertThat(suspend(ctx.parameters(Map.of("amount", 0L, "unit", "seconds"))).resumeAt()).isEqualTo(START);
    }

    @Test
    void aNegativeAmountOrAnUnknownUnitIsRefused() {
        FakeContext ctx = new FakeContext(1.1).input(objs("[{\"a\":1}]"));
        assertThatThrownBy(() -> new WaitNode().execute(ctx.parameters(Map.of("amount", -1L))))
                .isInstanceOf(NodeException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> new WaitNode().execute(ctx.parameters(Map.of("unit", "weeks"))))
                .isInstanceOf(NodeException.class).hasMessageContaining("unit").hasMessageContaining("weeks");
    }

    @Test
    void aSpecificTimeWithoutOffsetIsReadInTheWorkflowsZone() {
        FakeContext ctx = new FakeContext(1).input(objs("[{\"a\":1}]")).at(START, ZoneId.of("Europe/Berlin"));
        assertThat(suspend(ctx.parameters(Map.of("resume", "specificTime", "dateTime", "2024-03-02T10:00:00")))
                .resumeAt()).isEqualTo(Instant.parse("2024-03-02T09:00:00Z"));
        assertThat(suspend(ctx.parameters(Map.of("resume", "specificTime", "dateTime", "2024-03-02T10:00:00Z")))
                .resumeAt()).isEqualTo(Instant.parse("2024-03-02T10:00:00Z"));
        assertThat(suspend(ctx.parameters(Map.of("resume", "specificTime", "dateTime", "2024-03-02"))).resumeAt())
                .isEqualTo(Instant.parse("2024-03-01T23:00:00Z"));
    }

    @Test
    void anInvalidDateIsRefused() {
        FakeContext ctx = new FakeContext(1).input(objs("[{\"a\":1}]"))
                .parameters(Map.of("resume", "specificTime", "dateTime", "next tuesday"));
        assertThatThrownBy(() -> new WaitNode().execute(ctx)).hasMessageContaining("dateTime")
                .hasMessageContaining("next tuesday");
    }

    @Test
    void aWebhookWaitHasNoResumeTimeUnlessLimited() {
        FakeContext ctx = new FakeContext(1.1).input(objs("[{\"a\":1}]")).at(START, ZoneId.of("UTC"));
        NodeResult.Suspend open = suspend(ctx.parameters(Map.of("resume", "webhook")));
        assertThat(open.resumeAt()).isNull();
        assertThat(open.reason()).contains("webhook");
        assertThat(open.outputsOnResume().get(0)).extracting(Item::json).isEqualTo(objs("[{\"a\":1}]"));
        assertThat(suspend(ctx.parameters(Map.of("resume", "webhook", "limitWaitTime", true, "resumeAmount", 2L,
                "resumeUnit", "hours"))).resumeAt()).isEqualTo(START.plusSeconds(7200));
        assertThat(suspend(ctx.parameters(Map.of("resume", "form", "limitWaitTime", true, "limitType",
                "atSpecifiedTime", "maxDateAndTime", "2024-04-01T00:00:00Z"))).resumeAt())
                .isEqualTo(Instant.parse("2024-04-01T00:00:00Z"));
    }

    @Test
    void aWebhookWaitSuspendsTheRun() {
        RunResult r = run(1.1, "{\"resume\": \"webhook\"}", Long.MAX_VALUE);
        assertThat(r.status()).isEqualTo(RunStatus.WAITING);
        assertThat(r.resumeAt()).isNull();
        assertThat(r.steps("After")).isEmpty();
    }
}
