package dev.switchboard.ui;

import java.util.EnumSet;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.switchboard.platform.user.Role;
import dev.switchboard.platform.user.User;
import dev.switchboard.platform.user.UserException;
import dev.switchboard.platform.user.UserStore;
import jakarta.annotation.security.RolesAllowed;

/** Users, for admins: the list and a form to add one (roles and a password of at least ten characters). */
@Route("users")
@PageTitle("Users · Switchboard")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {

    private final UserStore users;
    private final Grid<User> grid = new Grid<>(User.class, false);
    final TextField username = new TextField("User name");
    final TextField name = new TextField("Name");
    final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
    final PasswordField password = new PasswordField("Password");
    final Span error = new Span();
    final Dialog dialog = new Dialog();

    public UsersView(UserStore users) {
        this.users = users;
        setSizeFull();
        grid.setId("users");
        grid.addColumn(User::username).setHeader("User name");
        grid.addColumn(User::name).setHeader("Name");
        grid.addColumn(u -> u.roles().stream().sorted().map(Role::id).collect(Collectors.joining(", "))).setHeader("Roles");
        grid.addColumn(u -> u.disabled() ? "disabled" : "").setHeader("State");
        grid.setItems(query -> Pages.fetch(query.getOffset(), query.getLimit(), request -> users.list(null, request)));
        grid.setSizeFull();

        roles.setItems(Role.values());
        roles.setItemLabelGenerator(Role::id);
        error.setId("user-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button("Add", e -> addUser());
        save.setId("user-save");
        dialog.setHeaderTitle("Add a user");
        dialog.add(new FormLayout(username, name, roles, password), error);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);

        Button open = new Button("Add user", e -> {
            username.clear();
            name.clear();
            roles.clear();
            password.clear();
            error.setText("");
            dialog.open();
        });
        open.setId("add-user");
        add(new H2("Users"), open, grid);
    }

    /** Adds the user the form describes; the store's refusal (which names the field) is shown in the form. */
    void addUser() {
        try {
            users.create(username.getValue(), name.getValue(), roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class)
                    : EnumSet.copyOf(roles.getValue()), password.getValue());
            password.clear();
            dialog.close();
            grid.getDataProvider().refreshAll();
        } catch (UserException e) {
            error.setText(e.getMessage());
        }
    }

    Grid<User> grid() {
        return grid;
    }
}
