package dev.switchboard.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import dev.switchboard.platform.api.ApiKeys;
import jakarta.annotation.security.RolesAllowed;

/**
 * API keys (admins only): the stored keys by label and fingerprint, a new key shown once when made,
 * and revoking. The keys themselves are stored only as hashes, so they cannot be shown again.
 */
@Route("api-keys")
@PageTitle("API keys · Switchboard")
@RolesAllowed("ADMIN")
public class ApiKeysView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final ApiKeys keys;
    private final String user;
    private final Grid<ApiKeys.ApiKey> grid = new Grid<>();
    private final TextField label = new TextField();

    public ApiKeysView(ApiKeys keys, AuthenticationContext auth) {
        this.keys = keys;
        this.user = auth.getPrincipalName().orElse("unknown");
        setSizeFull();
        ZoneId zone = ZoneId.systemDefault();
        grid.setId("api-keys");
        grid.addColumn(ApiKeys.ApiKey::label).setHeader("Label").setFlexGrow(2);
        grid.addColumn(ApiKeys.ApiKey::fingerprint).setHeader("Fingerprint");
        grid.addColumn(k -> k.createdBy() == null ? "" : k.createdBy()).setHeader("Made by");
        grid.addColumn(k -> k.createdAt() == null ? "" : WHEN.format(k.createdAt().atZone(zone))).setHeader("Made");
        grid.addComponentColumn(k -> {
            Button revoke = new Button("Revoke", e -> confirmRevoke(k));
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            return revoke;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> Pages.fetch(query.getOffset(), query.getLimit(), keys::list));
        grid.setSizeFull();

        label.setPlaceholder("What the key is for");
        label.setId("api-key-label");
        Button make = new Button("Make a key", e -> make());
        make.setId("make-api-key");
        make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(label, make);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("API keys"), new Paragraph("Scripts and other systems call the REST API with a key, sent as "
                + "\"Authorization: Bearer <key>\". A key is shown once, when it is made."), bar, grid);
    }

    /** Makes a key and shows it once; returns it (for tests). */
    String make() {
        String text = label.getValue().isBlank() ? "unnamed" : label.getValue().strip();
        String key = keys.generate(text, user);
        Dialog shown = new Dialog();
        shown.setId("api-key-made");
        shown.setHeaderTitle("Your new key \"" + text + "\"");
        TextField value = new TextField();
        value.setId("api-key-value");
        value.setValue(key);
        value.setReadOnly(true);
        value.setWidth("36em");
        Button copy = new Button("Copy", e -> e.getSource().getElement().executeJs("navigator.clipboard.writeText($0)", key));
        shown.add(new Paragraph("Copy it now: it is stored only as a hash and cannot be shown again."), value);
        shown.getFooter().add(copy, new Button("Done", e -> shown.close()));
        shown.open();
        label.clear();
        grid.getDataProvider().refreshAll();
        return key;
    }

    void confirmRevoke(ApiKeys.ApiKey key) {
        ConfirmDialog confirm = new ConfirmDialog("Revoke \"" + key.label() + "\"?",
                "Calls with this key are refused from now on.", "Revoke", e -> revoke(key));
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    void revoke(ApiKeys.ApiKey key) {
        keys.revoke(key.id());
        Notification.show("Revoked \"" + key.label() + "\"");
        grid.getDataProvider().refreshAll();
    }

    Grid<ApiKeys.ApiKey> grid() {
        return grid;
    }

    TextField label() {
        return label;
    }
}
