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
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.spring.security.AuthenticationContext;

import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.run.RunFilter;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.RunStore;
import dev.switchboard.platform.workflow.Connections;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowStore;
import jakarta.annotation.security.PermitAll;

/**
 * The workflows: searched by name, paged from the store as the grid scrolls, newest edit first, each
 * with its owner, its last run and its success rate over seven days. Clicking one opens the editor.
 * Builders and admins create, import, duplicate, export and delete (after confirming).
 */
@Route("workflows")
@RouteAlias("")
@PageTitle("Workflows · Switchboard")
@PermitAll
public class WorkflowsView extends VerticalLayout {

    private static final DateTimeFormatter EDITED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
    static final Duration RATE_WINDOW = Duration.ofDays(7);

    private final Grid<StoredWorkflow> grid = new Grid<>(StoredWorkflow.class, false);
    private final TextField search = new TextField();
    private final WorkflowStore workflows;
    private final RunStore runs;
    private final String user;
    /** Run figures per workflow id, for the rows of the page just fetched. */
    private final Map<String, RunFigures> figures = new LinkedHashMap<>();

    /** A workflow's last run and how many of its runs of the last seven days finished, and succeeded. */
    record RunFigures(RunRecord last, long finished, long succeeded) {
        String successRate() {
            return finished == 0 ? "–" : Math.round(100.0 * succeeded / finished) + "% of " + finished;
        }
    }

    public WorkflowsView(WorkflowStore workflows, RunStore runs, AuthenticationContext auth) {
        this.workflows = workflows;
        this.runs = runs;
        this.user = auth.getPrincipalName().orElse("unknown");
        boolean mayEdit = auth.hasAnyRole("ADMIN", "BUILDER");
        setSizeFull();
        search.setPlaceholder("Search by name");
        search.setId("workflow-search");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        ZoneId zone = ZoneId.systemDefault();
        grid.setId("workflows");
        grid.addColumn(StoredWorkflow::name).setHeader("Name").setFlexGrow(3);
        grid.addColumn(w -> w.active() ? "active" : "inactive").setHeader("State");
        grid.addColumn(WorkflowsView::owner).setHeader("Owner");
        grid.addColumn(w -> figures(w).last() == null ? "never ran" : figures(w).last().status().label())
                .setHeader("Last run");
        grid.addColumn(w -> figures(w).successRate()).setHeader("Success (7 days)");
        grid.addColumn(w -> w.publishedVersion() == null ? "draft only" : "v" + w.publishedVersion()).setHeader("Published");
        grid.addColumn(w -> EDITED.format(w.updatedAt().atZone(zone))).setHeader("Last edited").setAutoWidth(true);
        if (mayEdit) {
            grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(query -> Pages.fetch(query.getOffset(), query.getLimit(),
                request -> withFigures(workflows.list(search.getValue(), request))));
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setSizeFull();

        Button create = new Button("New workflow", e -> open(create()));
        create.setId("new-workflow");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button importButton = new Button("Import n8n JSON", e -> new ImportDialog(this::importWorkflow).open());
        importButton.setId("import-workflow");
        create.setVisible(mayEdit);
        importButton.setVisible(mayEdit);
        HorizontalLayout bar = new HorizontalLayout(search, create, importButton);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Workflows"), bar, grid);
    }

    static String owner(StoredWorkflow w) {
        return w.draft().extra().get("owner") instanceof String s ? s : "";
    }

    private Page<StoredWorkflow> withFigures(Page<StoredWorkflow> page) {
        Instant since = Instant.now().minus(RATE_WINDOW);
        for (StoredWorkflow w : page.items()) {
            var last = runs.list(new RunFilter(w.id(), null, null, null), new Page.Request(0, 1)).items();
            long succeeded = runs.list(new RunFilter(w.id(), RunStatus.SUCCEEDED, since, null), new Page.Request(0, 1)).total();
            long failed = runs.list(new RunFilter(w.id(), RunStatus.FAILED, since, null), new Page.Request(0, 1)).total();
            figures.put(w.id(), new RunFigures(last.isEmpty() ? null : last.get(0), succeeded + failed, succeeded));
        }
        return page;
    }

    RunFigures figures(StoredWorkflow w) {
        return figures.getOrDefault(w.id(), new RunFigures(null, 0, 0));
    }

    private com.vaadin.flow.component.Component actions(StoredWorkflow w) {
        Button duplicate = new Button("Duplicate", e -> duplicate(w));
        duplicate.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button export = new Button("Export", e -> new dev.switchboard.ui.editor.ExportDialog(w.name(), w.draft()).open());
        export.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button delete = new Button("Delete", e -> confirmDelete(w));
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(duplicate, export, delete);
    }

    StoredWorkflow create() {
        return workflows.create(owned(Workflow.of(freeName("My workflow"), List.of(), Connections.none())));
    }

    StoredWorkflow duplicate(StoredWorkflow original) {
        Workflow d = original.draft();
        StoredWorkflow copy = workflows.create(owned(new Workflow(null, freeName(d.name() + " (copy)"), d.nodes(),
                d.connections(), d.settings(), d.pinData(), d.extra())));
        Notification.show("Made \"" + copy.name() + "\"");
        grid.getDataProvider().refreshAll();
        return copy;
    }

    void confirmDelete(StoredWorkflow w) {
        ConfirmDialog confirm = new ConfirmDialog("Delete \"" + w.name() + "\"?",
                "The workflow stops and leaves the list. Its runs and published versions stay readable in the run history.",
                "Delete", e -> delete(w));
        confirm.setId("confirm-delete");
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    void delete(StoredWorkflow w) {
        workflows.delete(w.id());
        Notification.show("Deleted \"" + w.name() + "\"");
        grid.getDataProvider().refreshAll();
    }

    /** Stores an imported n8n workflow as a new draft (whatever id it had), owned by whoever imports it. */
    StoredWorkflow importWorkflow(Workflow imported) {
        StoredWorkflow stored = workflows.create(owned(new Workflow(null, imported.name() == null
                || imported.name().isBlank() ? freeName("Imported workflow") : imported.name(), imported.nodes(),
                imported.connections(), imported.settings(), imported.pinData(), imported.extra())));
        Notification n = Notification.show("Imported \"" + stored.name() + "\" with " + stored.draft().nodes().size()
                + " nodes");
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        open(stored);
        return stored;
    }

    private Workflow owned(Workflow w) {
        Map<String, Object> extra = new LinkedHashMap<>(w.extra());
        extra.put("owner", user);
        return new Workflow(w.id(), w.name(), w.nodes(), w.connections(), w.settings(), w.pinData(), extra);
    }

    /** The base name when no workflow has it, else the base with the lowest free number ("Invoices 2"). */
    private String freeName(String base) {
        for (int i = 1; ; i++) {
            String candidate = i == 1 ? base : base + " " + i;
            boolean taken = workflows.list(candidate, new Page.Request(0, 100)).items().stream()
                    .anyMatch(w -> w.name().equals(candidate));
            if (!taken) {
                return candidate;
            }
        }
    }

    private void open(StoredWorkflow w) {
        UI.getCurrent().navigate("workflows/" + w.id());
    }

    Grid<StoredWorkflow> grid() {
        return grid;
    }

    TextField search() {
        return search;
    }
}
