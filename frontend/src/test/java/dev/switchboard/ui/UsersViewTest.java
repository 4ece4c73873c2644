package dev.switchboard.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;

import dev.switchboard.platform.user.Role;
import dev.switchboard.platform.user.UserStore;

/** Admins add users from a form; what the store refuses is shown in the form, naming the field. */
class UsersViewTest extends UiTest {

    @Autowired
    UserStore users;

    @Test
    void anAdminAddsAUserWhoCanThenSignIn() {
        signIn(users.authenticate("admin", "ui-admin-password").orElseThrow());
        UI.getCurrent().navigate("users");
        UsersView view = _get(UsersView.class);
        int before = _size(_get(Grid.class, spec -> spec.withId("users")));

        _click(_get(Button.class, spec -> spec.withId("add-user")));
        enter(view.username, "Olga");
        enter(view.roles, Set.of(Role.APPROVER));
        enter(view.password, "short");
        _click(_get(Button.class, spec -> spec.withId("user-save")));
        assertThat(view.error.getText()).contains("\"password\" must have at least 10 characters");
        assertThat(view.dialog.isOpened()).isTrue();

        enter(view.password, "approves-everything");
        _click(_get(Button.class, spec -> spec.withId("user-save")));
        assertThat(view.dialog.isOpened()).isFalse();
        assertThat(_size(_get(Grid.class, spec -> spec.withId("users")))).isEqualTo(before + 1);
        assertThat(users.authenticate("olga", "approves-everything")).get()
                .satisfies(u -> assertThat(u.roles()).containsExactly(Role.APPROVER));
        assertThat(view.password.getValue()).as("the password does not stay in the form").isEmpty();
    }
}
