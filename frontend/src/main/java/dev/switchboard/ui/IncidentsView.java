package dev.switchboard.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import dev.switchboard.platform.governance.AuditLog;
import dev.switchboard.platform.incident.Incident;
import dev.switchboard.platform.incident.IncidentStatus;
import dev.switchboard.platform.incident.IncidentStore;
import jakarta.annotation.security.PermitAll;

/**
 * Incidents: failed runs (when their workflow asks for it) and rollbacks that need attention, newest first,
 * filtered by status and owner. Builders and admins move one from open to investigating to resolved and
 * write the root cause and the resolution; resolving records who and when.
 */
@Route("incidents")
@PageTitle("Incidents · Switchboard")
@PermitAll
public class IncidentsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final IncidentStore incidents;
    private final AuditLog audit;
    private final String user;
    private final boolean mayEdit;
    final ComboBox<IncidentStatus> status = new ComboBox<>("Status");
    final Checkbox mine = new Checkbox("Only mine");
    private final Grid<Incident> grid = new Grid<>();
    private final ZoneId zone = ZoneId.systemDefault();

    public IncidentsView(IncidentStore incidents, AuditLog audit, AuthenticationContext auth) {
        this.incidents = incidents;
        this.audit = audit;
        this.user = auth.getPrincipalName().orElse("unknown");
        this.mayEdit = auth.hasAnyRole("ADMIN", "BUILDER");
        setSizeFull();
        status.setId("incident-status-filter");
        status.setItems(IncidentStatus.values());
        status.setItemLabelGenerator(IncidentStatus::label);
        status.setClearButtonVisible(true);
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        mine.setId("incident-mine");
        mine.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        grid.setId("incidents");
        grid.addColumn(i -> WHEN.format(i.openedAt().atZone(zone))).setHeader("Opened").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.status().label()).setHeader("Status");
        grid.addColumn(Incident::workflowName).setHeader("Workflow");
        grid.addColumn(Incident::title).setHeader("What happened").setFlexGrow(3);
        grid.addColumn(Incident::owner).setHeader("Owner");
        grid.addColumn(i -> i.resolvedBy() == null ? "" : i.resolvedBy() + ", " + WHEN.format(i.resolvedAt().atZone(zone)))
                .setHeader("Resolved");
        grid.setItems(query -> Pages.fetch(query.getOffset(), query.getLimit(),
                request -> incidents.list(status.getValue(), mine.getValue() ? user : null, request)));
        grid.addItemClickListener(e -> edit(e.getItem()));
        grid.setSizeFull();
        HorizontalLayout filters = new HorizontalLayout(status, mine);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Incidents"), filters, grid);
    }

    /** Opens an incident to read, and (builders and admins) to move on and annotate. */
    Dialog edit(Incident incident) {
        Dialog dialog = new Dialog();
        dialog.setId("incident-dialog");
        dialog.setHeaderTitle(incident.title());
        dialog.setWidth("min(640px, 95vw)");
        Select<IncidentStatus> state = new Select<>();
        state.setLabel("Status");
        state.setId("incident-status");
        state.setItems(IncidentStatus.values());
        state.setItemLabelGenerator(IncidentStatus::label);
        state.setValue(incident.status());
        TextArea rootCause = new TextArea("Root cause");
        rootCause.setId("incident-root-cause");
        rootCause.setValue(incident.rootCause() == null ? "" : incident.rootCause());
        rootCause.setWidthFull();
        TextArea resolution = new TextArea("Resolution");
        resolution.setId("incident-resolution");
        resolution.setValue(incident.resolution() == null ? "" : incident.resolution());
        resolution.setWidthFull();
        for (var f : new com.vaadin.flow.component.HasValue<?, ?>[] {state, rootCause, resolution}) {
            f.setReadOnly(!mayEdit);
        }
        Button run = new Button("Open the run", e -> {
            dialog.close();
            UI.getCurrent().navigate("runs/" + incident.runId());
        });
        run.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        dialog.add(new Span("Workflow \"" + incident.workflowName() + "\", owner " + (incident.owner().isBlank() ? "none"
                : incident.owner())), run, state, rootCause, resolution);
        Button save = new Button("Save", e -> {
            Incident saved = incidents.update(incident.id(), state.getValue(), rootCause.getValue(), resolution.getValue(), user);
            if (saved.status() != incident.status()) {
                audit.record(user, "incident " + saved.status().label(), "incident:" + saved.id(), saved.title(),
                        Map.of("rootCause", saved.rootCause() == null ? "" : saved.rootCause(), "resolution",
                                saved.resolution() == null ? "" : saved.resolution()));
            }
            Notification.show("Incident " + saved.status().label());
            dialog.close();
            grid.getDataProvider().refreshAll();
        });
        save.setId("incident-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(mayEdit);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()), save);
        dialog.open();
        return dialog;
    }

    Grid<Incident> grid() {
        return grid;
    }
}
