package dev.switchboard.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import dev.switchboard.platform.api.ApiKeys;
import dev.switchboard.platform.credential.Credential;
import dev.switchboard.platform.credential.CredentialStore;
import dev.switchboard.platform.node.CredentialType;
import dev.switchboard.platform.user.Role;
import dev.switchboard.platform.user.UserStore;
import dev.switchboard.platform.workflow.WorkflowJson;
import dev.switchboard.platform.workflow.WorkflowStore;

/**
 * The admin views: credentials (write-only secrets, uses, deleting in use only after seeing them) and API
 * keys (shown once, revoked); other roles are told "Not allowed".
 */
class AdminViewsTest extends UiTest {

    @Autowired
    UserStore users;

    @Autowired
    CredentialStore credentials;

    @Autowired
    WorkflowStore workflows;

    @Autowired
    ApiKeys apiKeys;

    private void signInAs(Role role) {
        signIn(users.create(role.id() + "-" + System.nanoTime() % 1_000_000, null, Set.of(role), "a long password"));
    }

    @Test
    void anAdminCreatesACredentialFromItsTypesFormAndItsSecretNeverReachesTheBrowser() {
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate("credentials");
        CredentialsView view = _get(CredentialsView.class);
        String name = "Shop API " + System.nanoTime();

        _click(_get(Button.class, spec -> spec.withId("new-credential")));
        @SuppressWarnings("unchecked")
        ComboBox<CredentialType> type = _get(ComboBox.class, spec -> spec.withId("credential-type"));
        enter(type, type.getListDataView().getItems().filter(t -> t.name().equals("httpHeaderAuth")).findFirst().orElseThrow());
        enter(_get(TextField.class, spec -> spec.withId("credential-field-name")), "X-Api-Key");
        _click(_get(Button.class, spec -> spec.withId("credential-save")));
        assertThat(_get(Span.class, spec -> spec.withId("credential-error")).getText()).isEqualTo("Name is required");
        enter(_get(TextField.class, spec -> spec.withId("credential-name")), name);
        enter(_get(PasswordField.class, spec -> spec.withId("credential-field-value")), "very-secret-value");
        _click(_get(Button.class, spec -> spec.withId("credential-save")));

        Credential stored = credentials.list(name, null, new dev.switchboard.platform.paging.Page.Request(0, 5)).items().get(0);
        assertThat(credentials.decrypt(stored.id())).containsEntry("name", "X-Api-Key").containsEntry("value", "very-secret-value");

        // Opened again: the secret field is empty, and saving without typing keeps the stored secret.
        view.edit(stored);
        assertThat(_get(PasswordField.class, spec -> spec.withId("credential-field-value")).getValue()).isEmpty();
        assertThat(texts(UI.getCurrent())).doesNotContain("very-secret-value");
        enter(_get(TextField.class, spec -> spec.withId("credential-field-name")), "X-Shop-Key");
        _click(_get(Button.class, spec -> spec.withId("credential-save")));
        assertThat(credentials.decrypt(stored.id())).containsEntry("name", "X-Shop-Key").containsEntry("value", "very-secret-value");
    }

    @Test
    void deletingACredentialInUseShowsTheWorkflowsFirst() {
        signInAs(Role.ADMIN);
        Credential key = credentials.create("Mail " + System.nanoTime(), "httpHeaderAuth", Map.of("name", "K", "value", "v"));
        String workflowName = "uses mail " + System.nanoTime();
        workflows.create(WorkflowJson.read("""
                {"name": "%s", "nodes": [{"id": "1", "name": "Call", "type": "n8n-nodes-base.httpRequest", "typeVersion": 4.2,
                  "position": [0, 0], "parameters": {"url": "http://127.0.0.1:9/x"},
                  "credentials": {"httpHeaderAuth": {"id": "%s", "name": "%s"}}}], "connections": {}}
                """.formatted(workflowName, key.id(), key.name())));
        UI.getCurrent().navigate("credentials");
        CredentialsView view = _get(CredentialsView.class);

        view.edit(key);
        assertThat(_get(Span.class, spec -> spec.withId("credential-used-by")).getText()).contains(workflowName);
        _click(_get(Button.class, spec -> spec.withId("credential-delete")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt.getText(confirm)).contains(workflowName);
        assertThat(credentials.get(key.id())).as("nothing deleted before confirming").isPresent();
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(confirm);
        assertThat(credentials.get(key.id())).isEmpty();
    }

    @Test
    void anApiKeyIsShownOnceWhenMadeListedByFingerprintAndRevoked() {
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate("api-keys");
        ApiKeysView view = _get(ApiKeysView.class);
        enter(view.label(), "accounting export");

        String key = view.make();
        assertThat(_get(TextField.class, spec -> spec.withId("api-key-value")).getValue()).isEqualTo(key);
        assertThat(apiKeys.accepts(key)).isTrue();
        ApiKeys.ApiKey listed = _get(view.grid(), 0);
        assertThat(listed.label()).isEqualTo("accounting export");
        assertThat(listed.createdBy()).startsWith("admin-");
        assertThat(key).doesNotContain(listed.fingerprint());

        int before = _size(view.grid());
        view.revoke(listed);
        assertThat(apiKeys.accepts(key)).isFalse();
        assertThat(_size(view.grid())).isEqualTo(before - 1);
    }

    @Test
    void buildersAndViewersAreNotAllowedInTheAdminViews() {
        for (Role role : List.of(Role.BUILDER, Role.VIEWER, Role.APPROVER)) {
            signInAs(role);
            for (String route : List.of("credentials", "api-keys", "users", "ai")) {
                UI.getCurrent().navigate(route);
                assertThat(_get(H2.class, spec -> spec.withId("not-allowed")).getText()).as(role + " on " + route)
                        .isEqualTo("Not allowed");
                assertThat(_find(CredentialsView.class)).isEmpty();
            }
        }
    }

    @Autowired
    dev.switchboard.platform.governance.AuditLog audit;

    @Autowired
    dev.switchboard.platform.governance.PolicyStore policies;

    @Test
    void anAdminSetsThePolicyAndReadsItInTheAuditLogWithTheSignIns() {
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate("policy");
        PolicyView policy = _get(PolicyView.class);
        enter(policy.tags(), new java.util.LinkedHashSet<>(List.of("payment", "legal")));
        _click(_get(Button.class, spec -> spec.withId("policy-save")));
        assertThat(policies.get().approvalRequiredFor()).containsExactlyInAnyOrder("payment", "legal");

        UI.getCurrent().navigate("audit");
        AuditView view = _get(AuditView.class);
        enter(view.action, "policy changed");
        dev.switchboard.platform.governance.AuditEntry newest = _get(view.grid(), 0);
        assertThat(newest.actor()).startsWith("admin-");
        assertThat(newest.summary()).isEqualTo("approval required for: legal, payment");
        policies.set(dev.switchboard.platform.governance.Policy.none());
    }

    @Autowired
    dev.switchboard.platform.ai.ModelPriceStore prices;

    @Autowired
    dev.switchboard.platform.approval.AiReviewService aiReviews;

    @Test
    void anAdminEditsTheModelPricesAndSeesTheAcceptRatesOfAiNodes() {
        aiReviews.sampled(new dev.switchboard.platform.run.RunServices.RunReview("run-ui-" + System.nanoTime(), "wf-ui",
                "Ticket sorting", "Classify", "switchboard.aiClassify", 1, List.of(),
                new dev.switchboard.platform.node.ReviewSample(0, "refund please", java.util.Map.of("categories",
                        List.of("refund")), 0.9)));
        var review = aiReviews.list(null, null, List.of(), "wf-ui", new dev.switchboard.platform.paging.Page.Request(0, 1))
                .items().get(0);
        aiReviews.accept(review.id(), "root", List.of("admin"), null);

        signInAs(Role.ADMIN);
        UI.getCurrent().navigate("ai");
        AiView view = _get(AiView.class);
        int before = view.rows().size();
        assertThat(before).as("the default prices").isGreaterThan(0);
        _click(_get(Button.class, spec -> spec.withId("model-price-add")));
        AiView.PriceRow added = view.rows().get(before);
        enter(added.model, "llama3.2");
        enter(added.input, 0.05);
        enter(added.output, 0.1);
        _click(_get(Button.class, spec -> spec.withId("model-prices-save")));
        assertThat(prices.table().priceOf("llama3.2:latest")).map(p -> p.outputPerMillion()).contains(0.1);

        enter(added.model, "gpt-4o");
        _click(_get(Button.class, spec -> spec.withId("model-prices-save")));
        assertThat(prices.table().priceOf("llama3.2")).as("a model priced twice is refused, nothing saved").isPresent();

        assertThat(_size(view.rates())).isGreaterThanOrEqualTo(1);
        var rate = java.util.stream.IntStream.range(0, _size(view.rates())).mapToObj(i -> _get(view.rates(), i))
                .filter(r -> r.workflowId().equals("wf-ui")).findFirst().orElseThrow();
        assertThat(rate.accepted()).isEqualTo(1);
        assertThat(rate.rate()).isEqualTo(1.0);
        prices.save(dev.switchboard.platform.ai.ModelPriceTable.defaults());
    }

    /** Every text and value in the UI's component tree. */
    private static String texts(Component root) {
        StringBuilder sb = new StringBuilder(root.getElement().getTextRecursively());
        root.getChildren().forEach(c -> {
            if (c instanceof com.vaadin.flow.component.HasValue<?, ?> v && v.getValue() != null) {
                sb.append(' ').append(v.getValue());
            }
            sb.append(' ').append(texts(c));
        });
        return sb.toString();
    }
}
