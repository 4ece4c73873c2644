package dev.switchboard.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;

import dev.switchboard.platform.user.Role;
import dev.switchboard.platform.user.UserStore;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowStore;

/**
 * The workflow list: every workflow, paged from the store, narrowed by the search field, with its
 * owner, last run and success rate; builders create, import, duplicate and delete.
 */
class WorkflowsViewTest extends UiTest {

    @Autowired
    WorkflowStore workflows;

    @Autowired
    UserStore users;

    @Test
    void listsTheWorkflowsAndSearchesThemByName() {
        String tag = "wf-" + System.nanoTime();
        for (int i = 0; i < 120; i++) {
            workflows.create(Workflow.of(tag + " invoice " + i, List.of(), dev.switchboard.platform.workflow.Connections.none()));
        }
        workflows.create(Workflow.of(tag + " payroll", List.of(), dev.switchboard.platform.workflow.Connections.none()));
        signIn(users.create("bea-" + System.nanoTime() % 100000, null, Set.of(Role.BUILDER), "a long password"));
        UI.getCurrent().navigate("workflows");

        @SuppressWarnings("unchecked")
        Grid<StoredWorkflow> grid = _get(Grid.class, spec -> spec.withId("workflows"));
        enter(_get(TextField.class, spec -> spec.withId("workflow-search")), tag);
        assertThat(_size(grid)).as("all 121, fetched page by page").isEqualTo(121);

        enter(_get(TextField.class, spec -> spec.withId("workflow-search")), tag + " payroll");
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(_get(grid, 0).name()).isEqualTo(tag + " payroll");
    }

    @Autowired
    dev.switchboard.platform.run.RunStore runs;

    @Test
    void showsOwnerLastRunAndTheSuccessRateOfTheLastSevenDays() {
        signIn(users.create("olga-" + System.nanoTime() % 100000, null, Set.of(Role.BUILDER), "a long password"));
        String tag = "rated-" + System.nanoTime();
        UI.getCurrent().navigate("workflows");
        WorkflowsView view = _get(WorkflowsView.class);
        StoredWorkflow w = view.importWorkflow(Workflow.of(tag, List.of(), dev.switchboard.platform.workflow.Connections.none()));
        java.time.Instant now = java.time.Instant.now();
        int[] i = {0};
        for (var status : List.of(dev.switchboard.platform.run.RunStatus.SUCCEEDED, dev.switchboard.platform.run.RunStatus.SUCCEEDED,
                dev.switchboard.platform.run.RunStatus.SUCCEEDED, dev.switchboard.platform.run.RunStatus.FAILED)) {
            java.time.Instant at = now.minusSeconds(60 - i[0]++);
            runs.create(new dev.switchboard.platform.run.RunRecord(dev.switchboard.platform.run.RunIds.next(), w.id(), 1,
                    w.name(), "trigger", null, null, List.of(), status, null, at, at, at.plusMillis(5), null, null, null));
        }
        java.time.Instant old = now.minus(java.time.Duration.ofDays(9));
        runs.create(new dev.switchboard.platform.run.RunRecord("0" + dev.switchboard.platform.run.RunIds.next().substring(1), w.id(), 1,
                w.name(), "trigger", null, null, List.of(), dev.switchboard.platform.run.RunStatus.FAILED, null, old, old,
                old.plusMillis(5), null, null, null));

        UI.getCurrent().navigate("workflows");
        view = _get(WorkflowsView.class);
        enter(view.search(), tag);
        StoredWorkflow row = _get(view.grid(), 0);
        assertThat(WorkflowsView.owner(row)).startsWith("olga-");
        assertThat(view.figures(row).last().status()).isEqualTo(dev.switchboard.platform.run.RunStatus.FAILED);
        assertThat(view.figures(row).successRate()).as("3 of the 4 runs of the last 7 days; the older failure is left out")
                .isEqualTo("75% of 4");
    }

    @Test
    void buildersCreateDuplicateAndDeleteAfterConfirming() {
        signIn(users.create("carl-" + System.nanoTime() % 100000, null, Set.of(Role.BUILDER), "a long password"));
        UI.getCurrent().navigate("workflows");
        WorkflowsView view = _get(WorkflowsView.class);

        StoredWorkflow created = view.create();
        assertThat(created.name()).startsWith("My workflow");
        StoredWorkflow copy = view.duplicate(created);
        assertThat(copy.name()).isEqualTo(created.name() + " (copy)");
        assertThat(WorkflowsView.owner(copy)).startsWith("carl-");

        view.confirmDelete(copy);
        com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        assertThat(workflows.get(copy.id()).orElseThrow().deleted()).as("nothing happens before confirming").isFalse();
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(confirm);
        assertThat(workflows.get(copy.id()).orElseThrow().deleted()).isTrue();
    }

    @Test
    void importRefusesTextThatIsNotAWorkflowAndStoresOneThatIs() {
        signIn(users.create("ivy-" + System.nanoTime() % 100000, null, Set.of(Role.BUILDER), "a long password"));
        UI.getCurrent().navigate("workflows");
        com.github.mvysny.kaributesting.v10.LocatorJ._click(_get(com.vaadin.flow.component.button.Button.class,
                spec -> spec.withId("import-workflow")));
        ImportDialog dialog = _get(ImportDialog.class);

        dialog.importText("{ not json");
        assertThat(dialog.errorText()).startsWith("Not an n8n workflow:");
        assertThat(dialog.isOpened()).isTrue();

        String name = "imported " + System.nanoTime();
        dialog.importText("""
                {"name": "%s", "nodes": [{"id": "1", "name": "Start", "type": "n8n-nodes-base.manualTrigger",
                  "typeVersion": 1, "position": [0, 0], "parameters": {}}], "connections": {}}
                """.formatted(name));
        assertThat(dialog.isOpened()).isFalse();
        var stored = workflows.list(name, new dev.switchboard.platform.paging.Page.Request(0, 5)).items();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).draft().nodes()).hasSize(1);
        assertThat(_get(dev.switchboard.ui.editor.WorkflowEditorView.class)).as("the editor opens on it").isNotNull();
    }
}
