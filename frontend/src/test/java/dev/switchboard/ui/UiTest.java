package dev.switchboard.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;

import dev.switchboard.platform.user.User;
import dev.switchboard.ui.security.UserAuthentication;

/**
 * Browserless UI tests (Karibu): the whole Spring application without HTTP, a faked Vaadin session, and
 * a signed-in user as Spring Security would have put it on the request and the session.
 */
@SpringBootTest(classes = dev.switchboard.app.SwitchboardApplication.class)
public abstract class UiTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("dev.switchboard.ui");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "ui-data");
        registry.add("switchboard.data-dir", dataDir::toString);
        registry.add("switchboard.api-key", () -> "ui-test-key");
        registry.add("switchboard.admin-password", () -> "ui-admin-password");
    }

    @Autowired
    ApplicationContext context;

    private Authentication signedIn;

    @BeforeEach
    void startVaadin() {
        signedIn = null;
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session);
            if (signedIn != null) {
                request.setUserPrincipalInt(signedIn);
                request.setUserInRole((principal, role) -> signedIn.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
            }
            return request;
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void stopVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /**
     * Enters a value as the user would (Karibu 2.6's own {@code _setValue} reaches into Vaadin internals
     * that Vaadin 25 changed): only into a field that is visible and enabled.
     */
    protected static <V> void enter(com.vaadin.flow.component.HasValue<?, V> field, V value) {
        com.vaadin.flow.component.Component c = (com.vaadin.flow.component.Component) field;
        org.assertj.core.api.Assertions.assertThat(c.isVisible() && (!(c instanceof com.vaadin.flow.component.HasEnabled e)
                || e.isEnabled())).as("%s can be typed into", c).isTrue();
        field.setValue(value);
    }

    /** Signs this user in (as the sign-in form would have) and opens the start page anew. */
    protected void signIn(User user) {
        signedIn = UserAuthentication.signedIn(user);
        SecurityContext securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(signedIn);
        SecurityContextHolder.setContext(securityContext);
        VaadinSession.getCurrent().getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, securityContext);
        MockVaadin.tearDown();
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        VaadinSession.getCurrent().getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, securityContext);
    }
}
