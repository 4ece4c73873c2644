package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Plain text from HTML, laid out as the html-to-text library does with its default options (the
 * library n8n's HTML node uses since version 1.2): only the {@code body} when there is one, blocks
 * separated by blank lines, headings upper-cased, links and images followed by their URL in
 * brackets, list items prefixed, lines wrapped at 80 characters. Elements matching a skip selector
 * are left out.
 */
final class HtmlToText {

    private final List<String> skipSelectors;

    HtmlToText(List<String> skipSelectors) {
        this.skipSelectors = skipSelectors;
    }

    /** The text of these nodes (an element's children, or a whole document's). */
    String convert(List<Node> nodes) {
        List<Node> bases = new ArrayList<>();
        findBodies(nodes, bases);
        HtmlTextLayout.Builder builder = new HtmlTextLayout.Builder();
        walk(bases.isEmpty() ? nodes : bases, builder);
        return builder.text();
    }

    private static void findBodies(List<Node> nodes, List<Node> out) {
        for (Node n : nodes) {
            if (n instanceof Element e && !isScriptOrStyle(e)) {
                if (e.normalName().equals("body")) {
                    out.add(e);
                } else {
                    findBodies(e.childNodes(), out);
                }
            }
        }
    }

    private static boolean isScriptOrStyle(Element e) {
        return e.normalName().equals("script") || e.normalName().equals("style");
    }

    private void walk(List<Node> nodes, HtmlTextLayout.Builder builder) {
        for (Node n : nodes) {
            if (n instanceof TextNode t) {
                builder.addInline(t.getWholeText(), false);
            } else if (n instanceof Element e && !isScriptOrStyle(e)) {
                format(e, builder);
            }
        }
    }

    private boolean skipped(Element e) {
        for (String selector : skipSelectors) {
            if (selector.equals("*") ? !hasOwnFormat(e.normalName()) : e.is(selector)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasOwnFormat(String tag) {
        return switch (tag) {
            case "a", "article", "aside", "blockquote", "br", "div", "footer", "form", "h1", "h2", "h3", "h4", "h5",
                 "h6", "header", "hr", "img", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "wbr" -> true;
            default -> false;
        };
    }

    private void format(Element e, HtmlTextLayout.Builder b) {
        if (skipped(e)) {
            return;
        }
        switch (e.normalName()) {
            case "a" -> anchor(e, b);
            case "article", "aside", "div", "footer", "form", "header", "main", "nav", "section" -> {
                b.openBlock(1, 0, false);
                walk(e.childNodes(), b);
                b.closeBlock(1, null);
            }
            case "blockquote" -> {
                b.openBlock(2, 2, false);
                walk(e.childNodes(), b);
                b.closeBlock(2, s -> "> " + trimNewlines(s).replace("\n", "\n> "));
            }
            case "br" -> b.addLineBreak();
            case "h1", "h2", "h3" -> heading(e, b, 3);
            case "h4", "h5", "h6" -> heading(e, b, 2);
            case "hr" -> {
                b.openBlock(2, 0, false);
                b.addInline("-".repeat(HtmlTextLayout.WORDWRAP), false);
                b.closeBlock(2, null);
            }
            case "img" -> image(e, b);
            case "ol" -> list(e, b, orderedPrefixes(e));
            case "ul" -> list(e, b, () -> " * ");
            case "p", "table" -> {
                b.openBlock(2, 0, false);
                walk(e.childNodes(), b);
                b.closeBlock(2, null);
            }
            case "pre" -> {
                b.openBlock(2, 0, true);
                walk(e.childNodes(), b);
                b.closeBlock(2, null);
            }
            case "wbr" -> b.addWordBreakOpportunity();
            default -> walk(e.childNodes(), b);
        }
    }

    private void heading(Element e, HtmlTextLayout.Builder b, int leading) {
        b.openBlock(leading, 0, false);
        b.pushWordTransform(s -> s.toUpperCase(Locale.ROOT));
        walk(e.childNodes(), b);
        b.popWordTransform();
        b.closeBlock(2, null);
    }

    private static void image(Element e, HtmlTextLayout.Builder b) {
        String alt = e.attr("alt");
        String src = e.attr("src");
        String text = src.isEmpty() ? alt : alt.isEmpty() ? "[" + src + "]" : alt + " [" + src + "]";
        b.addInline(text, true);
    }

    private void anchor(Element e, HtmlTextLayout.Builder b) {
        String href = e.attr("href");
        if (href.startsWith("mailto:")) {
            href = href.substring("mailto:".length());
        }
        if (href.startsWith("#")) {
            href = "";
        }
        if (href.isEmpty()) {
            walk(e.childNodes(), b);
            return;
        }
        StringBuilder text = new StringBuilder();
        b.pushWordTransform(s -> {
            text.append(s);
            return s;
        });
        walk(e.childNodes(), b);
        b.popWordTransform();
        b.addInline(text.isEmpty() ? href : " [" + href + "]", true);
    }

    private interface PrefixSource {
        String next();
    }

    private static PrefixSource orderedPrefixes(Element ol) {
        int start;
        try {
            start = ol.hasAttr("start") ? Integer.parseInt(ol.attr("start").trim()) : 1;
        } catch (NumberFormatException ex) {
            start = 1;
        }
        String type = ol.attr("type");
        int[] next = {start};
        return () -> {
            int i = next[0]++;
            String index = switch (type) {
                case "a" -> letters(i, 'a');
                case "A" -> letters(i, 'A');
                case "i" -> roman(i).toLowerCase(Locale.ROOT);
                case "I" -> roman(i);
                default -> Integer.toString(i);
            };
            return " " + index + ". ";
        };
    }

    private static String letters(int num, char base) {
        StringBuilder sb = new StringBuilder();
        int n = num;
        while (n > 0) {
            n--;
            sb.insert(0, (char) (base + n % 26));
            n /= 26;
        }
        return sb.toString();
    }

    private static String roman(int num) {
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder sb = new StringBuilder();
        int n = num;
        for (int i = 0; i < values.length; i++) {
            while (n >= values[i]) {
                sb.append(symbols[i]);
                n -= values[i];
            }
        }
        return sb.toString();
    }

    private void list(Element e, HtmlTextLayout.Builder b, PrefixSource prefixes) {
        boolean nested = e.parent() != null && e.parent().normalName().equals("li");
        List<Node> nodes = new ArrayList<>();
        List<String> itemPrefixes = new ArrayList<>();
        int maxPrefixLength = 0;
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t && JsText.isBlank(t.getWholeText())) {
                continue;
            }
            if (!(child instanceof TextNode) && !(child instanceof Element)) {
                continue;
            }
            String prefix = "";
            if (child instanceof Element el && el.normalName().equals("li")) {
                prefix = nested ? prefixes.next().stripLeading() : prefixes.next();
                maxPrefixLength = Math.max(maxPrefixLength, prefix.length());
            }
            nodes.add(child);
            itemPrefixes.add(prefix);
        }
        if (nodes.isEmpty()) {
            return;
        }
        b.openList(nested ? 1 : 2, maxPrefixLength);
        for (int i = 0; i < nodes.size(); i++) {
            b.openListItem(itemPrefixes.get(i));
            walk(List.of(nodes.get(i)), b);
            b.closeListItem();
        }
        b.closeList(nested ? 1 : 2);
    }

    static String trimNewlines(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '\n') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(start, end);
    }
}
