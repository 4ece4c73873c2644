package dev.switchboard.platform.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The instance's and each workflow's limit on runs executing at once. */
class RunSlotsTest {

    @Test
    void aWorkflowAtItsLimitWaitsWhileOthersStillRun() {
        RunSlots slots = new RunSlots(3, 2);
        assertThat(slots.tryEnter("invoices")).isTrue();
        assertThat(slots.tryEnter("invoices")).isTrue();
        assertThat(slots.tryEnter("invoices")).as("its own limit").isFalse();
        assertThat(slots.busyWorkflows()).containsExactly("invoices");
        assertThat(slots.tryEnter("orders")).isTrue();
        assertThat(slots.full()).isTrue();
        assertThat(slots.tryEnter("orders")).as("the instance's limit").isFalse();

        slots.leave("invoices");
        assertThat(slots.busyWorkflows()).isEmpty();
        assertThat(slots.tryEnter("orders")).isTrue();
    }

    @Test
    void withoutAWorkflowLimitOnlyTheInstanceCounts() {
        RunSlots slots = new RunSlots(2, 0);
        slots.enter("a");
        assertThat(slots.tryEnter("a")).isTrue();
        assertThat(slots.tryEnter("b")).isFalse();
        assertThat(slots.busyWorkflows()).isEmpty();
    }
}
