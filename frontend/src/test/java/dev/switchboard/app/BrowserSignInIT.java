package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The UI in a real browser (Debian's Chromium, headless) against the server as its own process: sign in,
 * see the workflows, open the users and the runs as an admin, sign out; a viewer gets "Not allowed" on the users page.
 * Screenshots go to {@code target/screenshots/}. Skipped where Chromium and its driver are not installed
 * ({@code .ci/run} installs them).
 */
class BrowserSignInIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String KEY = "browser-key";
    private static final String ADMIN_PASSWORD = "browser-admin-password";
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static ServerProcess server;
    private static Path dir;
    private static String base;
    private WebDriver browser;

    @BeforeAll
    static void startServer() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Chromium and chromedriver are not installed (apt-get install -y chromium chromium-driver)");
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
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,800",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile").toAbsolutePath());
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdminSignsInSeesTheWorkflowsAndTheUsersAndSignsOut() throws Exception {
        Map<String, Object> created = server.expect(201, "POST", "/api/v1/workflows", """
                {"name": "Invoice follow-up", "nodes": [{"name": "Start", "type": "n8n-nodes-base.manualTrigger",
                 "typeVersion": 1, "position": [0, 0], "parameters": {}}], "connections": {}}""");
        server.call("POST", "/api/v1/workflows/" + created.get("id") + "/run?draft=true&wait=true", "[{}]");

        browser.get(base + "/");
        signIn("admin", ADMIN_PASSWORD);
        WebElement grid = waitFor(By.id("workflows"));
        waitForText(grid, "Invoice follow-up");
        assertThat(browser.findElement(By.id("signed-in-user")).getText()).isEqualTo("admin");
        screenshot("workflows.png");

        browser.get(base + "/users");
        waitForText(waitFor(By.id("users")), "Administrator");
        screenshot("users.png");

        browser.get(base + "/runs");
        waitForText(waitFor(By.id("runs")), "succeeded");
        screenshot("runs.png");

        waitFor(By.id("sign-out")).click();
        waitFor(By.cssSelector("vaadin-login-form"));
        browser.get(base + "/workflows");
        waitFor(By.cssSelector("vaadin-login-form"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void aViewerIsToldTheUsersAreNotAllowed() throws Exception {
        server.expect(201, "POST", "/api/v1/users",
                "{\"username\": \"vera\", \"roles\": [\"viewer\"], \"password\": \"viewer-password\"}");
        browser.get(base + "/login");
        signIn("vera", "viewer-password");
        waitFor(By.id("workflows"));
        browser.get(base + "/users");
        assertThat(waitFor(By.id("not-allowed")).getText()).isEqualTo("Not allowed");
        assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("at com.vaadin");
        screenshot("not-allowed.png");
    }

    @Test
    void aWrongPasswordIsRefusedOnTheSignInPage() throws Exception {
        browser.get(base + "/login");
        signIn("admin", "not the password");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("error"));
        // the form shows its "incorrect username or password" message
        waitFor(By.cssSelector("vaadin-login-form[error]"));
        assertThat(browser.findElements(By.id("workflows"))).isEmpty();
        screenshot("wrong-password.png");
    }

    private void signIn(String username, String password) {
        waitFor(By.cssSelector("input[name='username']")).sendKeys(username);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(password + "\n");
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void waitForText(WebElement element, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> element.getText().contains(text)
                || element.findElements(By.xpath(".//*[contains(text(), '" + text + "')]")).size() > 0);
    }

    private void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
