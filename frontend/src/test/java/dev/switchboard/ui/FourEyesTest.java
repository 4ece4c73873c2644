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

import dev.switchboard.platform.governance.AuditLog;
import dev.switchboard.platform.governance.Publishing;
import dev.switchboard.platform.user.Role;
import dev.switchboard.platform.user.UserStore;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.WorkflowJson;
import dev.switchboard.platform.workflow.WorkflowStore;

/** Four eyes: a builder's publish of a workflow that requires review waits for its reviewer, who approves it in the inbox. */
class FourEyesTest extends UiTest {

    @Autowired
    WorkflowStore workflows;

    @Autowired
    UserStore users;

    @Autowired
    Publishing publishing;

    @Autowired
    AuditLog audit;

    private StoredWorkflow reviewed(String reviewer) {
        return workflows.create(WorkflowJson.read("""
                {"name": "Price list %d", "reviewer": "%s", "settings": {"requiresReview": true}, "nodes": [
                  {"id": "t", "name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}}],
                 "connections": {}}""".formatted(System.nanoTime(), reviewer)));
    }

    @Test
    void aBuildersPublishWaitsForTheReviewerWhoApprovesItInTheInbox() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        String reviewer = "rita" + suffix;
        users.create(reviewer, null, Set.of(Role.APPROVER), "a long password");
        StoredWorkflow w = reviewed(reviewer);
        signIn(users.create("bea" + suffix, null, Set.of(Role.BUILDER), "a long password"));
        UI.getCurrent().navigate("workflows/" + w.id());
        _get(dev.switchboard.ui.editor.WorkflowEditorView.class);
        com.github.mvysny.kaributesting.v10.LocatorJ._click(_get(com.vaadin.flow.component.button.Button.class,
                spec -> spec.withId("publish")));
        enter(_get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withId("publish-note")), "new prices");
        com.github.mvysny.kaributesting.v10.LocatorJ._click(_get(com.vaadin.flow.component.button.Button.class,
                spec -> spec.withId("publish-confirm")));
        assertThat(workflows.versions(w.id())).as("nothing live before the review").isEmpty();

        signIn(users.authenticate(reviewer, "a long password").orElseThrow());
        UI.getCurrent().navigate("inbox");
        InboxView inbox = _get(InboxView.class);
        int rows = _size(inbox.reviews());
        var request = java.util.stream.IntStream.range(0, rows).mapToObj(i -> _get(inbox.reviews(), i))
                .filter(r -> r.workflowId().equals(w.id())).findFirst().orElseThrow();
        inbox.review(request, true);

        var versions = workflows.versions(w.id());
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).author()).isEqualTo("bea" + suffix);
        assertThat(versions.get(0).note()).isEqualTo("new prices");
        assertThat(audit.list(new AuditLog.Filter(reviewer, "publish approved", "workflow:" + w.id(), null, null),
                new dev.switchboard.platform.paging.Page.Request(0, 5)).items()).hasSize(1);
    }

    @Test
    void aDraftChangedSinceTheRequestIsNotPublishedAndNobodyReviewsTheirOwn() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        StoredWorkflow w = reviewed("rex" + suffix);
        var request = ((Publishing.Outcome.InReview) publishing.submit(w.id(), "ben" + suffix, false, null, null)).request();
        workflows.updateDraft(w.id(), WorkflowJson.read("""
                {"name": "%s", "reviewer": "rex%s", "settings": {"requiresReview": true}, "nodes": [], "connections": {}}"""
                .formatted(w.name(), suffix)), null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> publishing.review(request.id(), "ben" + suffix, true, null))
                .hasMessageContaining("nobody reviews their own");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> publishing.review(request.id(), "rex" + suffix, true, null))
                .hasMessageContaining("changed since");
        assertThat(workflows.versions(w.id())).isEmpty();
        assertThat(publishing.review(request.id(), "rex" + suffix, false, "ask again").status()).isEqualTo("rejected");
        assertThat(List.of(publishing.submit(w.id(), "rex" + suffix, false, null, null)))
                .as("the reviewer's own publish goes live at once").first().isInstanceOf(Publishing.Outcome.Published.class);
    }
}
