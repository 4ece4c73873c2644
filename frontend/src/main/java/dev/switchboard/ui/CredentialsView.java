package dev.switchboard.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.switchboard.platform.credential.Credential;
import dev.switchboard.platform.credential.CredentialException;
import dev.switchboard.platform.credential.CredentialStore;
import dev.switchboard.platform.credential.CredentialTester;
import dev.switchboard.platform.credential.CredentialTypes;
import dev.switchboard.platform.credential.CredentialUpdate;
import dev.switchboard.platform.credential.CredentialUsage;
import dev.switchboard.platform.node.CredentialType;
import jakarta.annotation.security.RolesAllowed;

/**
 * Credentials (admins only): the list, searched and paged; a form per credential type to create and
 * change one, whose secret fields are write-only; testing a connection; which workflows use one; and
 * deleting, which a credential in use survives unless the admin insists after seeing the list.
 */
@Route("credentials")
@PageTitle("Credentials · Switchboard")
@RolesAllowed("ADMIN")
public class CredentialsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final CredentialStore store;
    private final CredentialTypes types;
    private final CredentialUsage usage;
    private final CredentialTester tester;
    private final Grid<Credential> grid = new Grid<>();
    private final TextField search = new TextField();

    private final dev.switchboard.platform.governance.AuditLog audit;
    private final String user;

    public CredentialsView(CredentialStore store, CredentialTypes types, CredentialUsage usage, CredentialTester tester,
            dev.switchboard.platform.governance.AuditLog audit, com.vaadin.flow.spring.security.AuthenticationContext auth) {
        this.audit = audit;
        this.user = auth.getPrincipalName().orElse("unknown");
        this.store = store;
        this.types = types;
        this.usage = usage;
        this.tester = tester;
        setSizeFull();
        ZoneId zone = ZoneId.systemDefault();
        search.setId("credential-search");
        search.setPlaceholder("Search by name");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        grid.setId("credentials");
        grid.addColumn(Credential::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(c -> types.find(c.type()).map(CredentialType::displayName).orElse(c.type())).setHeader("Type");
        grid.addColumn(c -> WHEN.format(c.updatedAt().atZone(zone))).setHeader("Changed").setAutoWidth(true);
        grid.addItemClickListener(e -> edit(e.getItem()));
        grid.setItems(query -> Pages.fetch(query.getOffset(), query.getLimit(),
                request -> store.list(search.getValue(), null, request)));
        grid.setSizeFull();
        Button create = new Button("New credential", e -> create());
        create.setId("new-credential");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(search, create);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Credentials"), bar, grid);
    }

    /** Opens the dialog for a new credential: first its type, then its form. */
    Dialog create() {
        Dialog dialog = new Dialog();
        dialog.setId("credential-dialog");
        dialog.setHeaderTitle("New credential");
        dialog.setWidth("min(640px, 95vw)");
        ComboBox<CredentialType> type = new ComboBox<>("Type");
        type.setId("credential-type");
        type.setItems(types.all().stream().sorted(Comparator.comparing(CredentialType::displayName)).toList());
        type.setItemLabelGenerator(CredentialType::displayName);
        type.setWidthFull();
        TextField name = new TextField("Name");
        name.setId("credential-name");
        name.setWidthFull();
        Div formBox = new Div();
        Span error = errorLine();
        CredentialForm[] form = {null};
        type.addValueChangeListener(e -> {
            formBox.removeAll();
            form[0] = e.getValue() == null ? null : new CredentialForm(e.getValue(), null);
            if (form[0] != null) {
                formBox.add(form[0]);
            }
        });
        dialog.add(type, name, formBox, error);
        Button save = new Button("Save", e -> {
            try {
                if (type.getValue() == null || form[0] == null) {
                    throw new IllegalArgumentException("Choose the type of the credential");
                }
                if (name.getValue().isBlank()) {
                    throw new IllegalArgumentException("Name is required");
                }
                Credential made = store.create(name.getValue().strip(), type.getValue().name(), form[0].data(true));
                audit.record(user, "credential created", "credential:" + made.id(), "\"" + made.name() + "\" ("
                        + made.type() + ")", Map.of());
                Notification.show("Saved \"" + made.name() + "\"");
                dialog.close();
                grid.getDataProvider().refreshAll();
            } catch (IllegalArgumentException | CredentialException ex) {
                error.setText(ex.getMessage());
            }
        });
        save.setId("credential-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        return dialog;
    }

    /** Opens a stored credential: its form without secrets, a connection test, its uses, and deleting. */
    Dialog edit(Credential credential) {
        CredentialType type = types.find(credential.type()).orElse(CredentialType.of(credential.type(), credential.type()));
        Map<String, Object> stored = new LinkedHashMap<>(store.decrypt(credential.id()));
        stored.keySet().removeAll(types.secretFields(credential.type(), stored));
        Dialog dialog = new Dialog();
        dialog.setId("credential-dialog");
        dialog.setHeaderTitle(credential.name() + " · " + type.displayName());
        dialog.setWidth("min(640px, 95vw)");
        TextField name = new TextField("Name");
        name.setId("credential-name");
        name.setValue(credential.name());
        name.setWidthFull();
        CredentialForm form = new CredentialForm(type, stored);
        Span error = errorLine();
        Span testResult = new Span();
        testResult.setId("credential-test-result");
        List<CredentialUsage.WorkflowUse> uses = usage.of(credential);
        Span usedBy = new Span(uses.isEmpty() ? "No workflow uses it." : "Used by: " + describe(uses));
        usedBy.setId("credential-used-by");
        dialog.add(name, form, usedBy, testResult, error);

        Button test = new Button("Test connection", e -> {
            CredentialTester.Result result = tester.test(credential, store.decrypt(credential.id()), null);
            testResult.setText(switch (result.outcome()) {
                case OK -> "Connection works: ";
                case FAILED -> "Connection failed: ";
                case UNTESTABLE -> "Not testable: ";
            } + result.message());
        });
        test.setId("credential-test");
        Button delete = new Button("Delete", e -> confirmDelete(credential, dialog));
        delete.setId("credential-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button save = new Button("Save", e -> {
            try {
                store.update(credential.id(), new CredentialUpdate(name.getValue().strip(), null, form.data(false)));
                audit.record(user, "credential changed", "credential:" + credential.id(), "\"" + name.getValue().strip()
                        + "\"", Map.of());
                Notification.show("Saved \"" + name.getValue().strip() + "\"");
                dialog.close();
                grid.getDataProvider().refreshAll();
            } catch (IllegalArgumentException | CredentialException ex) {
                error.setText(ex.getMessage());
            }
        });
        save.setId("credential-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(delete, test, new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        return dialog;
    }

    void confirmDelete(Credential credential, Dialog owner) {
        List<CredentialUsage.WorkflowUse> uses = usage.of(credential);
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-credential-delete");
        confirm.setHeader("Delete \"" + credential.name() + "\"?");
        confirm.setText(uses.isEmpty() ? "No workflow uses it."
                : "These workflows use it and will fail where they need it: " + describe(uses) + ".");
        confirm.setConfirmText(uses.isEmpty() ? "Delete" : "Delete anyway");
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.addConfirmListener(e -> {
            store.delete(credential.id());
            audit.record(user, "credential deleted", "credential:" + credential.id(), "\"" + credential.name() + "\""
                    + (uses.isEmpty() ? "" : " (in use by " + uses.size() + " workflow" + (uses.size() == 1 ? ")" : "s)")), Map.of());
            Notification.show("Deleted \"" + credential.name() + "\"");
            owner.close();
            grid.getDataProvider().refreshAll();
        });
        confirm.open();
    }

    private static String describe(List<CredentialUsage.WorkflowUse> uses) {
        return String.join(", ", uses.stream().map(u -> "\"" + u.workflowName() + "\"" + (u.active() ? " (active)" : ""))
                .toList());
    }

    private static Span errorLine() {
        Span error = new Span();
        error.setId("credential-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        return error;
    }

    Grid<Credential> grid() {
        return grid;
    }
}
