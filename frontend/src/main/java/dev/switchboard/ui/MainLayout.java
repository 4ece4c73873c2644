package dev.switchboard.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

/**
 * The frame of every view for a signed-in user: the navigation (admins also see credentials, users and API keys) and, at the
 * top, who is signed in and the sign-out button.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext auth) {
        H2 title = new H2("Switchboard");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Button signOut = new Button("Sign out", e -> auth.logout());
        signOut.setId("sign-out");
        Span who = new Span(auth.getPrincipalName().orElse(""));
        who.setId("signed-in-user");
        HorizontalLayout bar = new HorizontalLayout(title, who, signOut);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(new DrawerToggle(), bar);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Workflows", WorkflowsView.class));
        nav.addItem(new SideNavItem("Runs", RunsView.class));
        nav.addItem(new SideNavItem("Inbox", InboxView.class));
        nav.addItem(new SideNavItem("Incidents", IncidentsView.class));
        if (auth.hasRole("ADMIN")) {
            nav.addItem(new SideNavItem("Credentials", CredentialsView.class));
            nav.addItem(new SideNavItem("Users", UsersView.class));
            nav.addItem(new SideNavItem("API keys", ApiKeysView.class));
            nav.addItem(new SideNavItem("Policy", PolicyView.class));
            nav.addItem(new SideNavItem("AI models", AiView.class));
            nav.addItem(new SideNavItem("Audit log", AuditView.class));
        }
        addToDrawer(nav);
    }
}
