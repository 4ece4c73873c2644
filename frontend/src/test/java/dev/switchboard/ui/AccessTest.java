package dev.switchboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNavItem;

import dev.switchboard.platform.user.Role;
import dev.switchboard.platform.user.User;
import dev.switchboard.platform.user.UserStore;

/** Who sees what: nobody without signing in, the admin pages only for admins, and a plain "not allowed" otherwise. */
class AccessTest extends UiTest {

    @Autowired
    UserStore users;

    private User user(String name, Role role) {
        return users.list(name, dev.switchboard.platform.paging.Page.Request.first(5)).items().stream()
                .filter(u -> u.username().equals(name)).findFirst()
                .orElseGet(() -> users.create(name, null, Set.of(role), "a long password"));
    }

    @Test
    void whoeverIsNotSignedInIsSentToSignIn() {
        UI.getCurrent().navigate("workflows");
        _get(LoginView.class);
        assertThat(_find(WorkflowsView.class)).isEmpty();
    }

    @Test
    void aViewerSeesTheWorkflowsButNotTheUsers() {
        signIn(user("vera", Role.VIEWER));
        UI.getCurrent().navigate("workflows");
        _get(WorkflowsView.class);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).containsExactly("Workflows", "Runs", "Inbox", "Incidents");

        UI.getCurrent().navigate("users");
        assertThat(_find(UsersView.class)).isEmpty();
        assertThat(_get(H2.class, spec -> spec.withId("not-allowed")).getText()).isEqualTo("Not allowed");
    }

    @Test
    void anAdminSeesTheUsers() {
        signIn(users.authenticate("admin", "ui-admin-password").orElseThrow());
        UI.getCurrent().navigate("users");
        _get(UsersView.class);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).containsExactly("Workflows", "Runs", "Inbox", "Incidents", "Credentials", "Users", "API keys", "Policy", "AI models", "Audit log");
    }
}
