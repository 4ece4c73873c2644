package dev.switchboard.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.switchboard.platform.governance.AuditEntry;
import dev.switchboard.platform.governance.AuditLog;
import jakarta.annotation.security.RolesAllowed;

/** The audit log (admins): who did what, newest first, filtered by person, action, subject and days. */
@Route("audit")
@PageTitle("Audit log · Switchboard")
@RolesAllowed("ADMIN")
public class AuditView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    final TextField actor = new TextField("Who");
    final TextField action = new TextField("Action");
    final TextField subject = new TextField("Subject starts with");
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    private final Grid<AuditEntry> grid = new Grid<>();
    private final ZoneId zone = ZoneId.systemDefault();

    public AuditView(AuditLog audit) {
        setSizeFull();
        actor.setId("audit-actor");
        action.setId("audit-action");
        subject.setId("audit-subject");
        subject.setPlaceholder("workflow:, run:, credential:");
        from.setHelperText("days in " + zone.getId());
        for (TextField f : new TextField[] {actor, action, subject}) {
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.setClearButtonVisible(true);
            f.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        from.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        to.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        grid.setId("audit");
        grid.addColumn(e -> WHEN.format(e.at().atZone(zone))).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("Who");
        grid.addColumn(AuditEntry::action).setHeader("Action");
        grid.addColumn(AuditEntry::subject).setHeader("Subject");
        grid.addColumn(AuditEntry::summary).setHeader("What").setFlexGrow(3);
        grid.setItems(query -> Pages.fetch(query.getOffset(), query.getLimit(), request -> audit.list(filter(), request)));
        grid.setSizeFull();
        HorizontalLayout filters = new HorizontalLayout(actor, action, subject, from, to);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Audit log"), filters, grid);
    }

    AuditLog.Filter filter() {
        LocalDate last = to.getValue();
        return new AuditLog.Filter(actor.getValue().strip(), action.getValue().strip(), subject.getValue().strip(),
                from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    Grid<AuditEntry> grid() {
        return grid;
    }
}
