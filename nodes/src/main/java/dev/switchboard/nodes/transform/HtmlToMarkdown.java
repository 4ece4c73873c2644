package dev.switchboard.nodes.transform;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import dev.switchboard.nodes.transform.HtmlToMarkdownTranslators.Config;
import dev.switchboard.nodes.transform.HtmlToMarkdownTranslators.Scope;
import dev.switchboard.platform.json.JsValues;

/**
 * Markdown from HTML as the node-html-markdown library writes it (the library behind n8n's
 * Markdown node): blocks separated by blank lines, {@code #} headings, {@code *} bullets,
 * {@code **strong**}, {@code _em_}, fenced code, tables, inline or reference links, Markdown
 * characters in text escaped, at most three consecutive newlines. This class walks the tree and
 * owns the output: pruning empty nodes, escaping text, newlines around blocks and the reference
 * list; what each element becomes is {@link HtmlToMarkdownTranslators}.
 */
final class HtmlToMarkdown {

    /** The options n8n passes through. Patterns given by the user are literal strings, replaced once. */
    record Options(String bulletMarker, String codeFence, String emDelimiter, String strongDelimiter,
                   boolean indentedCodeBlocks, int maxConsecutiveNewlines, boolean useLinkReferenceDefinitions,
                   boolean keepDataImages, List<String> ignore, List<String> blockElements, List<String[]> textReplace,
                   String[] globalEscape, String[] lineStartEscape) {
    }

    private static final Pattern GLOBAL_ESCAPE = Pattern.compile("[\\\\`*_~\\[\\]]");
    private static final Pattern LINE_START_ESCAPE = Pattern.compile(
            "(?m)^(\\s*?)((?:\\+\\s)|(?:[=>-])|(?:#{1,6}\\s))|(?:(\\d+)(\\.\\s))");
    private static final Pattern DOCTYPE = Pattern.compile("(?i)^([ \\t\\r\\n]*)<!doctype[^>]*>([ \\t\\r\\n]?)");

    /** What a node passes to its children (node-html-markdown's metadata). */
    record Meta(int indentLevel, String listKind, int[] listItemNumber, boolean noEscape,
                boolean preserveWhitespace, Scope scope, String[] caption) {
        static final Meta ROOT = new Meta(-1, null, null, false, false, Scope.MAIN, null);
    }

    private final Options options;
    private final HtmlToMarkdownTranslators translators;
    private final StringBuilder text = new StringBuilder();
    private final Map<Node, Boolean> preserve = new java.util.IdentityHashMap<>();

    HtmlToMarkdown(Options options) {
        this.options = options;
        this.translators = new HtmlToMarkdownTranslators(options);
    }

    String convert(String html) {
        Matcher doctype = DOCTYPE.matcher(html);
        if (doctype.find()) {
            // node-html-parser keeps the doctype as text: whitespace right after it survives as one space
            if (!doctype.group(2).isEmpty() && doctype.group(2).charAt(0) != '\n' && doctype.group(2).charAt(0) != '\r') {
                text.append(' ');
            }
        }
        Document doc = Jsoup.parse(html);
        Element root = doc.children().isEmpty() ? doc : doc.child(0);
        optimize(root);
        visit(root, false, Meta.ROOT);
        String result = text.toString();
        if (options.useLinkReferenceDefinitions()) {
            if (!result.isEmpty() && result.charAt(result.length() - 1) != '\n' && result.charAt(result.length() - 1) != '\r') {
                result += "\n";
            }
            StringBuilder sb = new StringBuilder(result);
            for (int i = 0; i < translators.urlDefinitions().size(); i++) {
                sb.append("\n[").append(i + 1).append("]: ").append(translators.urlDefinitions().get(i));
            }
            result = sb.toString();
        }
        if (options.maxConsecutiveNewlines() > 0) {
            result = result.replaceAll("(?:\\r?\\n\\s*)+((?:\\r?\\n\\s*){" + options.maxConsecutiveNewlines() + "})", "$1");
        }
        return HtmlToText.trimNewlines(result);
    }

    private boolean optimize(Node node) {
        boolean keep;
        if (node instanceof TextNode) {
            keep = true;
        } else if (node instanceof Element e && Set.of("BR", "HR", "IMG").contains(tag(e))) {
            keep = true;
        } else if (node.childNodeSize() == 0) {
            String t = node instanceof Element e ? tag(e) : "";
            keep = t.equals("TD") || t.equals("TH") || HtmlToMarkdownTranslators.COMPUTED.contains(t);
        } else {
            keep = false;
            for (Node child : node.childNodes()) {
                keep |= optimize(child);
            }
        }
        preserve.put(node, keep);
        return keep;
    }

    static String tag(Element e) {
        return e.normalName().toUpperCase(Locale.ROOT);
    }

    private void append(String s, int startPos, boolean spaceIfRepeatingChar) {
        if (s.isEmpty() && startPos < 0) {
            return;
        }
        if (startPos >= 0) {
            text.setLength(startPos);
        }
        if (spaceIfRepeatingChar && !text.isEmpty() && !s.isEmpty() && text.charAt(text.length() - 1) == s.charAt(0)) {
            text.append(' ');
        }
        text.append(s);
    }

    private int trailingWhitespace() {
        int n = 0;
        int stop = Math.max(text.length() - 10, 0);
        for (int i = text.length() - 1; i >= stop && JsValues.isWhitespace(text.charAt(i)); i--) {
            n++;
        }
        return n;
    }

    private int trailingNewlines() {
        int n = 0;
        int stop = Math.max(text.length() - 10, 0);
        for (int i = text.length() - 1; i >= stop && JsValues.isWhitespace(text.charAt(i)); i--) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                n++;
            }
        }
        return n;
    }

    private void appendNewlines(int count) {
        append("\n".repeat(Math.max(0, count - trailingNewlines())), -1, false);
    }

    private String processText(String s, Meta meta) {
        String res = meta.preserveWhitespace() ? s : JsText.collapseWhitespace(s);
        if (meta.noEscape()) {
            return res;
        }
        res = options.globalEscape() != null ? JsText.replaceFirstLiteral(res, options.globalEscape()[0],
                options.globalEscape()[1]) : GLOBAL_ESCAPE.matcher(res).replaceAll("\\\\$0");
        res = options.lineStartEscape() != null ? JsText.replaceFirstLiteral(res, options.lineStartEscape()[0],
                options.lineStartEscape()[1]) : LINE_START_ESCAPE.matcher(res).replaceAll("$1$3\\\\$2$4");
        for (String[] r : options.textReplace()) {
            res = JsText.replaceFirstLiteral(res, r[0], r[1]);
        }
        return res;
    }

    /** node-html-parser's trimmedText: outer whitespace becomes one space only next to a space or tab. */
    private static String trimmedText(String s) {
        int start = 0;
        while (start < s.length() && JsValues.isWhitespace(s.charAt(start))) {
            start++;
        }
        if (start == s.length()) {
            return "";
        }
        int end = s.length() - 1;
        while (end > start && JsValues.isWhitespace(s.charAt(end))) {
            end--;
        }
        boolean lead = start > 0 && isSpaceNotNewline(s.charAt(start - 1));
        boolean trail = end < s.length() - 1 && isSpaceNotNewline(s.charAt(end + 1));
        return (lead ? " " : "") + s.substring(start, end + 1) + (trail ? " " : "");
    }

    private static boolean isSpaceNotNewline(char c) {
        return JsValues.isWhitespace(c) && c != '\n' && c != '\r';
    }

    private void visit(Node node, boolean textOnly, Meta meta) {
        if (!preserve.getOrDefault(node, false)) {
            return;
        }
        if (node instanceof TextNode t) {
            String raw = t.getWholeText();
            if (JsText.isBlank(raw) && !meta.preserveWhitespace()) {
                if (!text.isEmpty() && trailingWhitespace() == 0) {
                    append(" ", -1, false);
                }
            } else {
                append(processText(meta.preserveWhitespace() ? raw : trimmedText(raw), meta), -1, false);
            }
            return;
        }
        if (textOnly || !(node instanceof Element e)) {
            return;
        }
        String tag = tag(e);
        Meta m = meta;
        switch (tag) {
            case "UL", "OL" -> m = new Meta(meta.indentLevel() + 1, tag, new int[] {0}, meta.noEscape(),
                    meta.preserveWhitespace(), meta.scope(), meta.caption());
            case "LI" -> {
                if ("OL".equals(meta.listKind()) && meta.listItemNumber() != null) {
                    meta.listItemNumber()[0]++;
                }
            }
            case "PRE" -> m = new Meta(meta.indentLevel(), meta.listKind(), meta.listItemNumber(), meta.noEscape(), true,
                    meta.scope(), meta.caption());
            case "TABLE" -> m = new Meta(meta.indentLevel(), meta.listKind(), meta.listItemNumber(), meta.noEscape(),
                    meta.preserveWhitespace(), meta.scope(), new String[1]);
            default -> {
            }
        }
        Config cfg = translators.config(e, tag, m);
        if (cfg == null) {
            for (Node child : e.childNodes()) {
                visit(child, textOnly, m);
            }
            return;
        }
        if (cfg.ignore) {
            return;
        }
        if (cfg.noEscape && !m.noEscape() || cfg.childScope != null && cfg.childScope != m.scope()) {
            m = new Meta(m.indentLevel(), m.listKind(), m.listItemNumber(), m.noEscape() || cfg.noEscape,
                    m.preserveWhitespace(), cfg.childScope != null ? cfg.childScope : m.scope(), m.caption());
        }
        int startOuter = text.length();
        if (cfg.surroundingNewlines > 0) {
            appendNewlines(cfg.surroundingNewlines);
        }
        if (!cfg.prefix.isEmpty()) {
            append(cfg.prefix, -1, false);
        }
        if (cfg.content != null) {
            append(cfg.content, -1, cfg.spaceIfRepeatingChar);
        } else {
            int start = text.length();
            for (Node child : e.childNodes()) {
                visit(child, !cfg.recurse, m);
            }
            if (cfg.postprocess != null) {
                String result = cfg.postprocess.apply(text.substring(start));
                if (result == null) {
                    if (tag.equals("LI") && m.listItemNumber() != null && m.listItemNumber()[0] > 0) {
                        m.listItemNumber()[0]--;
                    }
                    append("", startOuter, false);
                    return;
                }
                append(result, start, cfg.spaceIfRepeatingChar);
            }
        }
        if (!cfg.postfix.isEmpty()) {
            append(cfg.postfix, -1, false);
        }
        if (cfg.surroundingNewlines > 0) {
            appendNewlines(cfg.surroundingNewlines);
        }
    }
}
