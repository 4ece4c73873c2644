package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The UI in a real browser (Debian's Chromium, headless) against the server as its own process: sign in,
 * see the workflows, open the users and the runs as an admin, sign out; a viewer gets "Not allowed" on the users page.
 * Screenshots go to {@code target/screenshots/}. Skipped where Chromium and its driver are not installed
 * ({@code .ci/run} installs them).
 */
class BrowserSignInIT {

    private static final String KEY = "browser-key";
    private static final String ADMIN_PASSWORD = "browser-admin-password";

    private static ServerProcess server;
    private static Path dir;
    private static String base;
    private BrowserSession browser;

    @BeforeAll
    static void startServer() throws Exception {
        BrowserSession.assumeInstalled();
        dir = ServerProcess.workDirectory("browser");
        server = ServerProcess.start("server", dir.resolve("data"), ServerProcess.freePort(), KEY,
                Map.of("SWITCHBOARD_ADMIN_PASSWORD", ADMIN_PASSWORD), List.of()).awaitUp();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void startBrowser() throws Exception {
        browser = BrowserSession.open(dir, 1280, 800);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdminSignsInSeesTheWorkflowsAndTheUsersAndSignsOut() throws Exception {
        Map<String, Object> created = server.expect(201, "POST", "/api/v1/workflows", """
                {"name": "Invoice follow-up", "nodes": [{"name": "Start", "type": "n8n-nodes-base.manualTrigger",
                 "typeVersion": 1, "position": [0, 0], "parameters": {}}], "connections": {}}""");
        server.call("POST", "/api/v1/workflows/" + created.get("id") + "/run?draft=true&wait=true", "[{}]");

        browser.get(base + "/");
        browser.signIn("admin", ADMIN_PASSWORD);
        WebElement grid = browser.waitFor(By.id("workflows"));
        browser.waitForText(grid, "Invoice follow-up");
        assertThat(browser.driver().findElement(By.id("signed-in-user")).getText()).isEqualTo("admin");
        browser.screenshot("workflows.png");

        browser.get(base + "/users");
        browser.waitForText(browser.waitFor(By.id("users")), "Administrator");
        browser.screenshot("users.png");

        browser.get(base + "/runs");
        browser.waitForText(browser.waitFor(By.id("runs")), "succeeded");
        browser.screenshot("runs.png");

        browser.waitFor(By.id("sign-out")).click();
        browser.waitFor(By.cssSelector("vaadin-login-form"));
        browser.get(base + "/workflows");
        browser.waitFor(By.cssSelector("vaadin-login-form"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
    }

    @Test
    void aViewerIsToldTheUsersAreNotAllowed() throws Exception {
        server.expect(201, "POST", "/api/v1/users",
                "{\"username\": \"vera\", \"roles\": [\"viewer\"], \"password\": \"viewer-password\"}");
        browser.get(base + "/login");
        browser.signIn("vera", "viewer-password");
        browser.waitFor(By.id("workflows"));
        browser.get(base + "/users");
        assertThat(browser.waitFor(By.id("not-allowed")).getText()).isEqualTo("Not allowed");
        assertThat(browser.driver().getPageSource()).doesNotContain("Exception").doesNotContain("at com.vaadin");
        browser.screenshot("not-allowed.png");
    }

    @Test
    void aWrongPasswordIsRefusedOnTheSignInPage() throws Exception {
        browser.get(base + "/login");
        browser.signIn("admin", "not the password");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("error"));
        // the form shows its "incorrect username or password" message
        browser.waitFor(By.cssSelector("vaadin-login-form[error]"));
        assertThat(browser.driver().findElements(By.id("workflows"))).isEmpty();
        browser.screenshot("wrong-password.png");
    }
}
