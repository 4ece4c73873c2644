package dev.switchboard.ui;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import dev.switchboard.platform.governance.AuditLog;
import dev.switchboard.platform.governance.Policy;
import dev.switchboard.platform.governance.PolicyStore;
import jakarta.annotation.security.RolesAllowed;

/** The approval policy (admins): which risk tags need an approval node upstream before a workflow can be published. */
@Route("policy")
@PageTitle("Approval policy · Switchboard")
@RolesAllowed("ADMIN")
public class PolicyView extends VerticalLayout {

    private final CheckboxGroup<String> tags = new CheckboxGroup<>("Risky actions that need an approval upstream");

    public PolicyView(PolicyStore policies, AuditLog audit, AuthenticationContext auth) {
        String user = auth.getPrincipalName().orElse("unknown");
        tags.setId("policy-tags");
        tags.setItems(Policy.RISK_TAGS);
        tags.setValue(new LinkedHashSet<>(policies.get().approvalRequiredFor()));
        Button save = new Button("Save", e -> {
            Policy before = policies.get();
            Policy policy = new Policy(tags.getValue());
            policies.set(policy);
            audit.record(user, "policy changed", "policy", "approval required for: "
                    + (policy.approvalRequiredFor().isEmpty() ? "nothing" : String.join(", ", policy.approvalRequiredFor())),
                    Map.of("before", List.copyOf(before.approvalRequiredFor()), "after", List.copyOf(policy.approvalRequiredFor())));
            Notification.show("Policy saved");
        });
        save.setId("policy-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Approval policy"), new Paragraph("A workflow in which some path from a trigger reaches a node with one "
                + "of these tags without passing an approval node cannot be published. An admin may override, with a "
                + "reason that the audit log keeps."), tags, save);
    }

    CheckboxGroup<String> tags() {
        return tags;
    }
}
