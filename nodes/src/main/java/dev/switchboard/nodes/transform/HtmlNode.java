package dev.switchboard.nodes.transform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Selector;

import dev.switchboard.nodes.support.ItemLoop;
import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.json.JsonPath;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.PairedItem;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * Works with HTML: fills an HTML template with {@code {{ expressions }}}, extracts values from HTML
 * with CSS selectors, or renders all items as one HTML table.
 */
public final class HtmlNode implements NodeType {

    static final String PLACEHOLDER = """
            <!DOCTYPE html>

            <html>
            <head>
              <meta charset="UTF-8" />
              <title>Document</title>
            </head>
            <body>
              <div class="container">
                <h1>This is a Heading</h1>
                <p>This is a paragraph.</p>
                <div>Some more content!</div>
              </div>
            </body>
            </html>

            <style>
            .container {
              background-color: lightblue;
              text-align: center;
              padding: 16px;
              border-radius: 10px;
            }

            h1 {
              color: purple;
              font-size: 24px;
              font-weight: bold;
              padding: 8px;
            }
            </style>

            <script>
            console.log("Hello World!");
            </script>""";

    private static final Pattern RESOLVABLE = Pattern.compile("\\{\\{[\\s\\S]*?}}");

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("html", "HTML", NodeCategory.TRANSFORM)
            .versions(1.0, 1.1, 1.2)
            .description("Generates HTML from a template, extracts content from HTML, or turns items into an HTML table.")
            .parameters(
                    ParameterSpec.options("operation", "Operation", "generateHtmlTemplate", "generateHtmlTemplate",
                            "extractHtmlContent", "convertToHtmlTable"),
                    new ParameterSpec("html", "HTML template", ParameterType.CODE, false, PLACEHOLDER, null, false, false,
                            "The HTML to output; {{ expressions }} inside it are evaluated per item.",
                            Map.of("operation", List.of("generateHtmlTemplate")), null),
                    ParameterSpec.options("sourceData", "Source data", "json", "binary", "json")
                            .showWhen("operation", "extractHtmlContent")
                            .help("Read the HTML from a JSON field or from a binary attachment."),
                    ParameterSpec.of("dataPropertyName", "Field", ParameterType.STRING, "data")
                            .showWhen("operation", "extractHtmlContent")
                            .help("The JSON field (a string or an array of strings) or binary property holding the HTML."),
                    ParameterSpec.of("extractionValues", "Extraction values", ParameterType.FIXED_COLLECTION, Map.of())
                            .inVersions(1.0)
                            .showWhen("operation", "extractHtmlContent")
                            .help("values: key, cssSelector, returnValue (text/html/attribute/value), attribute, returnArray."),
                    ParameterSpec.of("extractionValues", "Extraction values", ParameterType.FIXED_COLLECTION,
                                    Map.of("values", List.of(Map.of("key", "", "cssSelector", "", "returnValue", "text",
                                            "returnArray", false))))
                            .inVersions(1.1, 1.2)
                            .showWhen("operation", "extractHtmlContent")
                            .help("values: key, cssSelector, returnValue (text/html/attribute/value), attribute, "
                                    + "skipSelectors (text, version 1.2), returnArray."),
                    ParameterSpec.of("options", "Options", ParameterType.COLLECTION, Map.of())
                            .help("Extract: trimValues, cleanUpText. Table: capitalize, customStyling, caption, "
                                    + "tableAttributes, headerAttributes, rowAttributes, cellAttributes."))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        List<Item> items = context.items();
        String operation = context.string("operation", 0, "generateHtmlTemplate");
        if (operation.equals("convertToHtmlTable")) {
            return NodeResult.of(items.isEmpty() ? List.of() : List.of(HtmlTable.render(context, items)));
        }
        if (!operation.equals("generateHtmlTemplate") && !operation.equals("extractHtmlContent")) {
            throw new NodeException("Parameter \"operation\": unknown value \"" + operation + "\"");
        }
        return NodeResult.of(ItemLoop.mapEach(context, (item, i) -> {
            if (!operation.equals("generateHtmlTemplate")) {
                return extract(context, item, i);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("html", template(context, i));
            return List.of(Item.of(json, i));
        }));
    }

    /** The template with each {@code {{ }}} evaluated for the item, as n8n's HTML node does. */
    private static String template(NodeContext context, int i) {
        String html = context.string("html", i, "");
        if (!RESOLVABLE.matcher(html).find()) {
            return html;
        }
        Object value = context.evaluate(html, i);
        return value == null ? "" : value instanceof String s ? s : JsValues.string(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Item> extract(NodeContext context, Item item, int i) {
        String property = context.string("dataPropertyName", i, "data");
        String source = context.string("sourceData", i, "json");
        List<String> pages = new ArrayList<>();
        if (source.equals("binary")) {
            pages.add(binaryText(item, property, i));
        } else {
            Object value = context.typeVersion() == 1.0 && item.json().containsKey(property)
                    ? item.json().get(property) : JsonPath.get(item.json(), property);
            if (value == null && !JsonPath.has(item.json(), property) && !item.json().containsKey(property)) {
                throw new NodeException("Parameter \"dataPropertyName\": field \"" + property + "\" not found [item "
                        + i + "]", i);
            }
            if (value instanceof List<?> list) {
                for (Object v : list) {
                    pages.add(v == null ? "" : JsValues.string(v));
                }
            } else {
                pages.add(value == null ? "" : JsValues.string(value));
            }
        }
        Object rawValues = context.parameter("extractionValues", i);
        List<HtmlExtraction.Extraction> extractions = new ArrayList<>();
        if (rawValues instanceof Map<?, ?> m && m.get("values") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> e) {
                    extractions.add(extraction((Map<String, Object>) e));
                }
            }
        }
        Map<String, Object> options = context.parameter("options", i) instanceof Map<?, ?> o
                ? (Map<String, Object>) o : Map.of();
        HtmlExtraction extraction = new HtmlExtraction(context.typeVersion(), truthy(options.get("trimValues")),
                truthy(options.get("cleanUpText")));
        List<Item> out = new ArrayList<>();
        for (String page : pages) {
            Document doc = parse(page);
            try {
                out.add(Item.of(extraction.extract(doc, extractions), i));
            } catch (Selector.SelectorParseException | IllegalArgumentException e) {
                throw new NodeException("Parameter \"extractionValues\": invalid CSS selector: " + e.getMessage()
                        + " [item " + i + "]", i);
            }
        }
        return out;
    }

    /**
     * Parses a page as browsers (and cheerio's parse5) do: line breaks normalised, and the text
     * after {@code </body>} kept at the end of the body (jsoup would attach it to {@code <html>}).
     */
    static Document parse(String page) {
        Document doc = Jsoup.parse(page.replace("\r\n", "\n").replace('\r', '\n'));
        doc.outputSettings().prettyPrint(false);
        org.jsoup.nodes.Element body = doc.body();
        if (body != null && body.parent() != null) {
            List<org.jsoup.nodes.Node> after = new ArrayList<>();
            boolean seen = false;
            for (org.jsoup.nodes.Node n : body.parent().childNodes()) {
                if (n == body) {
                    seen = true;
                } else if (seen && n instanceof org.jsoup.nodes.TextNode) {
                    after.add(n);
                }
            }
            for (org.jsoup.nodes.Node n : doc.childNodes()) {
                if (n instanceof org.jsoup.nodes.TextNode) {
                    after.add(n);
                }
            }
            for (org.jsoup.nodes.Node n : after) {
                n.remove();
                body.appendChild(n);
            }
        }
        return doc;
    }

    private static HtmlExtraction.Extraction extraction(Map<String, Object> e) {
        return new HtmlExtraction.Extraction(
                e.get("key") == null ? "" : JsValues.string(e.get("key")),
                e.get("cssSelector") == null ? "" : JsValues.string(e.get("cssSelector")),
                e.get("returnValue") == null ? "text" : JsValues.string(e.get("returnValue")),
                e.get("attribute") == null ? null : JsValues.string(e.get("attribute")),
                truthy(e.get("returnArray")),
                e.get("skipSelectors") == null ? null : JsValues.string(e.get("skipSelectors")));
    }

    private static boolean truthy(Object v) {
        return v instanceof Boolean b ? b : v instanceof String s && Boolean.parseBoolean(s);
    }

    private static String binaryText(Item item, String property, int i) {
        if (!(item.binary().get(property) instanceof Map<?, ?> binary)) {
            throw new NodeException("Parameter \"dataPropertyName\": the item has no binary property \"" + property
                    + "\" [item " + i + "]", i);
        }
        if (!(binary.get("data") instanceof String data)) {
            throw new NodeException("Binary property \"" + property + "\" holds no inline data to read [item " + i + "]", i);
        }
        try {
            return new String(Base64.getMimeDecoder().decode(data), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new NodeException("Binary property \"" + property + "\" is not valid base64 [item " + i + "]", i);
        }
    }

    /** The "Convert to HTML Table" operation: one item whose {@code table} holds all items as rows. */
    static final class HtmlTable {
        private HtmlTable() {
        }

        @SuppressWarnings("unchecked")
        static Item render(NodeContext context, List<Item> items) {
            Map<String, Object> options = context.parameter("options", 0) instanceof Map<?, ?> o
                    ? (Map<String, Object>) o : Map.of();
            String tableStyle = "";
            String headerStyle = "";
            String cellStyle = "";
            if (!truthy(options.get("customStyling"))) {
                tableStyle = "style='border-spacing:0; font-family:helvetica,arial,sans-serif'";
                headerStyle = "style='margin:0; padding:7px 20px 7px 0px; border-bottom:1px solid #eee; "
                        + "text-align:left; color:#888; font-weight:normal'";
                cellStyle = "style='margin:0; padding:7px 20px 7px 0px; border-bottom:1px solid #eee'";
            }
            Set<String> headers = new LinkedHashSet<>();
            for (Item item : items) {
                headers.addAll(item.json().keySet());
            }
            StringBuilder table = new StringBuilder();
            table.append("<table ").append(tableStyle).append(' ').append(text(options.get("tableAttributes"))).append('>');
            String caption = text(options.get("caption"));
            if (!caption.isEmpty()) {
                table.append("<caption>").append(caption).append("</caption>");
            }
            table.append("<thead ").append(headerStyle).append(' ').append(text(options.get("headerAttributes")))
                    .append('>').append("<tr>");
            boolean capitalize = truthy(options.get("capitalize"));
            for (String header : headers) {
                table.append("<th>").append(capitalize ? capitalizeHeader(header) : header).append("</th>");
            }
            table.append("</tr></thead><tbody>");
            for (int i = 0; i < items.size(); i++) {
                Map<String, Object> row = items.get(i).json();
                table.append("<tr  ").append(context.string("options.rowAttributes", i, "")).append('>');
                String cellAttributes = context.string("options.cellAttributes", i, "");
                for (String header : headers) {
                    table.append("<td ").append(cellStyle).append(' ').append(cellAttributes).append('>');
                    Object v = row.get(header);
                    if (v instanceof Boolean b) {
                        table.append("<input type=\"checkbox\" ").append(b ? "checked=\"checked\"" : "").append("/>");
                    } else if (v instanceof Map || v instanceof List) {
                        table.append(Json.write(v));
                    } else if (v != null) {
                        table.append(JsValues.string(v));
                    }
                    table.append("</td>");
                }
                table.append("</tr>");
            }
            table.append("</tbody></table>");
            List<PairedItem> lineage = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                lineage.add(PairedItem.of(i));
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("table", table.toString());
            return new Item(json, null, lineage);
        }

        private static String text(Object v) {
            return v == null ? "" : JsValues.string(v);
        }

        /** "first_name" becomes "First Name". */
        static String capitalizeHeader(String header) {
            List<String> words = new ArrayList<>();
            for (String w : header.split("_")) {
                if (!w.isEmpty()) {
                    words.add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
                }
            }
            return String.join(" ", words);
        }
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
