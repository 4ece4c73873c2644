package dev.switchboard.nodes.transform;

import static dev.switchboard.nodes.NodeTestKit.chain;
import static dev.switchboard.nodes.NodeTestKit.json;
import static dev.switchboard.nodes.NodeTestKit.obj;
import static dev.switchboard.nodes.NodeTestKit.objs;
import static dev.switchboard.nodes.NodeTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;

class HtmlNodeTest {

    private static final String PAGE = """
            <html><head><title>Shop</title><style>p { color: red }</style></head>
            <body>
              <h1>Daily   offers</h1>
              <p class="price" data-sku="A1">12.50</p>
              <p class="price" data-sku="B2">7.00</p>
              <ul><li>first</li><li>second</li></ul>
              <a href="https://example.com/more">More</a> <img src="/logo.png" alt="Logo">
              <input id="qty" value="3"> <textarea id="note">hello</textarea>
              <select id="size"><option value="s">Small</option><option value="m" selected>Medium</option></select>
              <select id="multi" multiple><option selected>A</option><option>B</option><option selected>C</option></select>
              <input id="agree" type="checkbox" checked>
            </body></html>""";

    private static RunResult extract(double version, String values, String options) {
        return run(chain("HTML", "n8n-nodes-base.html", version, "{\"operation\": \"extractHtmlContent\", "
                + "\"extractionValues\": {\"values\": " + values + "}, \"options\": " + options + "}"),
                List.of(Map.of("data", PAGE)));
    }

    private static Map<String, Object> extractOne(String values) {
        RunResult result = extract(1.2, values, "{}");
        assertThat(result.status()).as(result.error() == null ? "" : result.error().describe()).isEqualTo(RunStatus.SUCCEEDED);
        return json(result, "HTML").get(0);
    }

    @Test
    void textOfTheFirstMatchIsLaidOutAsPlainText() {
        // the selected element's content is converted, so a selected heading is not upper-cased
        assertThat(extractOne("[{\"key\": \"title\", \"cssSelector\": \"h1\"}]")).isEqualTo(obj("{\"title\": \"Daily offers\"}"));
        assertThat(extractOne("[{\"key\": \"price\", \"cssSelector\": \".price\"}]")).isEqualTo(obj("{\"price\": \"12.50\"}"));
    }

    @Test
    void theWholeBodyBecomesBlocksListsAndLinks() {
        String text = (String) extractOne("[{\"key\": \"all\", \"cssSelector\": \"html\"}]").get("all");
        assertThat(text).startsWith("DAILY OFFERS\n\n12.50\n\n7.00\n\n * first\n * second\n\n"
                + "More [https://example.com/more] Logo [/logo.png]");
        assertThat(text).doesNotContain("Shop").doesNotContain("color");
    }

    @Test
    void skipSelectorsLeaveElementsOut() {
        String text = (String) extractOne("[{\"key\": \"all\", \"cssSelector\": \"body\", \"skipSelectors\": \"ul, a, img, .price\"}]")
                .get("all");
        assertThat(text).isEqualTo("DAILY OFFERS\n\nhello SmallMedium ABC");
    }

    @Test
    void returnArrayGivesEveryMatch() {
        assertThat(extractOne("[{\"key\": \"prices\", \"cssSelector\": \".price\", \"returnArray\": true},"
                + "{\"key\": \"skus\", \"cssSelector\": \".price\", \"returnValue\": \"attribute\", \"attribute\": \"data-sku\","
                + " \"returnArray\": true}]"))
                .isEqualTo(obj("{\"prices\": [\"12.50\", \"7.00\"], \"skus\": [\"A1\", \"B2\"]}"));
    }

    @Test
    void htmlAttributeAndValueReturnValues() {
        Map<String, Object> out = extractOne("""
                [{"key": "list", "cssSelector": "ul", "returnValue": "html"},
                 {"key": "href", "cssSelector": "a", "returnValue": "attribute", "attribute": "href"},
                 {"key": "attrs", "cssSelector": "img", "returnValue": "attribute"},
                 {"key": "missing", "cssSelector": "a", "returnValue": "attribute", "attribute": "title"},
                 {"key": "qty", "cssSelector": "#qty", "returnValue": "value"},
                 {"key": "note", "cssSelector": "#note", "returnValue": "value"},
                 {"key": "size", "cssSelector": "#size", "returnValue": "value"},
                 {"key": "multi", "cssSelector": "#multi", "returnValue": "value"},
                 {"key": "agree", "cssSelector": "#agree", "returnValue": "value"},
                 {"key": "checked", "cssSelector": "#agree", "returnValue": "attribute", "attribute": "checked"}]""");
        assertThat(out).isEqualTo(obj("""
                {"list": "<li>first</li><li>second</li>", "href": "https://example.com/more",
                 "attrs": {"src": "/logo.png", "alt": "Logo"}, "qty": "3", "note": "hello", "size": "m",
                 "multi": "A,C", "agree": "on", "checked": "checked"}"""));
    }

    @Test
    void optionsTrimAndCleanUpText() {
        String values = "[{\"key\": \"h\", \"cssSelector\": \"body\", \"returnValue\": \"html\"}]";
        String raw = (String) json(extract(1.2, values, "{}"), "HTML").get(0).get("h");
        assertThat(raw).startsWith("\n  <h1>");
        String trimmed = (String) json(extract(1.2, values, "{\"trimValues\": true}"), "HTML").get(0).get("h");
        assertThat(trimmed).startsWith("<h1>");
        String text = (String) json(extract(1.2, "[{\"key\": \"t\", \"cssSelector\": \"body\"}]",
                "{\"cleanUpText\": true}"), "HTML").get(0).get("t");
        assertThat(text).doesNotContain("\n").startsWith("DAILY OFFERS12.50");
    }

    @Test
    void versionsBefore12UseTheRawTextOfAllMatches() {
        RunResult result = extract(1.1, "[{\"key\": \"p\", \"cssSelector\": \".price\"}, {\"key\": \"none\", \"cssSelector\": \"nav\"}]",
                "{}");
        assertThat(json(result, "HTML")).isEqualTo(objs("[{\"p\": \"12.507.00\"}]"));
    }

    @Test
    void noMatchGivesEmptyTextInVersion12() {
        assertThat(extractOne("[{\"key\": \"none\", \"cssSelector\": \"nav\"}]")).isEqualTo(obj("{\"none\": \"\"}"));
    }

    @Test
    void anArrayOfPagesGivesOneItemEach() {
        RunResult result = run(chain("HTML", "n8n-nodes-base.html", 1.2, "{\"operation\": \"extractHtmlContent\", "
                        + "\"dataPropertyName\": \"pages.list\", \"extractionValues\": {\"values\": [{\"key\": \"b\", \"cssSelector\": \"b\"}]}}"),
                objs("[{\"pages\": {\"list\": [\"<b>one</b>\", \"<b>two</b>\"]}}]"));
        assertThat(json(result, "HTML")).isEqualTo(objs("[{\"b\": \"one\"}, {\"b\": \"two\"}]"));
        assertThat(result.output("HTML")).allSatisfy(i -> assertThat(i.pairedItem()).extracting("item").containsExactly(0));
    }

    @Test
    void aMissingFieldFailsNamingParameterAndItem() {
        RunResult result = run(chain("HTML", "n8n-nodes-base.html", 1.2, "{\"operation\": \"extractHtmlContent\"}"),
                objs("[{\"data\": \"<p>x</p>\"}, {\"other\": 1}]"));
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).isEqualTo("Parameter \"dataPropertyName\": field \"data\" not found [item 1]");
    }

    @Test
    void anInvalidSelectorFailsClearly() {
        RunResult result = extract(1.2, "[{\"key\": \"x\", \"cssSelector\": \"p[\"}]", "{}");
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("invalid CSS selector");
    }

    @Test
    void templatesEvaluateExpressionsPerItem() {
        RunResult result = run(chain("HTML", "n8n-nodes-base.html", 1.2,
                        "{\"operation\": \"generateHtmlTemplate\", \"html\": \"<p>{{ $json.name }} owes {{ $json.amount * 2 }}</p>\"}"),
                objs("[{\"name\": \"Ada\", \"amount\": 2}, {\"name\": \"Ben\", \"amount\": 5}]"));
        assertThat(json(result, "HTML")).isEqualTo(objs("[{\"html\": \"<p>Ada owes 4</p>\"}, {\"html\": \"<p>Ben owes 10</p>\"}]"));
    }

    @Test
    void theDefaultTemplateIsN8nsPlaceholder() {
        RunResult result = run(chain("HTML", "n8n-nodes-base.html", 1.2, "{}"), objs("[{}]"));
        assertThat((String) json(result, "HTML").get(0).get("html")).startsWith("<!DOCTYPE html>").contains("This is a Heading");
    }

    @Test
    void tablesHoldEveryItemAsARow() {
        RunResult result = run(chain("HTML", "n8n-nodes-base.html", 1.2, "{\"operation\": \"convertToHtmlTable\", "
                        + "\"options\": {\"capitalize\": true, \"customStyling\": true, \"caption\": \"People\", "
                        + "\"tableAttributes\": \"id='t'\", \"rowAttributes\": \"class='r'\", \"cellAttributes\": \"class='c'\"}}"),
                objs("[{\"first_name\": \"Ada\", \"active\": true}, {\"first_name\": \"Ben\", \"active\": false, \"extra\": {\"x\": 1}}]"));
        List<Map<String, Object>> out = json(result, "HTML");
        assertThat(out).hasSize(1);
        assertThat(out.get(0).get("table")).isEqualTo("<table  id='t'><caption>People</caption><thead  ><tr><th>First Name</th>"
                + "<th>Active</th><th>Extra</th></tr></thead><tbody><tr  class='r'><td  class='c'>Ada</td><td  class='c'>"
                + "<input type=\"checkbox\" checked=\"checked\"/></td><td  class='c'></td></tr><tr  class='r'><td  class='c'>Ben"
                + "</td><td  class='c'><input type=\"checkbox\" /></td><td  class='c'>{\"x\":1}</td></tr></tbody></table>");
        assertThat(result.output("HTML").get(0).pairedItem()).extracting("item").containsExactly(0, 1);
    }

    @Test
    void defaultTableStylingIsInline() {
        RunResult result = run(chain("HTML", "n8n-nodes-base.html", 1.2, "{\"operation\": \"convertToHtmlTable\"}"),
                objs("[{\"a\": 1}]"));
        assertThat(Json.write(json(result, "HTML"))).contains("border-spacing:0").contains("<th>a</th>");
    }
}
