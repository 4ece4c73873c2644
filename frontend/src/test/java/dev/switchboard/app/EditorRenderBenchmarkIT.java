package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The editor with a 200-node workflow in headless Chromium: prints how long the page takes from the
 * start of navigation until all 200 nodes are drawn (three loads, and their median), and how long a
 * node's panel takes to open; then checks it is usable: the canvas pans, a node is selected by a
 * click, and a double-click opens its panel. It prints figures and asserts no time limit
 * ({@code make bench-editor}).
 */
class EditorRenderBenchmarkIT {

    static final int NODES = 200;
    private static final String KEY = "bench-key";
    private static final String PASSWORD = "bench-admin-password";

    private static ServerProcess server;
    private static Path dir;
    private static String base;
    private static String workflowId;

    @BeforeAll
    static void startServer() throws Exception {
        BrowserSession.assumeInstalled();
        dir = ServerProcess.workDirectory("editor-bench");
        server = ServerProcess.start("server", dir.resolve("data"), ServerProcess.freePort(), KEY,
                Map.of("SWITCHBOARD_ADMIN_PASSWORD", PASSWORD), List.of()).awaitUp();
        base = "http://127.0.0.1:" + server.port();
        workflowId = (String) server.expect(201, "POST", "/api/v1/workflows", bigWorkflow()).get("id");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** A manual trigger and 199 Set nodes in a chain, laid out 20 to a row. */
    static String bigWorkflow() {
        StringBuilder nodes = new StringBuilder();
        StringBuilder connections = new StringBuilder();
        for (int i = 0; i < NODES; i++) {
            String name = i == 0 ? "Start" : "Step " + i;
            String type = i == 0 ? "n8n-nodes-base.manualTrigger\", \"typeVersion\": 1"
                    : "n8n-nodes-base.set\", \"typeVersion\": 3.4";
            nodes.append(i == 0 ? "" : ",").append("{\"id\": \"n").append(i).append("\", \"name\": \"").append(name)
                    .append("\", \"type\": \"").append(type).append(", \"position\": [").append((i % 20) * 240)
                    .append(", ").append((i / 20) * 160).append("], \"parameters\": {\"assignments\": {\"assignments\": ")
                    .append("[{\"name\": \"step\", \"value\": \"").append(i).append("\", \"type\": \"number\"}]}}}");
            if (i > 0) {
                String previous = i == 1 ? "Start" : "Step " + (i - 1);
                connections.append(i == 1 ? "" : ",").append('"').append(previous).append("\": {\"main\": [[{\"node\": \"")
                        .append(name).append("\", \"type\": \"main\", \"index\": 0}]]}");
            }
        }
        return "{\"name\": \"Two hundred nodes\", \"nodes\": [" + nodes + "], \"connections\": {" + connections + "}}";
    }

    @Test
    void twoHundredNodesRenderAndTheEditorStaysUsable() throws Exception {
        try (BrowserSession browser = BrowserSession.open(dir, 1400, 900)) {
            browser.get(base + "/login");
            browser.signIn("admin", PASSWORD);
            browser.waitFor(By.id("workflows"));

            List<Long> loads = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                browser.get(base + "/workflows/" + workflowId);
                browser.waitUntil(d -> d.findElements(By.cssSelector(".react-flow__node")).size() == NODES);
                long millis = Math.round(((Number) browser.script(
                        "return performance.now();")).doubleValue());
                if (round > 0) {
                    loads.add(millis); // the first load warms the server up (classes, caches) and is not counted
                }
            }
            browser.screenshot("editor-200-nodes.png");
            List<Long> sorted = loads.stream().sorted().toList();
            System.out.printf("EDITOR-BENCH %d nodes: first render of all nodes after %s ms (median %d ms), "
                    + "measured from the start of navigation, in headless Chromium%n", NODES, loads, sorted.get(1));

            WebElement pane = browser.waitFor(By.cssSelector(".react-flow__pane"));
            String before = viewport(browser);
            new Actions(browser.driver()).moveToElement(pane, 0, 250).clickAndHold().moveByOffset(120, -60)
                    .moveByOffset(80, -40).release().perform();
            browser.waitUntil(d -> !viewport(browser).equals(before));

            WebElement node = browser.waitFor(By.cssSelector("[data-node='Step 42'] .sb-node-label"));
            new Actions(browser.driver()).click(node).perform();
            browser.waitUntil(d -> !d.findElements(By.cssSelector(".react-flow__node.selected [data-node='Step 42']")).isEmpty());

            long opening = System.nanoTime();
            new Actions(browser.driver()).doubleClick(node).perform();
            browser.waitFor(By.id("node-panel"));
            browser.waitFor(By.id("rows-assignments"));
            long panelMillis = (System.nanoTime() - opening) / 1_000_000;
            System.out.printf("EDITOR-BENCH %d nodes: a node's panel opened in %d ms%n", NODES, panelMillis);
            browser.screenshot("editor-200-nodes-panel.png");
            assertThat(browser.driver().findElement(By.cssSelector("#rows-assignments-0-value input")).getAttribute("value"))
                    .isEqualTo("42");
        }
    }

    private static String viewport(BrowserSession browser) {
        return (String) browser.script("return document.querySelector('.react-flow__viewport').style.transform;");
    }
}
