package dev.switchboard.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import dev.switchboard.platform.engine.LocalEngine;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.Compensator;
import dev.switchboard.platform.run.RunStore;
import dev.switchboard.platform.run.Step;
import dev.switchboard.platform.server.RunService;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.ui.editor.CanvasGraph;
import dev.switchboard.ui.editor.ItemsPanel;
import dev.switchboard.ui.editor.NodeCanvas;
import jakarta.annotation.security.PermitAll;

/**
 * One run: the graph of the version it ran, each node coloured by its step's status, and the steps in
 * order; selecting a step (in the list or by double-clicking its node) shows its input, output,
 * logs, timing and attempts; compensation steps (a rollback's undo requests) are listed beside the
 * forward steps. Builders and admins cancel an unfinished run, retry a failed one, and roll a finished one back.
 */
@Route("runs/:id")
@PageTitle("Run · Switchboard")
@PermitAll
public class RunView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final RunStore runs;
    private final RunService service;
    private final LocalEngine engine;
    private final boolean mayAct;
    private final String user;
    private final ZoneId zone = ZoneId.systemDefault();
    private final NodeCanvas canvas = new NodeCanvas();
    private final Grid<Step> steps = new Grid<>();
    private final Div detail = new Div();
    private final Span summary = new Span();
    private RunRecord run;
    private List<Step> journal = List.of();

    public RunView(RunStore runs, RunService service, LocalEngine engine, AuthenticationContext auth) {
        this.runs = runs;
        this.service = service;
        this.engine = engine;
        this.mayAct = auth.hasAnyRole("ADMIN", "BUILDER");
        this.user = auth.getPrincipalName().orElse("unknown");
        setSizeFull();
        summary.setId("run-summary");
        steps.setId("steps");
        steps.addThemeVariants(GridVariant.LUMO_COMPACT);
        steps.addColumn(s -> s.index() + 1).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        steps.addColumn(Step::node).setHeader("Node").setFlexGrow(2);
        steps.addColumn(s -> Compensator.isCompensation(s)
                ? "undo of #" + (((Number) s.nodeState().get(Compensator.COMPENSATES)).intValue() + 1) : "")
                .setHeader("Compensation");
        steps.addColumn(s -> s.status().label()).setHeader("Status");
        steps.addColumn(s -> s.startedAt() == null ? "" : WHEN.format(s.startedAt().atZone(zone))).setHeader("Started")
                .setAutoWidth(true);
        steps.addColumn(s -> s.durationMillis() + " ms").setHeader("Took");
        steps.addColumn(Step::attempts).setHeader("Attempts");
        steps.addColumn(s -> count(s.inputs()) + " → " + count(s.outputs())).setHeader("Items in → out");
        steps.addColumn(s -> modelUse(s.usage())).setHeader("Model use").setFlexGrow(2);
        steps.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::showStep));
        detail.setId("step-detail");
        canvas.addEditListener(edit -> {
            if (edit instanceof dev.switchboard.ui.editor.CanvasEdit.Open open) {
                canvas.graph().nodes().stream().filter(n -> n.id().equals(open.id())).findFirst()
                        .flatMap(n -> journal.stream().filter(s -> s.node().equals(n.name())).reduce((a, b) -> b))
                        .ifPresent(steps::select);
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        removeAll();
        var found = runs.get(id);
        if (found.isEmpty()) {
            H2 missing = new H2("There is no run with id \"" + id + "\"");
            missing.setId("run-missing");
            add(missing);
            return;
        }
        run = found.get();
        journal = runs.steps(run.id());
        H2 title = new H2(run.workflowName() + " · run");
        title.setId("run-title");
        summary.setText(summaryText());
        HorizontalLayout bar = new HorizontalLayout(title, summary);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (mayAct) {
            bar.add(actions());
        }
        Button workflow = new Button("Open workflow", e -> UI.getCurrent().navigate("workflows/" + run.workflowId()));
        workflow.setId("open-workflow");
        bar.add(workflow);
        add(bar);
        if (run.error() != null) {
            Span error = new Span(run.error().describe());
            error.setId("run-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            add(error);
        }
        drawGraph();
        steps.setItems(journal);
        SplitLayout split = new SplitLayout(canvas, new VerticalLayout(steps, detail));
        split.setOrientation(SplitLayout.Orientation.VERTICAL);
        split.setSplitterPosition(45);
        split.setSizeFull();
        canvas.setSizeFull();
        steps.setHeight("220px");
        add(split);
        expand(split);
    }

    private void drawGraph() {
        Workflow workflow;
        try {
            workflow = service.workflowOf(run.workflowId(), run.workflowVersion());
        } catch (RuntimeException e) {
            add(new Span("The workflow of this run is no longer stored: " + e.getMessage()));
            return;
        }
        Map<String, Step> last = new LinkedHashMap<>();
        journal.stream().filter(s -> !Compensator.isCompensation(s)).forEach(s -> last.put(s.node(), s));
        Map<String, CanvasGraph.Marks> marks = new LinkedHashMap<>();
        last.forEach((node, s) -> marks.put(node, CanvasGraph.Marks.of(s, List.of())));
        canvas.setGraph(CanvasGraph.of(workflow, engine.types(), marks, true, 1));
    }

    /** Tokens per model and the estimated cost: "gpt-4o-mini 300 in / 100 out, ≈ $0.000105". */
    static String modelUse(List<dev.switchboard.platform.run.ModelCharge> usage) {
        if (usage == null || usage.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (var c : usage) {
            sb.append(sb.isEmpty() ? "" : "; ").append(c.model()).append(' ').append(c.inputTokens()).append(" in / ")
                    .append(c.outputTokens()).append(" out");
        }
        Double cost = dev.switchboard.platform.run.ModelCharge.totalCost(usage);
        return sb.append(cost == null ? ", no price" : ", ≈ " + dollars(cost)).toString();
    }

    static String dollars(double amount) {
        return amount >= 0.01 ? String.format(java.util.Locale.ROOT, "$%.2f", amount)
                : String.format(java.util.Locale.ROOT, "$%.6f", amount);
    }

    private String summaryText() {
        StringBuilder sb = new StringBuilder(run.status().label());
        sb.append(" · ").append(run.workflowVersion() > 0 ? "version " + run.workflowVersion() : "draft");
        sb.append(" · ").append(run.mode());
        if (run.createdAt() != null) {
            sb.append(" · started ").append(WHEN.format(run.createdAt().atZone(zone)));
        }
        if (run.startedAt() != null && run.finishedAt() != null) {
            sb.append(" · took ").append(Duration.between(run.startedAt(), run.finishedAt()).toMillis()).append(" ms");
        }
        List<dev.switchboard.platform.run.ModelCharge> all = new java.util.ArrayList<>();
        journal.forEach(s -> all.addAll(s.usage()));
        Double cost = dev.switchboard.platform.run.ModelCharge.totalCost(all);
        if (cost != null) {
            sb.append(" · models ≈ ").append(dollars(cost));
        }
        return sb.toString();
    }

    private HorizontalLayout actions() {
        HorizontalLayout actions = new HorizontalLayout();
        if (!run.status().isFinished()) {
            Button cancel = new Button("Cancel", e -> {
                runs.cancel(run.id(), Instant.now());
                Notification.show("Cancelling the run");
                UI.getCurrent().getPage().reload();
            });
            cancel.setId("run-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(cancel);
        }
        if (run.status() == RunStatus.SUCCEEDED || run.status() == RunStatus.FAILED || run.status() == RunStatus.CANCELLED) {
            Button rollback = new Button("Roll back", e -> confirmRollback());
            rollback.setId("run-rollback");
            rollback.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(rollback);
        }
        if (run.status() == RunStatus.FAILED || run.status() == RunStatus.CANCELLED) {
            Button retry = new Button("Retry", e -> {
                RunRecord again = service.retry(run);
                UI.getCurrent().navigate("runs/" + again.id());
            });
            retry.setId("run-retry");
            actions.add(retry);
        }
        return actions;
    }

    void confirmRollback() {
        com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm = new com.vaadin.flow.component.confirmdialog.ConfirmDialog(
                "Roll back this run?", "The undo steps of the changes this run made are run, newest first.", "Roll back",
                e -> rollback());
        confirm.setId("confirm-rollback");
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    void rollback() {
        try {
            RunRecord after = service.rollback(run.id(), user);
            Notification.show("The run is " + after.status().label());
        } catch (RunService.RollbackException e) {
            Notification.show(e.getMessage());
        }
        UI.getCurrent().navigate("runs");
        UI.getCurrent().navigate("runs/" + run.id());
    }

    private void showStep(Step s) {
        detail.removeAll();
        Span head = new Span(s.node() + ": " + s.status().label() + ", " + s.durationMillis() + " ms, " + s.attempts()
                + (s.attempts() == 1 ? " attempt" : " attempts"));
        head.setId("step-head");
        detail.add(head);
        if (s.error() != null) {
            Span error = new Span(s.error().describe());
            error.getStyle().set("display", "block").set("color", "var(--lumo-error-text-color)");
            detail.add(error);
        }
        detail.add(ItemsPanel.of("step-input", "Input", s.inputs()), ItemsPanel.of("step-output", "Output", s.outputs()));
        if (s.logs() != null && !s.logs().isEmpty()) {
            Div logs = new Div();
            logs.setId("step-logs");
            logs.getStyle().set("font-family", "monospace").set("white-space", "pre-wrap");
            logs.setText(String.join("\n", s.logs()));
            detail.add(new Span("Logs"), logs);
        }
    }

    private static int count(List<List<Item>> lists) {
        int n = 0;
        if (lists != null) {
            for (List<Item> l : lists) {
                n += l == null ? 0 : l.size();
            }
        }
        return n;
    }

    Grid<Step> steps() {
        return steps;
    }

    NodeCanvas canvas() {
        return canvas;
    }

    Div detail() {
        return detail;
    }
}
