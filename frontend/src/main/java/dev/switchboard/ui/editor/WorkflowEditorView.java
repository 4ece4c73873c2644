package dev.switchboard.ui.editor;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.spring.security.AuthenticationContext;

import dev.switchboard.platform.credential.Credential;
import dev.switchboard.platform.credential.CredentialStore;
import dev.switchboard.platform.credential.VaultCredentials;
import dev.switchboard.platform.engine.LocalEngine;
import dev.switchboard.platform.expression.Expressions;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.run.InMemoryRunJournal;
import dev.switchboard.platform.run.RunRequest;
import dev.switchboard.platform.run.RunStore;
import dev.switchboard.platform.run.Step;
import dev.switchboard.platform.server.RunService;
import dev.switchboard.platform.workflow.Problem;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.WorkflowNode;
import dev.switchboard.platform.workflow.WorkflowStore;
import jakarta.annotation.security.PermitAll;

/**
 * The editor of one workflow: the canvas with its palette, a toolbar (name, undo, redo, test run,
 * publish, versions, active) and the node panel. Every change is saved to the draft at once, so a
 * closed tab or an expired session loses nothing. Builders and admins edit; the others look.
 */
@Route("workflows/:id")
@PageTitle("Editor · Switchboard")
@PermitAll
public class WorkflowEditorView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss z");
    private static final Duration TEST_RUN_LIMIT = Duration.ofMinutes(2);

    private final WorkflowStore workflows;
    private final LocalEngine engine;
    private final RunService runs;
    private final RunStore runStore;
    private final CredentialStore credentials;
    private final VaultCredentials vault;
    private final dev.switchboard.platform.governance.Publishing publishing;
    private final boolean isAdmin;
    private final boolean mayEdit;
    private final String user;
    private final NodeCanvas canvas = new NodeCanvas();
    private final TextField name = new TextField();
    private final Span saveStatus = new Span();
    private final Span runStatus = new Span();
    private final Span problemsSummary = new Span();
    private final Button undo = new Button("Undo");
    private final Button redo = new Button("Redo");
    private final Button testRun = new Button("Test run");
    private final Button testRunWithData = new Button("Run with data…");
    private final Button publish = new Button("Publish");
    private final Button versions = new Button("Versions");
    private final Checkbox active = new Checkbox("Active");
    private final Button export = new Button("Export");
    private final Button settings = new Button("Settings");
    private final ZoneId zone = ZoneId.systemDefault();
    private final String webhookBase;

    private StoredWorkflow stored;
    private DraftEditor editor;
    private List<Step> lastSteps = List.of();
    private List<Problem> problems = List.of();
    private long graphVersion;
    private Expressions expressions;

    public WorkflowEditorView(WorkflowStore workflows, LocalEngine engine, RunService runs, RunStore runStore,
            CredentialStore credentials, VaultCredentials vault, dev.switchboard.platform.governance.Publishing publishing,
            AuthenticationContext auth) {
        this.publishing = publishing;
        this.isAdmin = auth.hasRole("ADMIN");
        this.workflows = workflows;
        this.engine = engine;
        this.runs = runs;
        this.runStore = runStore;
        this.credentials = credentials;
        this.vault = vault;
        this.mayEdit = auth.hasAnyRole("ADMIN", "BUILDER");
        this.user = auth.getPrincipalName().orElse("unknown");
        this.webhookBase = baseUrl();
        setSizeFull();
        setPadding(false);
        setSpacing(false);

        name.setId("workflow-name");
        name.setReadOnly(!mayEdit);
        name.addValueChangeListener(e -> {
            if (e.isFromClient() && editor != null) {
                edit(() -> editor.rename(e.getValue()));
            }
        });
        saveStatus.setId("save-status");
        runStatus.setId("test-run-status");
        problemsSummary.setId("problems");
        problemsSummary.getStyle().set("color", "var(--lumo-error-text-color)");
        undo.setId("undo");
        undo.addClickListener(e -> edit(() -> editor.undo()));
        redo.setId("redo");
        redo.addClickListener(e -> edit(() -> editor.redo()));
        testRun.setId("test-run");
        testRun.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        testRun.addClickListener(e -> testRun());
        testRunWithData.setId("test-run-data");
        testRunWithData.addClickListener(e -> new SampleDataDialog(this::testRun).open());
        publish.setId("publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.addClickListener(e -> new PublishDialog(this::publish).open());
        versions.setId("versions");
        versions.addClickListener(e -> openVersions());
        active.setId("active");
        active.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                setActive(e.getValue());
            }
        });
        export.setId("export");
        export.addClickListener(e -> new ExportDialog(stored.name(), editor.draft()).open());
        settings.setId("workflow-settings");
        settings.addClickListener(e -> new WorkflowSettingsDialog(editor.draft(), !mayEdit,
                change -> edit(() -> editor.change(change))).open());
        for (var b : List.of(undo, redo, testRun, testRunWithData, publish)) {
            b.setVisible(mayEdit);
        }
        active.setReadOnly(!mayEdit);

        HorizontalLayout bar = new HorizontalLayout(name, saveStatus, undo, redo, testRun, testRunWithData, publish, versions,
                active, settings, export);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWidthFull();
        bar.setPadding(true);
        bar.expand(saveStatus);
        bar.getStyle().set("flex-wrap", "wrap");
        saveStatus.getStyle().set("white-space", "nowrap");
        HorizontalLayout status = new HorizontalLayout(runStatus, problemsSummary);
        status.getStyle().set("padding", "0 var(--lumo-space-m)");
        canvas.setSizeFull();
        canvas.setPalette(palette());
        canvas.addEditListener(this::onCanvasEdit);
        add(bar, status, canvas);
        expand(canvas);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        var found = workflows.get(id).filter(w -> !w.deleted());
        if (found.isEmpty()) {
            removeAll();
            H2 missing = new H2("There is no workflow with id \"" + id + "\"");
            missing.setId("workflow-missing");
            add(missing);
            return;
        }
        load(found.get());
    }

    private void load(StoredWorkflow workflow) {
        stored = workflow;
        editor = new DraftEditor(workflow.draft(), engine.types());
        name.setValue(workflow.name());
        active.setValue(workflow.active());
        saveStatus.setText(mayEdit ? "All changes saved" : "Read only: your role may look, not edit");
        refresh();
    }

    private List<NodeCanvas.PaletteEntry> palette() {
        List<NodeCanvas.PaletteEntry> entries = new ArrayList<>();
        engine.types().all().stream()
                .map(NodeType::descriptor)
                .sorted(Comparator.comparing((dev.switchboard.platform.node.NodeDescriptor d) -> d.category().ordinal())
                        .thenComparing(d -> d.displayName().toLowerCase()))
                .forEach(d -> entries.add(new NodeCanvas.PaletteEntry(d.type(), d.displayName(), category(d.category()),
                        d.description())));
        return entries;
    }

    static String category(NodeCategory c) {
        return switch (c) {
            case TRIGGER -> "Triggers";
            case FLOW -> "Flow";
            case TRANSFORM -> "Transform";
            case CONNECTOR -> "Connectors";
            case AI -> "AI";
            case APPROVAL -> "Approval";
            case CANVAS -> "Notes";
        };
    }

    private void onCanvasEdit(CanvasEdit edit) {
        if (editor == null) {
            return;
        }
        if (edit instanceof CanvasEdit.Open open) {
            editor.nodeById(open.id()).ifPresent(this::openPanel);
            return;
        }
        if (!mayEdit) {
            refresh();
            return;
        }
        edit(() -> editor.apply(edit));
    }

    /** Makes a change, saves the draft when it changed, and redraws; an edit that cannot be made is explained. */
    private void edit(java.util.function.BooleanSupplier change) {
        if (!mayEdit) {
            return;
        }
        try {
            if (change.getAsBoolean()) {
                save();
            }
        } catch (DraftEditor.EditException e) {
            warn(e.getMessage());
        }
        refresh();
    }

    private void save() {
        try {
            stored = workflows.updateDraft(stored.id(), editor.draft(), stored.revision());
            saveStatus.setText("Saved at " + TIME.format(stored.updatedAt().atZone(zone)));
        } catch (WorkflowStore.ConcurrentEditException e) {
            saveStatus.setText("Not saved: someone else changed this workflow. Reload the page to see their version.");
            warn("Not saved: someone else changed \"" + stored.name() + "\" meanwhile; reload to see it");
        }
    }

    private void refresh() {
        problems = engine.validate(editor.draft());
        Map<String, CanvasGraph.Marks> marks = marks();
        canvas.setGraph(CanvasGraph.of(editor.draft(), engine.types(), marks, !mayEdit, ++graphVersion));
        undo.setEnabled(editor.canUndo());
        redo.setEnabled(editor.canRedo());
        long errors = problems.stream().filter(Problem::isError).count();
        problemsSummary.setText(errors == 0 ? "" : errors + (errors == 1 ? " problem: " : " problems, first: ")
                + problems.stream().filter(Problem::isError).findFirst().map(Problem::toString).orElse(""));
    }

    private Map<String, CanvasGraph.Marks> marks() {
        Map<String, Step> last = lastStepByNode();
        Map<String, List<String>> byNode = new LinkedHashMap<>();
        for (Problem p : problems) {
            if (p.node() != null && p.isError()) {
                byNode.computeIfAbsent(p.node(), k -> new ArrayList<>())
                        .add((p.field() == null ? "" : p.field() + ": ") + p.message());
            }
        }
        Map<String, CanvasGraph.Marks> marks = new LinkedHashMap<>();
        for (WorkflowNode n : editor.draft().nodes()) {
            marks.put(n.name(), CanvasGraph.Marks.of(last.get(n.name()), byNode.getOrDefault(n.name(), List.of())));
        }
        return marks;
    }

    private Map<String, Step> lastStepByNode() {
        Map<String, Step> last = new LinkedHashMap<>();
        lastSteps.forEach(s -> last.put(s.node(), s));
        return last;
    }

    private void openPanel(WorkflowNode node) {
        NodeType type = engine.types().find(node.type()).orElse(null);
        Step step = lastStepByNode().get(node.name());
        List<Item> input = step == null || step.inputs() == null || step.inputs().isEmpty() || step.inputs().get(0) == null
                ? List.of() : step.inputs().get(0);
        NodePanel.Context context = new NodePanel.Context(type, !mayEdit, step, editor.draft().pinData().get(node.name()),
                expression -> preview(node, input, expression), this::credentialsOfType,
                type != null && type.descriptor().type().equals("switchboard.webhook") ? webhookBase : null,
                mayEdit && type != null && !type.descriptor().isTrigger() ? () -> testRunUpTo(node.name()) : null);
        new NodePanel(node, context, (oldName, updated) -> edit(() -> editor.replaceNode(oldName, updated)),
                (nodeName, items) -> edit(() -> editor.pin(nodeName, items))).open();
    }

    /** What an expression gives on the first input item of the last test run, or why it cannot be evaluated. */
    String preview(WorkflowNode node, List<Item> input, String expression) {
        if (expressions == null) {
            expressions = new Expressions(engine.javaScript());
        }
        try {
            Object result = expressions.evaluate(expression,
                    new PreviewData(editor.draft(), node, lastSteps, input, 0, zone));
            String text = result == null ? "null" : result instanceof String s ? s : Json.write(result);
            return (input.isEmpty() ? "Result (no input yet; run the workflow to preview with data): " : "Result: ") + text;
        } catch (RuntimeException e) {
            return "Error: " + e.getMessage();
        }
    }

    private List<Credential> credentialsOfType(String type) {
        Page<Credential> page = credentials.list(null, type, new Page.Request(0, 200));
        return page.items();
    }

    /** Runs the saved draft from its manual trigger and shows each node's outcome. */
    void testRun() {
        testRun(List.of());
    }

    /**
     * Runs the saved draft from its trigger with these items (none: what the trigger gives by itself) and
     * shows each node's outcome. The run is stored like any other, so it is in the run list.
     */
    void testRun(List<Item> items) {
        if (!mayEdit || !validForRun()) {
            return;
        }
        try {
            var outcome = runs.runNow(stored, 0, null, items, "manual", TEST_RUN_LIMIT);
            lastSteps = runStore.steps(outcome.run().id());
            var finished = runStore.get(outcome.run().id()).orElse(outcome.run());
            showOutcome(finished.status(), finished.error());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            warn("The test run could not start: " + e.getMessage());
        }
        refresh();
    }

    /**
     * Runs the draft only as far as {@code nodeName} (n8n's "execute up to here"), with pinned data standing
     * in for its nodes. A preview: the steps are shown here and not kept in the run history.
     */
    void testRunUpTo(String nodeName) {
        if (!mayEdit || !validForRun()) {
            return;
        }
        RunRequest request = RunRequest.builder("preview-" + java.util.UUID.randomUUID(), editor.draft())
                .destinationNode(nodeName).usePinData(true).mode("manual").inlineWaitMillis(5_000)
                .publicUrl(webhookBase).credentials(vault).build();
        InMemoryRunJournal journal = new InMemoryRunJournal();
        var result = engine.run(request, journal);
        lastSteps = journal.steps(request.runId());
        showOutcome(result.status(), result.error());
        refresh();
    }

    private boolean validForRun() {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            warn("Fix " + errors.size() + (errors.size() == 1 ? " problem" : " problems") + " first: " + errors.get(0));
            return false;
        }
        return true;
    }

    private void showOutcome(dev.switchboard.platform.run.RunStatus status, dev.switchboard.platform.run.StepError error) {
        runStatus.setText("Test run " + status.label() + ": " + lastSteps.size() + (lastSteps.size() == 1 ? " step" : " steps")
                + (error == null ? "" : " — " + error.describe()));
    }

    void publish(String note) {
        publish(note, null);
    }

    /**
     * Publishes through the governance rules: an invalid draft or a risky node reached around the approval
     * gate is refused with the reason; an admin may then override the policy with a reason (logged).
     */
    void publish(String note, String overrideReason) {
        try {
            var outcome = publishing.submit(stored.id(), user, isAdmin, note == null || note.isBlank() ? null : note.strip(),
                    overrideReason);
            stored = workflows.get(stored.id()).orElse(stored);
            String text = switch (outcome) {
                case dev.switchboard.platform.governance.Publishing.Outcome.Published p ->
                        "Published \"" + stored.name() + "\" as version " + p.version().version();
                case dev.switchboard.platform.governance.Publishing.Outcome.InReview r ->
                        "\"" + stored.name() + "\" needs a second pair of eyes: sent to " + r.request().reviewer() + " for review";
            };
            Notification n = Notification.show(text);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (dev.switchboard.platform.governance.PublishException.PolicyViolated e) {
            if (isAdmin && overrideReason == null) {
                new OverrideDialog(e, reason -> publish(note, reason)).open();
            } else {
                warn(e.getMessage());
            }
        } catch (dev.switchboard.platform.governance.PublishException e) {
            warn(e.getMessage());
        }
    }

    private void openVersions() {
        new VersionsDialog(workflows, stored.id(), mayEdit, version -> {
            publishing.rollback(stored.id(), version, user);
            stored = workflows.get(stored.id()).orElse(stored);
            Notification.show("Version " + version + " is live again, as version " + stored.publishedVersion());
        }).open();
    }

    void setActive(boolean on) {
        try {
            if (on && stored.publishedVersion() == null) {
                active.setValue(false);
                warn("Publish \"" + stored.name() + "\" first: only a published version can be active");
                return;
            }
            stored = workflows.setActive(stored.id(), on);
            active.setValue(stored.active());
            Notification.show("\"" + stored.name() + "\" is " + (on ? "active" : "inactive"));
        } catch (RuntimeException e) {
            active.setValue(stored.active());
            warn(e.getMessage());
        }
    }

    private static void warn(String message) {
        Notification n = Notification.show(message, 6_000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static String baseUrl() {
        if (VaadinServletRequest.getCurrent() instanceof VaadinServletRequest r) {
            var http = r.getHttpServletRequest();
            String scheme = http.getScheme();
            int port = http.getServerPort();
            boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + http.getServerName() + (defaultPort ? "" : ":" + port) + http.getContextPath();
        }
        return "http://localhost:8080";
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detachEvent) {
        if (expressions != null) {
            expressions.close();
            expressions = null;
        }
        super.onDetach(detachEvent);
    }

    // For browserless tests.
    NodeCanvas canvas() {
        return canvas;
    }

    DraftEditor editor() {
        return editor;
    }

    StoredWorkflow stored() {
        return stored;
    }

    List<Step> lastSteps() {
        return lastSteps;
    }
}
