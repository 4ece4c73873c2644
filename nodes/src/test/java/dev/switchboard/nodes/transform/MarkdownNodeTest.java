package dev.switchboard.nodes.transform;

import static dev.switchboard.nodes.NodeTestKit.chain;
import static dev.switchboard.nodes.NodeTestKit.json;
import static dev.switchboard.nodes.NodeTestKit.objs;
import static dev.switchboard.nodes.NodeTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;

class MarkdownNodeTest {

    private static String toMarkdown(String html, String options) {
        RunResult result = run(chain("MD", "n8n-nodes-base.markdown", 1,
                "{\"html\": \"={{ $json.html }}\", \"options\": " + options + "}"), List.of(Map.of("html", html)));
        assertThat(result.status()).as(result.error() == null ? "" : result.error().describe()).isEqualTo(RunStatus.SUCCEEDED);
        return (String) json(result, "MD").get(0).get("data");
    }

    private static String toHtml(String markdown, String options) {
        RunResult result = run(chain("MD", "n8n-nodes-base.markdown", 1,
                "{\"mode\": \"markdownToHtml\", \"markdown\": \"={{ $json.md }}\", \"options\": " + options + "}"),
                List.of(Map.of("md", markdown)));
        assertThat(result.status()).as(result.error() == null ? "" : result.error().describe()).isEqualTo(RunStatus.SUCCEEDED);
        return (String) json(result, "MD").get(0).get("data");
    }

    // ---------------------------------------------------------------- HTML to Markdown

    @Test
    void headingsParagraphsAndLinks() {
        assertThat(toMarkdown("<h2>Title</h2><p>Some <b>bold</b> and <i>soft</i> text.</p><p><a href=\"https://x.test/a_b\">"
                + "link</a></p>", "{}"))
                .isEqualTo("## Title\n\nSome **bold** and _soft_ text.\n\n[link](https://x.test/a%5Fb)");
    }

    @Test
    void aDoctypeFollowedBySpaceLeavesALeadingSpaceAsN8nDoes() {
        assertThat(toMarkdown("<!doctype html> <html><body><h1>T</h1></body></html>", "{}")).isEqualTo(" \n\n# T");
    }

    @Test
    void listsCodeQuotesAndRules() {
        assertThat(toMarkdown("<ul><li>one</li><li>two<ol><li>a</li><li>b</li></ol></li></ul>", "{}"))
                .isEqualTo("* one\n* two  \n  1. a  \n  2. b");
        assertThat(toMarkdown("<pre><code class=\"language-js\">let a = 1;\nlet b = 2;</code></pre>", "{}"))
                .isEqualTo("```js\nlet a = 1;\nlet b = 2;\n```");
        assertThat(toMarkdown("<p>use <code>x*y</code></p>", "{}")).isEqualTo("use `x*y`");
        assertThat(toMarkdown("<blockquote><p>quoted</p></blockquote><hr><p>after</p>", "{}"))
                .isEqualTo("> quoted\n\n---\n\nafter");
    }

    @Test
    void markdownCharactersInTextAreEscaped() {
        assertThat(toMarkdown("<p>a*b_c [d] 1. e</p>", "{}")).isEqualTo("a\\*b\\_c \\[d\\] 1\\. e");
    }

    @Test
    void imagesAndInlineUrls() {
        assertThat(toMarkdown("<p><img src=\"/i.png\" alt=\"pic\" title=\"t\"> <a href=\"https://x.test\">https://x.test</a></p>",
                "{}")).isEqualTo("![pic](/i.png \"t\") <https://x.test>");
        assertThat(toMarkdown("<p><img src=\"data:image/png;base64,AAA\">x</p>", "{}")).isEqualTo("x");
        assertThat(toMarkdown("<p><img src=\"data:image/png;base64,AAA\">x</p>", "{\"keepDataImages\": true}"))
                .isEqualTo("![](data:image/png;base64,AAA)x");
    }

    @Test
    void tablesAreAligned() {
        assertThat(toMarkdown("<table><tr><th>Name</th><th>Qty</th></tr><tr><td>Apple</td><td>3</td></tr></table>", "{}"))
                .isEqualTo("| Name  | Qty |\n| ----- | --- |\n| Apple | 3   |");
    }

    @Test
    void delimitersAndMarkersAreConfigurable() {
        assertThat(toMarkdown("<ul><li><strong>a</strong> <em>b</em></li></ul><pre><code>x</code></pre>",
                "{\"bulletMarker\": \"-\", \"strongDelimiter\": \"__\", \"emDelimiter\": \"*\", \"codeFence\": \"~~~\"}"))
                .isEqualTo("- __a__ *b*\n\n~~~\nx\n~~~");
        assertThat(toMarkdown("<pre><code>x\ny</code></pre>", "{\"codeBlockStyle\": \"indented\"}")).isEqualTo("    x\n    y");
    }

    @Test
    void linksCanBeCollectedAtTheBottom() {
        assertThat(toMarkdown("<p><a href=\"https://a.test\">A</a> and <a href=\"https://b.test\">B</a></p>",
                "{\"useLinkReferenceDefinitions\": true}"))
                .isEqualTo("[A][1] and [B][2]\n\n\n[1]: https://a.test\n[2]: https://b.test");
    }

    @Test
    void ignoredAndBlockElementsAndReplacements() {
        assertThat(toMarkdown("<div>keep</div><footer>drop</footer>", "{\"ignore\": \"footer\"}")).isEqualTo("keep");
        assertThat(toMarkdown("<span>a</span><span>b</span>", "{\"blockElements\": \"span\"}")).isEqualTo("a\n\nb");
        assertThat(toMarkdown("<p>Hello World</p>", "{\"textReplace\": {\"values\": [{\"pattern\": \"World\", "
                + "\"replacement\": \"There\"}]}}")).isEqualTo("Hello There");
    }

    @Test
    void consecutiveNewlinesAreCapped() {
        assertThat(toMarkdown("<p>a</p><br><br><br><br><p>b</p>", "{}")).doesNotContain("\n\n\n\n");
    }

    @Test
    void theResultGoesIntoADotPathAndKeepsTheItem() {
        RunResult result = run(chain("MD", "n8n-nodes-base.markdown", 1,
                "{\"html\": \"<b>x</b>\", \"destinationKey\": \"out.md\"}"), objs("[{\"keep\": 1}]"));
        assertThat(json(result, "MD")).isEqualTo(objs("[{\"keep\": 1, \"out\": {\"md\": \"**x**\"}}]"));
    }

    // ---------------------------------------------------------------- Markdown to HTML

    @Test
    void showdownStyleHtml() {
        assertThat(toHtml(" \n\n# Example Domain\n\nSome *text* and **more**...\n\n[Link](https://x.test \"T\")", "{}"))
                .isEqualTo("<h1 id=\"exampledomain\">Example Domain</h1>\n<p>Some <em>text</em> and <strong>more</strong>…</p>\n"
                        + "<p><a href=\"https://x.test\" title=\"T\">Link</a></p>");
    }

    @Test
    void aCompleteDocumentWrapsTheFragment() {
        assertThat(toHtml("hi", "{\"completeHTMLDocument\": true}")).isEqualTo(
                "<!DOCTYPE HTML>\n<html>\n<head>\n<meta charset=\"utf-8\">\n</head>\n<body>\n<p>hi</p>\n</body>\n</html>");
    }

    @Test
    void listsCodeQuotesAndRulesToHtml() {
        assertThat(toHtml("- a\n- b", "{}")).isEqualTo("<ul>\n<li>a</li>\n<li>b</li>\n</ul>");
        assertThat(toHtml("3. x\n4. y", "{}")).isEqualTo("<ol start=\"3\">\n<li>x</li>\n<li>y</li>\n</ol>");
        assertThat(toHtml("```js\na < b\n```", "{}")).isEqualTo("<pre><code class=\"js language-js\">a &lt; b\n</code></pre>");
        assertThat(toHtml("    code", "{}")).isEqualTo("<pre><code>code\n</code></pre>");
        assertThat(toHtml("> quote", "{}")).isEqualTo("<blockquote>\n  <p>quote</p>\n</blockquote>");
        assertThat(toHtml("a\n\n---\n\nb", "{}")).isEqualTo("<p>a</p>\n<hr />\n<p>b</p>");
        assertThat(toHtml("line  \nbreak and `x<y`", "{}")).isEqualTo("<p>line<br />\nbreak and <code>x&lt;y</code></p>");
    }

    @Test
    void headerIdOptions() {
        assertThat(toHtml("# Hello World\n\n# Hello World", "{}"))
                .isEqualTo("<h1 id=\"helloworld\">Hello World</h1>\n<h1 id=\"helloworld-1\">Hello World</h1>");
        assertThat(toHtml("# A b", "{\"noHeaderId\": true}")).isEqualTo("<h1>A b</h1>");
        assertThat(toHtml("# A b", "{\"ghCompatibleHeaderId\": true}")).isEqualTo("<h1 id=\"a-b\">A b</h1>");
        assertThat(toHtml("# A b", "{\"prefixHeaderId\": \"sec-\"}")).isEqualTo("<h1 id=\"secab\">A b</h1>");
        assertThat(toHtml("# A b", "{\"headerLevelStart\": 3}")).isEqualTo("<h3 id=\"ab\">A b</h3>");
        assertThat(toHtml("# Title {custom}", "{\"customizedHeaderId\": true}")).isEqualTo("<h1 id=\"custom\">Title</h1>");
        assertThat(toHtml("#NoSpace", "{\"requireSpaceBeforeHeadingText\": true}")).isEqualTo("<p>#NoSpace</p>");
    }

    @Test
    void optionalSyntaxes() {
        assertThat(toHtml("~~gone~~", "{\"strikethrough\": true}")).isEqualTo("<p><del>gone</del></p>");
        assertThat(toHtml("|a|b|\n|-|:-:|\n|1|2|", "{\"tables\": true}")).isEqualTo("<table>\n<thead>\n<tr>\n<th>a</th>\n"
                + "<th style=\"text-align:center;\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n"
                + "<td style=\"text-align:center;\">2</td>\n</tr>\n</tbody>\n</table>");
        assertThat(toHtml("- [x] done", "{\"tasklists\": true}")).contains("class=\"task-list-item\"").contains(" checked> done");
        assertThat(toHtml("see https://x.test.", "{\"simplifiedAutoLink\": true, \"excludeTrailingPunctuationFromURLs\": true}"))
                .isEqualTo("<p>see <a href=\"https://x.test\">https://x.test</a>.</p>");
        assertThat(toHtml("[a](https://x.test)", "{\"openLinksInNewWindow\": true}"))
                .isEqualTo("<p><a href=\"https://x.test\" rel=\"noopener noreferrer\" target=\"_blank\">a</a></p>");
        assertThat(toHtml("a\nb", "{\"simpleLineBreaks\": true}")).isEqualTo("<p>a<br />\nb</p>");
        assertThat(toHtml("snake_case_name", "{\"literalMidWordUnderscores\": true}")).isEqualTo("<p>snake_case_name</p>");
        assertThat(toHtml("hi @ada", "{\"ghMentions\": true}"))
                .isEqualTo("<p>hi <a href=\"https://github.com/ada\">@ada</a></p>");
        assertThat(toHtml("![i](/a.png =10x20)", "{\"parseImgDimensions\": true}"))
                .isEqualTo("<p><img src=\"/a.png\" alt=\"i\" width=\"10\" height=\"20\" /></p>");
    }

    @Test
    void textIsEscapedAndRawHtmlPassesThrough() {
        assertThat(toHtml("a & b <span>x</span> 1 < 2", "{}")).isEqualTo("<p>a &amp; b <span>x</span> 1 &lt; 2</p>");
        assertThat(toHtml("<div>\nraw *html*\n</div>", "{}")).isEqualTo("<div>\nraw *html*\n</div>");
    }

    @Test
    void anUnknownModeFails() {
        RunResult result = run(chain("MD", "n8n-nodes-base.markdown", 1, "{\"mode\": \"pdf\"}"), objs("[{}]"));
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("Parameter \"mode\": unknown value \"pdf\"");
    }
}
