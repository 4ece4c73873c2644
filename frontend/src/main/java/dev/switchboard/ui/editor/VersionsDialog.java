package dev.switchboard.ui.editor;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;

import dev.switchboard.platform.workflow.WorkflowJson;
import dev.switchboard.platform.workflow.WorkflowStore;
import dev.switchboard.platform.workflow.WorkflowVersion;

/**
 * The published versions of a workflow, newest first; selecting one shows it side by side with
 * another (the one before it unless chosen), and builders can make it live again (rollback).
 */
final class VersionsDialog extends Dialog {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final Grid<WorkflowVersion> list = new Grid<>();
    private final Select<WorkflowVersion> against = new Select<>();
    private final Grid<JsonDiff.Row> diff = new Grid<>();
    private final Span summary = new Span();
    private final Button rollback = new Button("Roll back to this version");

    VersionsDialog(WorkflowStore workflows, String workflowId, boolean mayRollback, IntConsumer onRollback) {
        setId("versions-dialog");
        setHeaderTitle("Versions");
        setWidth("min(1200px, 95vw)");
        setHeight("85vh");
        List<WorkflowVersion> versions = new ArrayList<>(workflows.versions(workflowId));
        java.util.Collections.reverse(versions);
        ZoneId zone = ZoneId.systemDefault();

        list.setId("versions-grid");
        list.addThemeVariants(GridVariant.LUMO_COMPACT);
        list.addColumn(v -> "v" + v.version()).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        list.addColumn(WorkflowVersion::author).setHeader("By");
        list.addColumn(v -> WHEN.format(v.publishedAt().atZone(zone))).setHeader("Published").setAutoWidth(true);
        list.addColumn(v -> v.note() == null ? "" : v.note()).setHeader("Note").setFlexGrow(3);
        list.setItems(versions);
        list.setHeight("30%");

        against.setId("versions-against");
        against.setLabel("Compare with");
        against.setItems(versions);
        against.setItemLabelGenerator(v -> "v" + v.version());
        summary.setId("versions-summary");
        rollback.setId("rollback");
        rollback.addThemeVariants(ButtonVariant.LUMO_ERROR);
        rollback.setVisible(mayRollback);
        rollback.setEnabled(false);
        rollback.addClickListener(e -> list.getSelectedItems().stream().findFirst().ifPresent(v -> {
            onRollback.accept(v.version());
            close();
        }));

        diff.setId("versions-diff");
        diff.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_ROW_BORDERS);
        diff.addColumn(r -> r.left() == null ? "" : r.left()).setHeader("Compared with");
        diff.addColumn(r -> r.right() == null ? "" : r.right()).setHeader("Selected version");
        diff.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-xs)");
        diff.setPartNameGenerator(r -> r.kind() == JsonDiff.Kind.SAME ? null : "diff-" + r.kind().name().toLowerCase());
        diff.setHeight("55%");

        list.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(v -> {
            rollback.setEnabled(true);
            int at = versions.indexOf(v);
            against.setValue(at + 1 < versions.size() ? versions.get(at + 1) : v);
            show();
        }));
        against.addValueChangeListener(e -> show());
        HorizontalLayout controls = new HorizontalLayout(against, summary, rollback);
        controls.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(list, controls, diff);
        getFooter().add(new Button("Close", e -> close()));
        if (!versions.isEmpty()) {
            list.select(versions.get(0));
        } else {
            summary.setText("Nothing published yet");
        }
    }

    private void show() {
        var selected = list.getSelectedItems().stream().findFirst();
        if (selected.isEmpty() || against.getValue() == null) {
            return;
        }
        List<JsonDiff.Row> rows = JsonDiff.of(WorkflowJson.write(against.getValue().workflow()),
                WorkflowJson.write(selected.get().workflow()));
        long changed = rows.stream().filter(r -> r.kind() != JsonDiff.Kind.SAME).count();
        summary.setText("v" + against.getValue().version() + " → v" + selected.get().version() + ": "
                + (changed == 0 ? "no differences" : changed + (changed == 1 ? " line differs" : " lines differ")));
        diff.setItems(rows);
    }
}
