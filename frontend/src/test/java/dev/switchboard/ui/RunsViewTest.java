package dev.switchboard.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;

import dev.switchboard.platform.run.RunIds;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.RunStore;
import dev.switchboard.platform.run.StepError;
import dev.switchboard.platform.user.Role;
import dev.switchboard.platform.user.UserStore;
import dev.switchboard.platform.workflow.Connections;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowStore;

/** The run list: filters by workflow, status and days; builders retry and cancel, viewers only look. */
class RunsViewTest extends UiTest {

    @Autowired
    RunStore runs;

    @Autowired
    WorkflowStore workflows;

    @Autowired
    UserStore users;

    private StoredWorkflow invoices;
    private RunRecord failed;
    private RunRecord waiting;

    @BeforeEach
    void someRuns() {
        invoices = workflows.create(Workflow.of("invoices " + System.nanoTime(), List.of(), Connections.none()));
        Instant now = Instant.now();
        failed = runs.create(run(RunStatus.FAILED, new StepError("the mail server refused", "Send", null, 0, null), now, null));
        runs.create(run(RunStatus.SUCCEEDED, null, now, null));
        waiting = runs.create(run(RunStatus.WAITING, null, now, now.plus(1, ChronoUnit.DAYS)));
    }

    private RunRecord run(RunStatus status, StepError error, Instant at, Instant resumeAt) {
        return new RunRecord(RunIds.next(), invoices.id(), 1, invoices.name(), "manual", null, "Start", List.of(), status,
                error, at, at, status.isFinished() ? at.plusMillis(250) : null, null, null, resumeAt);
    }

    private RunsView openAs(Role role) {
        signIn(users.create(role.id() + System.nanoTime() % 1_000_000, null, Set.of(role), "a long password"));
        UI.getCurrent().navigate("runs");
        RunsView view = _get(RunsView.class);
        view.workflow.setValue(invoices);
        return view;
    }

    @Test
    void filtersByWorkflowStatusAndDay() {
        RunsView view = openAs(Role.VIEWER);
        assertThat(_size(view.grid())).isEqualTo(3);

        view.status.setValue(RunStatus.FAILED);
        assertThat(_size(view.grid())).isEqualTo(1);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._get(view.grid(), 0).error().message())
                .isEqualTo("the mail server refused");

        view.status.clear();
        view.from.setValue(LocalDate.now().plusDays(2));
        assertThat(_size(view.grid())).isZero();
        view.from.setValue(LocalDate.now().minusDays(1));
        view.to.setValue(LocalDate.now().plusDays(1));
        assertThat(_size(view.grid())).isEqualTo(3);
    }

    @Test
    void aBuilderRetriesAFailedRunAndCancelsAWaitingOne() {
        RunsView view = openAs(Role.BUILDER);
        assertThat(view.grid().getColumns()).as("with the actions column").hasSize(7);

        view.retry(failed);
        assertThat(_size(view.grid())).as("the retry is a new run").isEqualTo(4);

        view.cancel(waiting);
        assertThat(runs.get(waiting.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void aViewerHasNoActions() {
        RunsView view = openAs(Role.VIEWER);
        assertThat(view.grid().getColumns()).hasSize(6);
    }
}
