package dev.switchboard.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import dev.switchboard.platform.run.RunFilter;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.RunStore;
import dev.switchboard.platform.server.RunService;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.WorkflowStore;
import jakarta.annotation.security.PermitAll;

/**
 * The runs, newest first, filtered by workflow, status and a date range (days in the server's zone), paged
 * from the store as the grid scrolls. Builders and admins may cancel a run that has not finished and retry
 * one that failed or was cancelled; viewers and approvers only look. Clicking a run opens its page.
 */
@Route("runs")
@PageTitle("Runs · Switchboard")
@PermitAll
public class RunsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    final ComboBox<StoredWorkflow> workflow = new ComboBox<>("Workflow");
    final ComboBox<RunStatus> status = new ComboBox<>("Status");
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    private final Grid<RunRecord> grid = new Grid<>(RunRecord.class, false);
    private final RunStore runs;
    private final RunService service;
    private final ZoneId zone = ZoneId.systemDefault();

    public RunsView(RunStore runs, RunService service, WorkflowStore workflows, AuthenticationContext auth) {
        this.runs = runs;
        this.service = service;
        boolean mayAct = auth.hasAnyRole("ADMIN", "BUILDER");
        setSizeFull();

        workflow.setId("run-workflow");
        workflow.setItemLabelGenerator(StoredWorkflow::name);
        workflow.setItems(query -> Pages.fetch(query.getOffset(), query.getLimit(),
                request -> workflows.list(query.getFilter().orElse(null), request)));
        workflow.setClearButtonVisible(true);
        status.setId("run-status");
        status.setItems(RunStatus.values());
        status.setItemLabelGenerator(RunStatus::label);
        status.setClearButtonVisible(true);
        from.setId("run-from");
        to.setId("run-to");
        from.setHelperText("days in " + zone.getId());
        for (var field : new com.vaadin.flow.component.HasValue<?, ?>[] {workflow, status, from, to}) {
            field.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }

        grid.setId("runs");
        grid.addColumn(RunRecord::workflowName).setHeader("Workflow").setFlexGrow(2);
        grid.addColumn(r -> r.workflowVersion() > 0 ? "v" + r.workflowVersion() : "draft").setHeader("Version");
        grid.addColumn(r -> r.status().label()).setHeader("Status");
        grid.addColumn(r -> WHEN.format(r.createdAt().atZone(zone))).setHeader("Started").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RunsView::took).setHeader("Took");
        grid.addColumn(r -> r.error() == null ? "" : r.error().message()).setHeader("Error").setFlexGrow(3);
        if (mayAct) {
            grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        }
        grid.setItems(query -> Pages.fetch(query.getOffset(), query.getLimit(), request -> runs.list(filter(), request)));
        grid.addItemClickListener(e -> com.vaadin.flow.component.UI.getCurrent().navigate("runs/" + e.getItem().id()));
        grid.setSizeFull();

        HorizontalLayout filters = new HorizontalLayout(workflow, status, from, to);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Runs"), filters, grid);
    }

    /** The filter the fields describe: {@code to} includes its whole day. */
    RunFilter filter() {
        Instant start = from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant();
        LocalDate last = to.getValue();
        Instant end = last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant();
        return new RunFilter(workflow.getValue() == null ? null : workflow.getValue().id(), status.getValue(), start, end);
    }

    private static String took(RunRecord r) {
        if (r.startedAt() == null || r.finishedAt() == null) {
            return "";
        }
        Duration d = Duration.between(r.startedAt(), r.finishedAt());
        return d.toMillis() < 1_000 ? d.toMillis() + " ms" : String.format("%.1f s", d.toMillis() / 1_000.0);
    }

    private com.vaadin.flow.component.Component actions(RunRecord run) {
        if (!run.status().isFinished()) {
            Button cancel = new Button("Cancel", e -> cancel(run));
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            return cancel;
        }
        if (run.status() == RunStatus.FAILED || run.status() == RunStatus.CANCELLED) {
            Button retry = new Button("Retry", e -> retry(run));
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return retry;
        }
        return new Span();
    }

    void cancel(RunRecord run) {
        runs.cancel(run.id(), Instant.now());
        Notification.show("Cancelling the run of \"" + run.workflowName() + "\"");
        grid.getDataProvider().refreshAll();
    }

    void retry(RunRecord run) {
        service.retry(run);
        Notification.show("\"" + run.workflowName() + "\" runs again as a new run");
        grid.getDataProvider().refreshAll();
    }

    Grid<RunRecord> grid() {
        return grid;
    }
}
