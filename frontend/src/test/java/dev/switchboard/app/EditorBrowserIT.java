package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Building a workflow in a real browser, as a builder would: drag a manual trigger, an Edit Fields (Set)
 * and an If from the palette, connect them, give Set a field whose value is an expression, run it and read
 * the output items in the node panel, publish, then find the run in the run list and open it.
 * Screenshots of each stage go to {@code target/screenshots/editor-*.png}.
 */
class EditorBrowserIT {

    private static final String KEY = "editor-key";
    private static final String PASSWORD = "builder-password";

    private static ServerProcess server;
    private static Path dir;
    private static String base;

    @BeforeAll
    static void startServer() throws Exception {
        BrowserSession.assumeInstalled();
        dir = ServerProcess.workDirectory("editor");
        server = ServerProcess.start("server", dir.resolve("data"), ServerProcess.freePort(), KEY, Map.of(), List.of())
                .awaitUp();
        base = "http://127.0.0.1:" + server.port();
        server.expect(201, "POST", "/api/v1/users",
                "{\"username\": \"bob\", \"roles\": [\"builder\"], \"password\": \"" + PASSWORD + "\"}");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aBuilderDragsConnectsConfiguresRunsAndPublishesAWorkflow() throws Exception {
        try (BrowserSession browser = BrowserSession.open(dir, 1400, 900)) {
            browser.get(base + "/login");
            browser.signIn("bob", PASSWORD);
            browser.waitFor(By.id("new-workflow")).click();
            WebElement pane = browser.waitFor(By.cssSelector(".sb-pane .react-flow"));
            WebElement name = browser.waitFor(By.cssSelector("#workflow-name input"));
            name.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Greeting from the browser", Keys.TAB);

            dragFromPalette(browser, "manual", "switchboard.manualTrigger", pane, -350, -100);
            dragFromPalette(browser, "edit fields", "switchboard.set", pane, -100, -100);
            dragFromPalette(browser, "if", "switchboard.if", pane, 150, -100);
            browser.waitUntil(d -> d.findElements(By.cssSelector(".react-flow__node")).size() == 3);
            browser.screenshot("editor-1-dropped.png");

            connect(browser, "Manual Trigger", 0, "Edit Fields (Set)");
            connect(browser, "Edit Fields (Set)", 0, "If");
            browser.waitUntil(d -> d.findElements(By.cssSelector(".react-flow__edge")).size() == 2);
            browser.screenshot("editor-2-connected.png");

            openNode(browser, "Edit Fields (Set)");
            browser.waitFor(By.id("rows-assignments-add")).click();
            browser.waitFor(By.cssSelector("#rows-assignments-0-name input")).sendKeys("greeting");
            browser.waitFor(By.cssSelector("#rows-assignments-0-value input"))
                    .sendKeys("={{ 'Hello ' + ($json.name ?? 'world') }}");
            browser.waitFor(By.cssSelector("#rows-assignments-0-type input")).sendKeys("string");
            browser.screenshot("editor-3-set-configured.png");
            browser.waitFor(By.id("node-done")).click();
            browser.waitUntil(d -> {
                try {
                    return d.findElements(By.id("node-panel")).stream().noneMatch(WebElement::isDisplayed);
                } catch (org.openqa.selenium.StaleElementReferenceException e) {
                    return true; // removed while we looked: closed
                }
            });

            browser.waitFor(By.id("test-run")).click();
            browser.waitForText(browser.waitFor(By.id("test-run-status")), "Test run succeeded");
            browser.waitUntil(d -> d.findElements(By.cssSelector(".sb-status-success")).size() == 3);
            browser.screenshot("editor-4-ran.png");

            openNode(browser, "Edit Fields (Set)");
            browser.driver().findElements(By.cssSelector("vaadin-tab")).stream()
                    .filter(t -> t.getText().equals("Output")).findFirst().orElseThrow().click();
            assertThat(browser.waitFor(By.id("node-output-count")).getText()).isEqualTo("1 item");
            browser.waitForText(browser.waitFor(By.id("node-output-table")), "Hello world");
            browser.screenshot("editor-5-output.png");
            browser.waitFor(By.id("node-output-json-tab")).click();
            assertThat(browser.waitFor(By.id("node-output-json")).getText()).contains("\"greeting\" : \"Hello world\"");
            new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();

            browser.waitFor(By.id("publish")).click();
            browser.waitFor(By.cssSelector("#publish-note textarea")).sendKeys("greets the world");
            browser.waitFor(By.id("publish-confirm")).click();
            browser.waitForText(browser.waitFor(By.cssSelector("vaadin-notification-card")), "as version 1");
            browser.screenshot("editor-6-published.png");

            browser.get(base + "/runs");
            WebElement runs = browser.waitFor(By.id("runs"));
            browser.waitForText(runs, "Greeting from the browser");
            browser.screenshot("editor-7-run-list.png");
            runs.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                    .filter(c -> c.getText().equals("Greeting from the browser")).findFirst().orElseThrow().click();
            browser.waitForText(browser.waitFor(By.id("run-summary")), "succeeded");
            browser.waitUntil(d -> d.findElements(By.cssSelector(".sb-status-success")).size() == 3);
            browser.screenshot("editor-8-run-page.png");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void codeIsEditedInCodeMirrorAndNodesAreCopiedAndPastedAsN8nJson() throws Exception {
        String id = (String) server.expect(201, "POST", "/api/v1/workflows", """
                {"name": "Code in the browser", "nodes": [
                  {"id": "t", "name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"id": "c", "name": "Compute", "type": "n8n-nodes-base.code", "typeVersion": 2, "position": [260, 0],
                   "parameters": {"jsCode": "return $input.all();"}}],
                 "connections": {"Start": {"main": [[{"node": "Compute", "type": "main", "index": 0}]]}}}""").get("id");
        try (BrowserSession browser = BrowserSession.open(dir, 1400, 900)) {
            browser.get(base + "/login");
            browser.signIn("bob", PASSWORD);
            browser.waitFor(By.id("workflows"));
            browser.get(base + "/workflows/" + id);
            browser.waitUntil(d -> d.findElements(By.cssSelector(".react-flow__node")).size() == 2);

            openNode(browser, "Compute");
            WebElement editor = browser.waitFor(By.id("param-jsCode-value"));
            browser.waitUntil(d -> !editor.getShadowRoot().findElements(By.cssSelector(".cm-content")).isEmpty());
            WebElement content = editor.getShadowRoot().findElement(By.cssSelector(".cm-content"));
            assertThat(content.getText()).contains("return $input.all();");
            browser.script("arguments[0].scrollIntoView({block: 'center'});", editor);
            content.click();
            new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL)
                    .sendKeys("return [{json: {answer: 42}}];").perform();
            browser.screenshot("editor-9-code.png");
            browser.waitFor(By.id("node-done")).click();
            browser.waitUntil(d -> {
                try {
                    Map<String, Object> w = (Map<String, Object>) server.expect(200, "GET", "/api/v1/workflows/" + id, null)
                            .get("workflow");
                    return w.toString().contains("answer: 42");
                } catch (Exception e) {
                    return false;
                }
            });

            // select Compute, copy, paste: a second "Compute1" joins the canvas. The copy takes the canvas's selection as
            // last drawn, so it waits until the click has selected the node (a person is never that fast; a busy CI
            // machine may draw the selection after the keys arrive)
            new Actions(browser.driver()).click(browser.waitFor(By.cssSelector("[data-node='Compute'] .sb-node-label"))).perform();
            browser.waitUntil(d -> d.findElements(By.cssSelector(".react-flow__node.selected [data-node='Compute']")).size() == 1);
            new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys("c").keyUp(Keys.CONTROL)
                    .keyDown(Keys.CONTROL).sendKeys("v").keyUp(Keys.CONTROL).perform();
            browser.waitUntil(d -> d.findElements(By.cssSelector("[data-node='Compute1']")).size() == 1);
            browser.screenshot("editor-10-pasted.png");
        }
    }

    /** Types into the palette's search, then drags the entry onto the canvas, (dx, dy) from its centre. */
    static void dragFromPalette(BrowserSession browser, String search, String type, WebElement pane, int dx, int dy) {
        WebElement searchField = browser.waitFor(By.cssSelector(".sb-palette-search"));
        searchField.sendKeys(Keys.chord(Keys.CONTROL, "a"), search);
        WebElement entry = browser.waitFor(By.cssSelector(".sb-palette-entry[data-type='" + type + "']"));
        new Actions(browser.driver()).clickAndHold(entry).moveByOffset(20, 5).moveToElement(pane, dx / 2, dy / 2)
                .moveToElement(pane, dx, dy).release().perform();
    }

    /** Drags from a node's output handle to another node's first input handle. */
    static void connect(BrowserSession browser, String from, int output, String to) {
        WebElement source = browser.waitFor(By.cssSelector("[data-node='" + from + "'] [data-port='out-" + output + "']"));
        WebElement target = browser.waitFor(By.cssSelector("[data-node='" + to + "'] [data-port='in-0']"));
        new Actions(browser.driver()).clickAndHold(source).moveByOffset(15, 10).moveToElement(target).pause(100)
                .release().perform();
    }

    static void openNode(BrowserSession browser, String name) {
        new Actions(browser.driver()).doubleClick(browser.waitFor(By.cssSelector("[data-node='" + name + "'] .sb-node-label")))
                .perform();
        browser.waitFor(By.id("node-panel"));
    }
}
