package dev.switchboard.ui.editor;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import dev.switchboard.platform.run.StepStatus;
import dev.switchboard.platform.user.Role;
import dev.switchboard.platform.user.UserStore;
import dev.switchboard.platform.workflow.Connection;
import dev.switchboard.platform.workflow.Connections;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowNode;
import dev.switchboard.platform.workflow.WorkflowStore;
import dev.switchboard.ui.UiTest;

/**
 * The editor without a browser: what the canvas reports is applied and saved at once, the node panel
 * configures a node (with an expression previewed on the last run's input), a test run marks the nodes,
 * and publishing makes a version. A viewer only looks.
 */
class WorkflowEditorViewTest extends UiTest {

    @Autowired
    WorkflowStore workflows;

    @Autowired
    UserStore users;

    private StoredWorkflow empty(String name) {
        return workflows.create(new Workflow(null, name + " " + System.nanoTime(), List.of(), Connections.none(), null,
                null, null));
    }

    private WorkflowEditorView open(StoredWorkflow w) {
        UI.getCurrent().navigate("workflows/" + w.id());
        return _get(WorkflowEditorView.class);
    }

    private void signInAs(Role role) {
        signIn(users.create(role.id() + "-" + System.nanoTime() % 1_000_000, null, Set.of(role), "a long password"));
    }

    private static String idOf(WorkflowEditorView view, String name) {
        return view.editor().draft().node(name).orElseThrow().id();
    }

    @Test
    void aBuilderBuildsConfiguresRunsAndPublishesAWorkflow() {
        signInAs(Role.BUILDER);
        StoredWorkflow stored = empty("greeting");
        WorkflowEditorView view = open(stored);
        NodeCanvas canvas = view.canvas();

        canvas.edit(new CanvasEdit.Add("switchboard.manualTrigger", 0, 0));
        canvas.edit(new CanvasEdit.Add("switchboard.set", 250, 0));
        canvas.edit(new CanvasEdit.Add("switchboard.if", 500, 0));
        canvas.edit(new CanvasEdit.Connect(new CanvasGraph.Edge(idOf(view, "Manual Trigger"), 0, idOf(view, "Edit Fields (Set)"), 0)));
        canvas.edit(new CanvasEdit.Connect(new CanvasGraph.Edge(idOf(view, "Edit Fields (Set)"), 0, idOf(view, "If"), 0)));

        Workflow saved = workflows.get(stored.id()).orElseThrow().draft();
        assertThat(saved.nodes()).as("saved on every change").hasSize(3);
        assertThat(saved.connections().all()).containsExactly(
                new Connection("Manual Trigger", "main", 0, "Edit Fields (Set)", 0),
                new Connection("Edit Fields (Set)", "main", 0, "If", 0));
        assertThat(canvas.graph().nodes()).hasSize(3);
        assertThat(canvas.graph().edges()).hasSize(2);
        assertThat(_get(TextField.class, spec -> spec.withId("workflow-name")).getValue()).isEqualTo(stored.name());

        // Pin what the trigger gives, so the test run has a name to greet.
        view.editor().pin("Manual Trigger", List.of(Map.of("json", Map.of("name", "Ada"))));

        canvas.edit(new CanvasEdit.Open(idOf(view, "Edit Fields (Set)")));
        NodePanel panel = _get(NodePanel.class);
        _click(_get(Button.class, spec -> spec.withId("rows-assignments-add")));
        enter(_get(TextField.class, spec -> spec.withId("rows-assignments-0-name")), "greeting");
        enter(_get(TextField.class, spec -> spec.withId("rows-assignments-0-value")), "={{ 'Hello ' + $json.name }}");
        enter(_get(TextField.class, spec -> spec.withId("rows-assignments-0-type")), "string");
        _click(_get(Button.class, spec -> spec.withId("node-done")));
        assertThat(panel.isOpened()).isFalse();
        assertThat(view.editor().draft().node("Edit Fields (Set)").orElseThrow().parameters().get("assignments"))
                .isEqualTo(Map.of("assignments", List.of(Map.of("name", "greeting",
                        "value", "={{ 'Hello ' + $json.name }}", "type", "string"))));

        _click(_get(Button.class, spec -> spec.withId("test-run")));

        assertThat(view.lastSteps()).extracting(s -> s.node() + " " + s.status())
                .containsExactly("Manual Trigger " + StepStatus.SUCCEEDED, "Edit Fields (Set) " + StepStatus.SUCCEEDED,
                        "If " + StepStatus.SUCCEEDED);
        var setNode = canvas.graph().nodes().stream().filter(n -> n.name().equals("Edit Fields (Set)")).findFirst().orElseThrow();
        assertThat(setNode.status()).isEqualTo("success");
        assertThat(setNode.items()).isEqualTo("1 item");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("test-run-status")).getText())
                .startsWith("Test run succeeded");

        // The panel shows the output of the run, and an expression is previewed on the input item.
        canvas.edit(new CanvasEdit.Open(idOf(view, "Edit Fields (Set)")));
        NodePanel again = _get(NodePanel.class);
        _get(com.vaadin.flow.component.tabs.TabSheet.class).setSelectedIndex(3);
        ItemsView output = _get(ItemsView.class, spec -> spec.withId("node-output"));
        assertThat(output.countText()).isEqualTo("1 item");
        assertThat(output.jsonText()).contains("\"greeting\" : \"Hello Ada\"");
        _get(com.vaadin.flow.component.tabs.TabSheet.class).setSelectedIndex(0);
        @SuppressWarnings("unchecked")
        ComboBox<String> mode = _get(ComboBox.class, spec -> spec.withId("param-mode-value"));
        enter(mode, "raw");
        ParameterField json = again.field("jsonOutput");
        assertThat(json.isVisible()).as("shown once the mode is raw").isTrue();
        _click(_get(Button.class, spec -> spec.withId("param-jsonOutput-mode")));
        enter(_get(TextArea.class, spec -> spec.withId("param-jsonOutput-expression")), "{{ $json.name.toUpperCase() }}");
        assertThat(json.previewText()).isEqualTo("Result: ADA");
        enter(_get(TextArea.class, spec -> spec.withId("param-jsonOutput-expression")), "{{ $json.name.nope() }}");
        assertThat(json.previewText()).startsWith("Error:");
        again.close();

        _click(_get(Button.class, spec -> spec.withId("publish")));
        enter(_get(TextArea.class, spec -> spec.withId("publish-note")), "first greeting");
        _click(_get(Button.class, spec -> spec.withId("publish-confirm")));
        var versions = workflows.versions(stored.id());
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).note()).isEqualTo("first greeting");
        assertThat(versions.get(0).author()).startsWith("builder-");
        assertThat(versions.get(0).workflow().nodes()).hasSize(3);
    }

    @Test
    void undoAndRedoFromTheToolbarAreSavedToo() {
        signInAs(Role.ADMIN);
        StoredWorkflow stored = empty("undo");
        WorkflowEditorView view = open(stored);
        view.canvas().edit(new CanvasEdit.Add("switchboard.noOp", 0, 0));

        _click(_get(Button.class, spec -> spec.withId("undo")));
        assertThat(workflows.get(stored.id()).orElseThrow().draft().nodes()).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("redo")));
        assertThat(workflows.get(stored.id()).orElseThrow().draft().nodes()).hasSize(1);
    }

    @Test
    void problemsTheValidatorFindsAreShownOnTheNodesTheyName() {
        signInAs(Role.BUILDER);
        WorkflowEditorView view = open(empty("invalid"));
        view.canvas().edit(new CanvasEdit.Add("switchboard.webhook", 0, 0));

        var webhook = view.canvas().graph().nodes().get(0);
        assertThat(webhook.problems()).anySatisfy(p -> assertThat(p).contains("path"));
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("problems")).getText())
                .contains("Webhook");

        _click(_get(Button.class, spec -> spec.withId("test-run")));
        assertThat(view.lastSteps()).as("an invalid workflow does not run").isEmpty();
    }

    @Test
    void aViewerSeesTheWorkflowButCannotChangeIt() {
        StoredWorkflow stored = empty("look only");
        signInAs(Role.VIEWER);
        WorkflowEditorView view = open(stored);

        assertThat(view.canvas().graph().readOnly()).isTrue();
        view.canvas().edit(new CanvasEdit.Add("switchboard.noOp", 0, 0));
        assertThat(workflows.get(stored.id()).orElseThrow().draft().nodes()).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("publish"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("test-run"))).isEmpty();
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("save-status")).getText())
                .startsWith("Read only");
    }

    @Test
    void anUnknownWorkflowIdSaysSo() {
        signInAs(Role.BUILDER);
        UI.getCurrent().navigate("workflows/no-such-id");
        assertThat(_get(H2.class, spec -> spec.withId("workflow-missing")).getText()).contains("no-such-id");
        assertThat(_find(NodePanel.class)).isEmpty();
    }

    @Test
    void aTestRunTakesSampleDataAndAnotherRunsOnlyUpToTheChosenNode() {
        signInAs(Role.BUILDER);
        StoredWorkflow stored = empty("sample");
        WorkflowEditorView view = open(stored);
        view.canvas().edit(new CanvasEdit.Add("switchboard.manualTrigger", 0, 0));
        view.canvas().edit(new CanvasEdit.Add("switchboard.noOp", 250, 0));
        view.canvas().edit(new CanvasEdit.Add("switchboard.noOp", 500, 0));
        view.canvas().edit(new CanvasEdit.Connect(new CanvasGraph.Edge(idOf(view, "Manual Trigger"), 0, idOf(view, "No Operation"), 0)));
        view.canvas().edit(new CanvasEdit.Connect(new CanvasGraph.Edge(idOf(view, "No Operation"), 0, idOf(view, "No Operation1"), 0)));

        _click(_get(Button.class, spec -> spec.withId("test-run-data")));
        enter(_get(TextArea.class, spec -> spec.withId("sample-data")), "[{\"name\": \"Ada\"}, {\"name\": \"Grace\"}]");
        _click(_get(Button.class, spec -> spec.withId("sample-data-run")));
        var last = view.lastSteps().get(view.lastSteps().size() - 1);
        assertThat(last.node()).isEqualTo("No Operation1");
        assertThat(last.outputs().get(0)).extracting(i -> i.json().get("name")).containsExactly("Ada", "Grace");

        view.canvas().edit(new CanvasEdit.Open(idOf(view, "No Operation")));
        _click(_get(Button.class, spec -> spec.withId("node-run-to")));
        assertThat(view.lastSteps()).extracting(s -> s.node()).containsExactly("Manual Trigger", "No Operation");
        assertThat(view.canvas().graph().nodes().get(2).status()).as("not reached").isNull();
    }

    @Test
    void sampleDataMustBeJsonObjects() {
        assertThat(SampleDataDialog.items("{\"a\": 1}")).hasSize(1);
        assertThat(SampleDataDialog.items("[{\"json\": {\"a\": 2}}]").get(0).json()).containsEntry("a", 2L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SampleDataDialog.items("[1]"))
                .hasMessageContaining("must be a JSON object");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SampleDataDialog.items("[{"))
                .hasMessageStartingWith("Not valid JSON");
    }

    @Test
    void versionsAreComparedSideBySideAndAnEarlierOneIsRolledBack() {
        signInAs(Role.BUILDER);
        StoredWorkflow stored = empty("versions");
        WorkflowEditorView view = open(stored);
        view.canvas().edit(new CanvasEdit.Add("switchboard.manualTrigger", 0, 0));
        view.publish("one node");
        view.canvas().edit(new CanvasEdit.Add("switchboard.noOp", 250, 0));
        view.publish("two nodes");

        _click(_get(Button.class, spec -> spec.withId("versions")));
        VersionsDialog dialog = _get(VersionsDialog.class);
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("versions-summary")).getText())
                .as("the newest against the one before").startsWith("v1 → v2:").contains("lines differ");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<dev.switchboard.platform.workflow.WorkflowVersion> list =
                _get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("versions-grid"));
        list.select(com.github.mvysny.kaributesting.v10.GridKt._get(list, 1));
        _click(_get(Button.class, spec -> spec.withId("rollback")));

        assertThat(dialog.isOpened()).isFalse();
        var versions = workflows.versions(stored.id());
        assertThat(versions).hasSize(3);
        assertThat(versions.get(2).workflow().nodes()).as("v3 is v1 again").hasSize(1);
        assertThat(workflows.get(stored.id()).orElseThrow().publishedVersion()).isEqualTo(3);
    }

    @Test
    void onlyAPublishedWorkflowIsActivatedAndWebhookNodesShowTheirUrls() {
        signInAs(Role.BUILDER);
        StoredWorkflow stored = empty("hook");
        WorkflowEditorView view = open(stored);
        view.canvas().edit(new CanvasEdit.Add("switchboard.webhook", 0, 0));
        WorkflowNode hook = view.editor().draft().nodes().get(0);
        view.editor().replaceNode(hook.name(), new WorkflowNode(hook.id(), hook.name(), hook.type(), hook.typeVersion(), 0, 0,
                Map.of("path", "orders-in"), null, false, null, false, 3, 1000, null, false, false, null));
        view.canvas().edit(new CanvasEdit.Move(List.of(new CanvasEdit.Position(hook.id(), 10, 10))));

        com.vaadin.flow.component.checkbox.Checkbox active = _get(com.vaadin.flow.component.checkbox.Checkbox.class,
                spec -> spec.withId("active"));
        view.setActive(true);
        assertThat(workflows.get(stored.id()).orElseThrow().active()).as("nothing published yet").isFalse();
        assertThat(active.getValue()).isFalse();
        view.publish(null);
        view.setActive(true);
        assertThat(workflows.get(stored.id()).orElseThrow().active()).isTrue();

        view.canvas().edit(new CanvasEdit.Open(hook.id()));
        assertThat(_get(TextField.class, spec -> spec.withId("webhook-url")).getValue()).endsWith("/webhook/orders-in");
        assertThat(_get(TextField.class, spec -> spec.withId("webhook-test-url")).getValue()).endsWith("/webhook-test/orders-in");
        assertThat(_get(Button.class, spec -> spec.withId("webhook-url-copy"))).isNotNull();
    }

    @Autowired
    dev.switchboard.platform.governance.PolicyStore policies;

    @Test
    void aBuilderIsRefusedAPublishAroundTheGateAndAnAdminMayOverrideWithAReason() {
        policies.set(new dev.switchboard.platform.governance.Policy(Set.of("external-write")));
        try {
            signInAs(Role.BUILDER);
            StoredWorkflow stored = empty("risky");
            WorkflowEditorView view = open(stored);
            view.canvas().edit(new CanvasEdit.Add("switchboard.manualTrigger", 0, 0));
            view.canvas().edit(new CanvasEdit.Add("switchboard.httpRequest", 250, 0));
            WorkflowNode http = view.editor().draft().node("HTTP Request").orElseThrow();
            view.editor().replaceNode("HTTP Request", new WorkflowNode(http.id(), "Pay supplier", http.type(), http.typeVersion(),
                    250, 0, Map.of("method", "POST", "url", "http://127.0.0.1:9/pay"), null, false, null, false, 3, 1000, null,
                    false, false, null));
            view.canvas().edit(new CanvasEdit.Connect(new CanvasGraph.Edge(idOf(view, "Manual Trigger"), 0, idOf(view, "Pay supplier"), 0)));

            view.publish("go");
            assertThat(workflows.versions(stored.id())).as("refused for a builder").isEmpty();
            assertThat(_find(OverrideDialog.class)).isEmpty();

            signInAs(Role.ADMIN);
            WorkflowEditorView asAdmin = open(stored);
            asAdmin.publish("go");
            assertThat(workflows.versions(stored.id())).isEmpty();
            _get(OverrideDialog.class);
            enter(_get(TextArea.class, spec -> spec.withId("override-reason")), "a one-off payment the owner agreed to");
            _click(_get(Button.class, spec -> spec.withId("override-confirm")));
            assertThat(workflows.versions(stored.id())).hasSize(1);
        } finally {
            policies.set(dev.switchboard.platform.governance.Policy.none());
        }
    }

    @Test
    void theSettingsDialogSetsTheOwnerAndTheRollbackAndIncidentRules() {
        signInAs(Role.BUILDER);
        StoredWorkflow stored = empty("settings");
        open(stored);
        _click(_get(Button.class, spec -> spec.withId("workflow-settings")));
        enter(_get(TextField.class, spec -> spec.withId("settings-owner")), "olga");
        enter(_get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("settings-rollback-on-failure")), true);
        enter(_get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("settings-incident-on-failure")), true);
        _click(_get(Button.class, spec -> spec.withId("settings-save")));

        var draft = workflows.get(stored.id()).orElseThrow().draft();
        assertThat(draft.extra()).containsEntry("owner", "olga");
        assertThat(draft.settings()).containsEntry("rollbackOnFailure", true).containsEntry("incidentOnFailure", true)
                .containsEntry("rollbackOnRejection", false);
    }

    @Test
    void codeIsEditedInACodeEditorAndAnUndoScriptIsOneToo() {
        signInAs(Role.BUILDER);
        WorkflowEditorView view = open(empty("code"));
        view.canvas().edit(new CanvasEdit.Add("switchboard.code", 0, 0));
        view.canvas().edit(new CanvasEdit.Open(idOf(view, "Code")));
        CodeEditor code = _get(CodeEditor.class, spec -> spec.withId("param-jsCode-value"));
        assertThat(code.getValue()).contains("myNewField");
        enter(code, "return [{json: {ok: true}}];");
        enter(_get(CodeEditor.class, spec -> spec.withId("param-compensationCode-value")), "return [];");
        _click(_get(Button.class, spec -> spec.withId("node-done")));

        var params = view.editor().draft().node("Code").orElseThrow().parameters();
        assertThat(params).containsEntry("jsCode", "return [{json: {ok: true}}];").containsEntry("compensationCode", "return [];");
    }
}
