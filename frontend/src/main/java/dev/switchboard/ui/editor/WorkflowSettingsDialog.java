package dev.switchboard.ui.editor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;

import dev.switchboard.platform.workflow.Workflow;

/**
 * A workflow's governance settings: its owner (incidents are assigned to them), its reviewer and whether
 * publishing needs the reviewer's approval, and whether a failed run
 * or a rejected approval rolls the run back, and whether a failed run opens an incident.
 */
final class WorkflowSettingsDialog extends Dialog {

    static final String OWNER = "owner";

    WorkflowSettingsDialog(Workflow workflow, boolean readOnly, java.util.function.Consumer<UnaryOperator<Workflow>> save) {
        setId("workflow-settings-dialog");
        setHeaderTitle("Settings of \"" + workflow.name() + "\"");
        TextField owner = new TextField("Owner (user name)");
        owner.setId("settings-owner");
        owner.setValue(workflow.extra().get(OWNER) instanceof String s ? s : "");
        owner.setWidthFull();
        TextField reviewer = new TextField("Reviewer (user name)");
        reviewer.setId("settings-reviewer");
        reviewer.setValue(workflow.extra().get("reviewer") instanceof String s ? s : "");
        reviewer.setWidthFull();
        Checkbox review = checkbox("Publishing needs the reviewer's approval (four eyes)", workflow, "requiresReview",
                "settings-requires-review");
        Checkbox onFailure = checkbox("Roll back when a run fails", workflow, "rollbackOnFailure", "settings-rollback-on-failure");
        Checkbox onRejection = checkbox("Roll back when an approval is rejected", workflow, "rollbackOnRejection",
                "settings-rollback-on-rejection");
        Checkbox incident = checkbox("Open an incident when a run fails", workflow, "incidentOnFailure",
                "settings-incident-on-failure");
        for (var f : new com.vaadin.flow.component.HasValue<?, ?>[] {owner, reviewer, review, onFailure, onRejection, incident}) {
            f.setReadOnly(readOnly);
        }
        add(owner, reviewer, review, onFailure, onRejection, incident);
        Button ok = new Button("Save", e -> {
            String ownerName = owner.getValue().strip();
            String reviewerName = reviewer.getValue().strip();
            boolean requiresReview = review.getValue();
            boolean failure = onFailure.getValue();
            boolean rejection = onRejection.getValue();
            boolean openIncident = incident.getValue();
            save.accept(w -> {
                Map<String, Object> settings = new LinkedHashMap<>(w.settings());
                settings.put("rollbackOnFailure", failure);
                settings.put("rollbackOnRejection", rejection);
                settings.put("incidentOnFailure", openIncident);
                settings.put("requiresReview", requiresReview);
                Map<String, Object> extra = new LinkedHashMap<>(w.extra());
                if (ownerName.isEmpty()) {
                    extra.remove(OWNER);
                } else {
                    extra.put(OWNER, ownerName);
                }
                if (reviewerName.isEmpty()) {
                    extra.remove("reviewer");
                } else {
                    extra.put("reviewer", reviewerName);
                }
                return new Workflow(w.id(), w.name(), w.nodes(), w.connections(), settings, w.pinData(), extra);
            });
            close();
        });
        ok.setId("settings-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.setVisible(!readOnly);
        getFooter().add(new Button("Cancel", e -> close()), ok);
    }

    private static Checkbox checkbox(String label, Workflow w, String setting, String id) {
        Checkbox c = new Checkbox(label, Boolean.TRUE.equals(w.settings().get(setting)));
        c.setId(id);
        return c;
    }
}
