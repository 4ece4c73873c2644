package dev.switchboard.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * Debian's Chromium, headless, driven by Selenium for the browser tests: started with the flags our
 * machines need and a fresh profile, with the waits and screenshots the tests share. Tests that need it
 * are skipped where Chromium or its driver is not installed ({@code .ci/run} installs them).
 */
final class BrowserSession implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final WebDriver driver;

    private BrowserSession(WebDriver driver) {
        this.driver = driver;
    }

    /** Skips the calling test class when there is no browser to drive. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Chromium and chromedriver are not installed (apt-get install -y chromium chromium-driver)");
    }

    static BrowserSession open(Path profileParent, int width, int height) throws Exception {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory(profileParent, "chromium-profile").toAbsolutePath());
        Files.createDirectories(SCREENSHOTS);
        return new BrowserSession(new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).build(), options));
    }

    WebDriver driver() {
        return driver;
    }

    void get(String url) {
        driver.get(url);
    }

    /** Fills in Vaadin's sign-in form and submits it. */
    void signIn(String username, String password) {
        waitFor(By.cssSelector("input[name='username']")).sendKeys(username);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password + "\n");
    }

    WebElement waitFor(By by) {
        return waiting(ExpectedConditions.visibilityOfElementLocated(by)::apply);
    }

    void waitForText(WebElement element, String text) {
        waiting(d -> element.getText().contains(text)
                || element.findElements(By.xpath(".//*[contains(text(), '" + text + "')]")).size() > 0);
    }

    void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        waiting(condition);
    }

    /**
     * Waits for the condition; when it does not come, the failure says where the browser was and what the page
     * showed, and a screenshot ({@code timeout-<time>.png}) keeps the rest.
     */
    private <T> T waiting(java.util.function.Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            String shot = "timeout-" + System.currentTimeMillis() + ".png";
            String page;
            try {
                screenshot(shot);
                String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
                page = driver.getCurrentUrl() + ", showing: " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
            } catch (Exception unavailable) {
                page = "(the page could not be read: " + unavailable.getMessage() + ")";
            }
            throw new org.openqa.selenium.TimeoutException("waited " + WAIT.toSeconds() + " s at " + page
                    + " (screenshot " + shot + ")", e);
        }
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
