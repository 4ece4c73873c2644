package dev.switchboard.ui.editor;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;

import dev.switchboard.platform.governance.PublishException;

/** Shows an admin why the policy refuses a publish, and lets them override it with a reason (which is logged). */
final class OverrideDialog extends Dialog {

    OverrideDialog(PublishException.PolicyViolated refusal, Consumer<String> overrideWith) {
        setId("override-dialog");
        setHeaderTitle("The approval policy refuses this publish");
        UnorderedList list = new UnorderedList();
        refusal.violations().forEach(v -> list.add(new ListItem(v.describe())));
        TextArea reason = new TextArea("Reason for overriding (kept in the audit log)");
        reason.setId("override-reason");
        reason.setWidth("32em");
        add(new Paragraph("Add an approval node on each path, or publish anyway as an admin:"), list, reason);
        Button confirm = new Button("Publish anyway", e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage("Say why the policy does not apply here");
                return;
            }
            close();
            overrideWith.accept(reason.getValue());
        });
        confirm.setId("override-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }
}
