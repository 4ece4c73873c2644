package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.switchboard.platform.json.JsValues;

import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * The values the HTML node's "Extract HTML Content" reads from a parsed page, with the semantics
 * of the cheerio calls n8n makes: text, inner HTML, an attribute (all of them when none is named),
 * or a form field's value.
 */
final class HtmlExtraction {

    private static final Pattern BOOLEAN_ATTRIBUTE = Pattern.compile(
            "(?i)autofocus|autoplay|async|checked|controls|defer|disabled|hidden|loop|multiple|open|readonly|required"
                    + "|scoped|selected");

    /** One row of "Extraction Values". */
    record Extraction(String key, String cssSelector, String returnValue, String attribute, boolean returnArray,
                      String skipSelectors) {
    }

    private final double version;
    private final boolean trimValues;
    private final boolean cleanUpText;

    HtmlExtraction(double version, boolean trimValues, boolean cleanUpText) {
        this.version = version;
        this.trimValues = trimValues;
        this.cleanUpText = cleanUpText;
    }

    /** The item json for one page; values that are undefined in n8n leave their key out. */
    Map<String, Object> extract(Document doc, List<Extraction> extractions) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Extraction x : extractions) {
            Elements found = x.cssSelector().isBlank() ? new Elements() : doc.select(x.cssSelector());
            if (x.returnArray()) {
                List<Object> values = new ArrayList<>();
                for (Element el : found) {
                    values.add(value(new Elements(el), x));
                }
                json.put(x.key(), values);
            } else {
                Object v = value(found, x);
                if (v != null) {
                    json.put(x.key(), v);
                }
            }
        }
        return json;
    }

    private Object value(Elements found, Extraction x) {
        Object raw = switch (x.returnValue()) {
            case "attribute" -> attribute(found.isEmpty() ? null : found.first(), x.attribute());
            case "html" -> {
                String html = found.isEmpty() ? "" : found.first().html();
                yield html.isEmpty() ? null : html;
            }
            case "value" -> value(found.isEmpty() ? null : found.first());
            default -> text(found, x);
        };
        if (!(raw instanceof String s)) {
            return raw;
        }
        if (trimValues) {
            s = JsValues.trim(s);
        }
        if (cleanUpText) {
            s = JsValues.trim(s).replace("\r\n", "").replace("\n", "").replace("\r", "");
            s = JsText.collapseWhitespace(s);
        }
        return s;
    }

    private String text(Elements found, Extraction x) {
        if (version <= 1.1) {
            StringBuilder sb = new StringBuilder();
            for (Element e : found) {
                textContent(e, sb);
            }
            return sb.isEmpty() ? null : sb.toString();
        }
        if (found.isEmpty()) {
            return "";
        }
        List<String> skip = new ArrayList<>();
        if (x.skipSelectors() != null && !x.skipSelectors().isEmpty()) {
            for (String s : x.skipSelectors().split(",")) {
                if (!s.trim().isEmpty()) {
                    skip.add(s.trim());
                }
            }
        }
        return new HtmlToText(skip).convert(found.first().childNodes());
    }

    /** The DOM's textContent: every text node below, script and style contents included. */
    static void textContent(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                out.append(t.getWholeText());
            } else if (child instanceof DataNode d) {
                out.append(d.getWholeData());
            } else if (child instanceof Element) {
                textContent(child, out);
            }
        }
    }

    /** cheerio's attr(name): all attributes when no name is given. */
    static Object attribute(Element e, String name) {
        if (e == null) {
            return null;
        }
        if (name == null || name.isEmpty()) {
            Map<String, Object> all = new LinkedHashMap<>();
            e.attributes().forEach(a -> all.put(a.getKey(), a.getValue()));
            return all;
        }
        if (e.hasAttr(name)) {
            return BOOLEAN_ATTRIBUTE.matcher(name).matches() ? name : e.attr(name);
        }
        if (e.normalName().equals("option") && name.equals("value")) {
            StringBuilder sb = new StringBuilder();
            textContent(e, sb);
            return sb.toString();
        }
        String type = e.attr("type").toLowerCase(Locale.ROOT);
        if (e.normalName().equals("input") && (type.equals("radio") || type.equals("checkbox")) && name.equals("value")) {
            return "on";
        }
        return null;
    }

    /** cheerio's val(), with a multiple select's values joined by commas as n8n does. */
    static Object value(Element e) {
        if (e == null) {
            return null;
        }
        switch (e.normalName()) {
            case "textarea" -> {
                StringBuilder sb = new StringBuilder();
                textContent(e, sb);
                return sb.toString();
            }
            case "select" -> {
                List<Element> selected = selectedOptions(e);
                if (e.hasAttr("multiple")) {
                    List<String> texts = new ArrayList<>();
                    for (Element o : selected) {
                        StringBuilder sb = new StringBuilder();
                        textContent(o, sb);
                        texts.add(sb.toString());
                    }
                    return String.join(",", texts);
                }
                return selected.isEmpty() ? null : attribute(selected.get(0), "value");
            }
            case "input", "option" -> {
                return attribute(e, "value");
            }
            default -> {
                return null;
            }
        }
    }

    /** Options with "selected", or the first option of a single select that has none. */
    private static List<Element> selectedOptions(Element select) {
        Elements options = select.select("option");
        List<Element> selected = new ArrayList<>();
        for (Element o : options) {
            if (o.hasAttr("selected")) {
                selected.add(o);
            }
        }
        if (selected.isEmpty() && !select.hasAttr("multiple") && !options.isEmpty()) {
            selected.add(options.first());
        }
        return selected;
    }
}
