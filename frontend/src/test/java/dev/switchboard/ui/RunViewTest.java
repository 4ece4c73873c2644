package dev.switchboard.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.server.RunService;
import dev.switchboard.platform.user.Role;
import dev.switchboard.platform.user.UserStore;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.WorkflowJson;
import dev.switchboard.platform.workflow.WorkflowStore;

/** A run's page: the graph coloured by step status, the steps, and each step's items and error. */
class RunViewTest extends UiTest {

    @Autowired
    WorkflowStore workflows;

    @Autowired
    RunService service;

    @Autowired
    UserStore users;

    @Test
    void showsTheGraphByStepStatusAndTheItemsAndErrorOfEachStep() throws Exception {
        StoredWorkflow w = workflows.create(WorkflowJson.read("""
                {"name": "failing %d", "nodes": [
                  {"id": "t", "name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"id": "s", "name": "Add total", "type": "n8n-nodes-base.set", "typeVersion": 3.4, "position": [200, 0],
                   "parameters": {"assignments": {"assignments": [{"name": "total", "value": "={{ 2 * 21 }}", "type": "number"}]}}},
                  {"id": "f", "name": "Refuse", "type": "n8n-nodes-base.stopAndError", "typeVersion": 1, "position": [400, 0],
                   "parameters": {"errorMessage": "totals over 40 need a person"}}],
                 "connections": {"Start": {"main": [[{"node": "Add total", "type": "main", "index": 0}]]},
                                 "Add total": {"main": [[{"node": "Refuse", "type": "main", "index": 0}]]}}}
                """.formatted(System.nanoTime())));
        var run = service.runNow(w, 0, null, List.<Item>of(), "manual", Duration.ofSeconds(30)).run();
        signIn(users.create("vic-" + System.nanoTime() % 100000, null, Set.of(Role.VIEWER), "a long password"));

        UI.getCurrent().navigate("runs/" + run.id());
        RunView view = _get(RunView.class);

        assertThat(_get(Span.class, spec -> spec.withId("run-summary")).getText()).startsWith(RunStatus.FAILED.label());
        assertThat(_get(Span.class, spec -> spec.withId("run-error")).getText()).contains("Refuse", "totals over 40 need a person");
        assertThat(view.canvas().graph().readOnly()).isTrue();
        assertThat(view.canvas().graph().nodes()).extracting(n -> n.name() + "=" + n.status())
                .containsExactly("Start=success", "Add total=success", "Refuse=error");
        assertThat(view.canvas().graph().nodes().get(2).problems()).as("the failed node shows its message")
                .containsExactly("totals over 40 need a person");
        assertThat(_size(view.steps())).isEqualTo(3);
        assertThat(_find(Button.class, spec -> spec.withId("run-retry"))).as("a viewer does not retry").isEmpty();

        view.steps().select(_get(view.steps(), 1));
        assertThat(_get(Span.class, spec -> spec.withId("step-head")).getText()).startsWith("Add total: succeeded");
        assertThat(view.detail().getElement().getTextRecursively()).contains("42");
    }

    @Test
    void anUnknownRunSaysSo() {
        signIn(users.create("una-" + System.nanoTime() % 100000, null, Set.of(Role.VIEWER), "a long password"));
        UI.getCurrent().navigate("runs/nope");
        assertThat(_get(H2.class, spec -> spec.withId("run-missing")).getText()).contains("nope");
    }
}
