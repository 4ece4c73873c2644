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
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextArea;

import dev.switchboard.platform.approval.ApprovalService;
import dev.switchboard.platform.approval.ApprovalStatus;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.server.RunService;
import dev.switchboard.platform.user.Role;
import dev.switchboard.platform.user.UserStore;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.WorkflowJson;
import dev.switchboard.platform.workflow.WorkflowStore;

/** The approval inbox: only what the signed-in person may decide, and deciding resumes the run. */
class InboxViewTest extends UiTest {

    @Autowired
    WorkflowStore workflows;

    @Autowired
    RunService runs;

    @Autowired
    ApprovalService approvals;

    @Autowired
    UserStore users;

    private RunRecord waitingRun(String roles) throws Exception {
        StoredWorkflow w = workflows.create(WorkflowJson.read("""
                {"name": "Discount %d", "nodes": [
                  {"id": "t", "name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"id": "a", "name": "Check discount", "type": "switchboard.approval", "typeVersion": 1, "position": [200, 0],
                   "parameters": {"message": "=Give {{ $json.percent }}%% off?", "approverRoles": %s,
                                  "fields": {"fields": [{"name": "customer", "value": "={{ $json.customer }}"}]}}},
                  {"id": "d", "name": "Done", "type": "n8n-nodes-base.noOp", "typeVersion": 1, "position": [400, 0], "parameters": {}}],
                 "connections": {"Start": {"main": [[{"node": "Check discount", "type": "main", "index": 0}]]},
                   "Check discount": {"main": [[{"node": "Done", "type": "main", "index": 0}]]}}}
                """.formatted(System.nanoTime(), roles)));
        RunRecord run = runs.runNow(w, 0, null, List.of(Item.of(java.util.Map.of("percent", 15, "customer", "Ada"))),
                "manual", Duration.ofSeconds(30)).run();
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (approvals.get(run.id() + ":1").isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        return run;
    }

    private void signInAs(Role role) {
        signIn(users.create(role.id() + "-" + System.nanoTime() % 1_000_000, null, Set.of(role), "a long password"));
    }

    @Test
    void anApproverSeesTheRequestWithItsContextAndApprovingResumesTheRun() throws Exception {
        RunRecord run = waitingRun("[\"approver\"]");
        signInAs(Role.APPROVER);
        UI.getCurrent().navigate("inbox");
        InboxView view = _get(InboxView.class);
        var mine = view.grid();
        int rows = _size(mine);
        assertThat(rows).isGreaterThanOrEqualTo(1);
        var request = java.util.stream.IntStream.range(0, rows).mapToObj(i -> _get(mine, i))
                .filter(r -> r.runId().equals(run.id())).findFirst().orElseThrow();

        mine.select(request);
        assertThat(_get(H3.class, spec -> spec.withId("approval-message")).getText()).isEqualTo("Give 15% off?");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("approval-fields")).getElement()
                .getTextRecursively()).contains("customer", "Ada");
        enter(_get(TextArea.class, spec -> spec.withId("approval-comment")), "loyal customer");
        _click(_get(Button.class, spec -> spec.withId("approve")));

        var decided = approvals.get(request.id()).orElseThrow();
        assertThat(decided.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(decided.decision().by()).startsWith("approver-");
        assertThat(decided.decision().comment()).isEqualTo("loyal customer");
        assertThat(runs.await(run.id(), Duration.ofSeconds(30)).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(_size(view.grid())).isEqualTo(rows - 1);
    }

    @Test
    void eachSeesOnlyWhatTheyMayDecideAndARequestNamingNobodyIsForAdmins() throws Exception {
        RunRecord forApprovers = waitingRun("[\"approver\"]");
        RunRecord forAdmins = waitingRun("[]");
        assertThat(inboxOf(Role.BUILDER)).doesNotContain(forApprovers.id(), forAdmins.id());
        assertThat(inboxOf(Role.APPROVER)).contains(forApprovers.id()).doesNotContain(forAdmins.id());
        assertThat(inboxOf(Role.ADMIN)).as("an admin holds every role").contains(forApprovers.id(), forAdmins.id());
    }

    @Autowired
    dev.switchboard.platform.approval.AiReviewService aiReviews;

    @Test
    void aReviewerAcceptsOrCorrectsSampledAiAnswersWhileOthersDoNotSeeThem() {
        var user = users.create("rita-" + System.nanoTime() % 1_000_000, null, Set.of(Role.BUILDER), "a long password");
        signIn(user);
        String reviewer = user.username();
        String run = "run-inbox-" + System.nanoTime();
        for (int item = 0; item < 2; item++) {
            aiReviews.sampled(new dev.switchboard.platform.run.RunServices.RunReview(run, "wf-inbox", "Ticket sorting",
                    "Classify", "switchboard.aiClassify", 1, List.of(reviewer),
                    new dev.switchboard.platform.node.ReviewSample(item, "ticket " + item,
                            java.util.Map.of("categories", List.of("sales")), 0.8)));
        }
        UI.getCurrent().navigate("inbox");
        InboxView view = _get(InboxView.class);
        assertThat(_size(view.samples())).isEqualTo(2);

        view.samples().select(_get(view.samples(), 0));
        _click(_get(Button.class, spec -> spec.withId("ai-review-accept")));
        assertThat(_size(view.samples())).isEqualTo(1);

        view.samples().select(_get(view.samples(), 0));
        enter(_get(TextArea.class, spec -> spec.withId("ai-review-answer")), "{\"categories\": [\"billing\"]}");
        _click(_get(Button.class, spec -> spec.withId("ai-review-correct")));
        assertThat(_size(view.samples())).isZero();
        var rates = aiReviews.acceptRates("wf-inbox");
        assertThat(rates).hasSize(1);
        assertThat(rates.get(0).accepted()).isEqualTo(1);
        assertThat(rates.get(0).corrected()).isEqualTo(1);
        assertThat(aiReviews.list(null, null, List.of(), "wf-inbox", new dev.switchboard.platform.paging.Page.Request(0, 10))
                .items()).anySatisfy(r -> assertThat(r.correction()).isEqualTo(java.util.Map.of("categories", List.of("billing"))));

        signInAs(Role.BUILDER);
        UI.getCurrent().navigate("inbox");
        assertThat(_size(_get(InboxView.class).samples())).as("another builder").isZero();
    }

    private List<String> inboxOf(Role role) {
        signInAs(role);
        UI.getCurrent().navigate("inbox");
        InboxView view = _get(InboxView.class);
        return java.util.stream.IntStream.range(0, _size(view.grid())).mapToObj(i -> _get(view.grid(), i).runId()).toList();
    }
}
