package dev.switchboard.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import dev.switchboard.platform.incident.Incident;
import dev.switchboard.platform.incident.IncidentStatus;
import dev.switchboard.platform.incident.IncidentStore;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.server.RunService;
import dev.switchboard.platform.user.Role;
import dev.switchboard.platform.user.UserStore;
import dev.switchboard.platform.workflow.WorkflowJson;
import dev.switchboard.platform.workflow.WorkflowStore;

/** Incidents: a failed run of a workflow that asks for it opens one for its owner, who investigates and resolves it. */
class IncidentsViewTest extends UiTest {

    @Autowired
    WorkflowStore workflows;

    @Autowired
    RunService runs;

    @Autowired
    IncidentStore incidents;

    @Autowired
    UserStore users;

    @Test
    @SuppressWarnings("unchecked")
    void aFailedRunOpensAnIncidentForTheOwnerWhoResolvesItWithTheRootCause() throws Exception {
        String owner = "olga" + System.nanoTime() % 100000;
        var w = workflows.create(WorkflowJson.read("""
                {"name": "Nightly export %d", "owner": "%s", "settings": {"incidentOnFailure": true}, "nodes": [
                  {"id": "t", "name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"id": "s", "name": "Stop", "type": "n8n-nodes-base.stopAndError", "typeVersion": 1, "position": [200, 0],
                   "parameters": {"errorMessage": "the export folder is full"}}],
                 "connections": {"Start": {"main": [[{"node": "Stop", "type": "main", "index": 0}]]}}}
                """.formatted(System.nanoTime(), owner)));
        var run = runs.runNow(w, 0, null, List.<Item>of(), "manual", Duration.ofSeconds(30)).run();
        Incident opened = incidents.get(run.id() + ":run-failed").orElseThrow();
        assertThat(opened.owner()).isEqualTo(owner);
        assertThat(opened.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(opened.title()).contains("the export folder is full");

        signIn(users.create(owner, null, Set.of(Role.BUILDER), "a long password"));
        UI.getCurrent().navigate("incidents");
        IncidentsView view = _get(IncidentsView.class);
        enter(view.mine, true);
        assertThat(_size(view.grid())).isEqualTo(1);
        view.edit(_get(view.grid(), 0));
        Select<IncidentStatus> status = _get(Select.class, spec -> spec.withId("incident-status"));
        enter(status, IncidentStatus.RESOLVED);
        enter(_get(TextArea.class, spec -> spec.withId("incident-root-cause")), "old exports were never removed");
        enter(_get(TextArea.class, spec -> spec.withId("incident-resolution")), "a retention rule deletes them after 30 days");
        _click(_get(Button.class, spec -> spec.withId("incident-save")));

        Incident resolved = incidents.get(opened.id()).orElseThrow();
        assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.resolvedBy()).isEqualTo(owner);
        assertThat(resolved.resolvedAt()).isNotNull();
        assertThat(resolved.rootCause()).isEqualTo("old exports were never removed");
    }
}
