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

/** The workflow list: every workflow, paged from the store, narrowed by the search field. */
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
}
