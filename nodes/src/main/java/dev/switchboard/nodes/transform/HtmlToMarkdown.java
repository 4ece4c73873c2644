package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.HashSet;
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

import dev.switchboard.platform.json.JsValues;

/**
 * Markdown from HTML as the node-html-markdown library writes it (the library behind n8n's
 * Markdown node): blocks separated by blank lines, {@code #} headings, {@code *} bullets,
 * {@code **strong**}, {@code _em_}, fenced code, tables, inline or reference links, Markdown
 * characters in text escaped, at most three consecutive newlines.
 */
final class HtmlToMarkdown {

    /** The options n8n passes through. Patterns given by the user are literal strings, replaced once. */
    record Options(String bulletMarker, String codeFence, String emDelimiter, String strongDelimiter,
                   boolean indentedCodeBlocks, int maxConsecutiveNewlines, boolean useLinkReferenceDefinitions,
                   boolean keepDataImages, List<String> ignore, List<String> blockElements, List<String[]> textReplace,
                   String[] globalEscape, String[] lineStartEscape) {
    }

    private static final Set<String> BLOCK = Set.of("ADDRESS", "ARTICLE", "ASIDE", "AUDIO", "BLOCKQUOTE", "BODY",
            "CANVAS", "CENTER", "DD", "DIR", "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM",
            "FRAMESET", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HGROUP", "HR", "HTML", "ISINDEX", "LI", "MAIN",
            "MENU", "NAV", "NOFRAMES", "NOSCRIPT", "OL", "OUTPUT", "P", "PRE", "SECTION", "TABLE", "TBODY", "TD",
            "TFOOT", "TH", "THEAD", "TR", "UL");
    private static final Set<String> IGNORE = Set.of("AREA", "BASE", "COL", "COMMAND", "EMBED", "HEAD", "INPUT",
            "KEYGEN", "LINK", "META", "PARAM", "SCRIPT", "SOURCE", "STYLE", "TRACK", "WBR");
    /** Elements whose translator is computed per node; n8n's "ignore" option does not reach them. */
    private static final Set<String> COMPUTED = Set.of("H1", "H2", "H3", "H4", "H5", "H6", "OL", "UL", "LI", "CODE",
            "TABLE", "A", "IMG");
    private static final Pattern GLOBAL_ESCAPE = Pattern.compile("[\\\\`*_~\\[\\]]");
    private static final Pattern LINE_START_ESCAPE = Pattern.compile(
            "(?m)^(\\s*?)((?:\\+\\s)|(?:[=>-])|(?:#{1,6}\\s))|(?:(\\d+)(\\.\\s))");
    private static final Pattern DOCTYPE = Pattern.compile("(?i)^([ \\t\\r\\n]*)<!doctype[^>]*>([ \\t\\r\\n]?)");

    /** Which translator set applies: the main one, inside a table, a table row, a cell, a link or a code block. */
    private enum Scope { MAIN, TABLE, ROW, CELL, LINK, CODE }

    /** What a node passes to its children (node-html-markdown's metadata). */
    private record Meta(int indentLevel, String listKind, int[] listItemNumber, boolean noEscape,
                        boolean preserveWhitespace, Scope scope, String[] caption) {
        static final Meta ROOT = new Meta(-1, null, null, false, false, Scope.MAIN, null);
    }

    /** A translator's settings for one element. */
    private static final class Config {
        String prefix = "";
        String postfix = "";
        String content;
        boolean recurse = true;
        int surroundingNewlines;
        boolean ignore;
        boolean noEscape;
        boolean spaceIfRepeatingChar;
        Scope childScope;
        java.util.function.Function<String, String> postprocess; // null result removes the node
    }

    private final Options options;
    private final Set<String> blocks = new HashSet<>(BLOCK);
    private final Set<String> ignored = new HashSet<>(IGNORE);
    private final StringBuilder text = new StringBuilder();
    private final List<String> urlDefinitions = new ArrayList<>();
    private final Map<Node, Boolean> preserve = new java.util.IdentityHashMap<>();

    HtmlToMarkdown(Options options) {
        this.options = options;
        options.blockElements().forEach(e -> blocks.add(e.toUpperCase(Locale.ROOT)));
        options.ignore().forEach(e -> ignored.add(e.toUpperCase(Locale.ROOT)));
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
            for (int i = 0; i < urlDefinitions.size(); i++) {
                sb.append("\n[").append(i + 1).append("]: ").append(urlDefinitions.get(i));
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
            keep = t.equals("TD") || t.equals("TH") || COMPUTED.contains(t);
        } else {
            keep = false;
            for (Node child : node.childNodes()) {
                keep |= optimize(child);
            }
        }
        preserve.put(node, keep);
        return keep;
    }

    private static String tag(Element e) {
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
        Config cfg = config(e, tag, m);
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

    /** The translator for an element in the current scope; null when there is none. */
    private Config config(Element e, String tag, Meta meta) {
        return switch (meta.scope()) {
            case MAIN -> mainConfig(e, tag, meta);
            case CODE -> codeConfig(e, tag, meta);
            case LINK -> switch (tag) {
                case "BR", "HR" -> fixed("\n");
                case "PRE" -> {
                    Config pre = new Config();
                    pre.noEscape = true;
                    yield pre;
                }
                case "STRONG", "B", "DEL", "S", "STRIKE", "EM", "I", "IMG" -> mainConfig(e, tag, meta);
                default -> null;
            };
            case TABLE -> tableConfig(e, tag, meta);
            case ROW -> tag.equals("TH") || tag.equals("TD") ? cellConfig() : null;
            case CELL -> switch (tag) {
                case "A", "STRONG", "B", "DEL", "S", "STRIKE", "EM", "I", "IMG" -> mainConfig(e, tag, meta);
                default -> null;
            };
        };
    }

    private Config mainConfig(Element e, String tag, Meta meta) {
        Config base = null;
        if (blocks.contains(tag)) {
            base = new Config();
            base.surroundingNewlines = 2;
        }
        if (ignored.contains(tag) && !COMPUTED.contains(tag)) {
            Config c = new Config();
            c.ignore = true;
            return c;
        }
        Config c = base == null ? new Config() : base;
        switch (tag) {
            case "PRE" -> c.noEscape = true;
            case "BR" -> c.content = "  \n";
            case "HR" -> c.content = "---";
            case "H1", "H2", "H3", "H4", "H5", "H6" -> c.prefix = "#".repeat(tag.charAt(1) - '0') + " ";
            case "STRONG", "B" -> surround(c, options.strongDelimiter());
            case "DEL", "S", "STRIKE" -> surround(c, "~~");
            case "EM", "I" -> surround(c, options.emDelimiter());
            case "OL", "UL" -> c.surroundingNewlines = 1; // the list kind is always known here
            case "LI" -> listItem(c, meta);
            case "BLOCKQUOTE" -> c.postprocess = content -> Pattern.compile("(?m)^(>*)[ \\t\\f\\u000B\\u00A0]?")
                    .matcher(HtmlToText.trimNewlines(content)).replaceAll(">$1 ");
            case "CODE" -> code(e, c);
            case "TABLE" -> table(c, meta);
            case "TD", "TH" -> {
            }
            case "A" -> anchor(e, c);
            case "IMG" -> image(e, c);
            default -> {
                if (base == null) {
                    return null;
                }
            }
        }
        return c;
    }

    private Config codeConfig(Element e, String tag, Meta meta) {
        Config base = null;
        if (blocks.contains(tag)) {
            base = new Config();
            base.surroundingNewlines = 2;
        }
        if (ignored.contains(tag)) {
            Config c = new Config();
            c.ignore = true;
            return c;
        }
        Config c = base == null ? new Config() : base;
        switch (tag) {
            case "BR" -> c.content = "\n";
            case "HR" -> c.content = "---";
            case "H1", "H2", "H3", "H4", "H5", "H6" -> {
                c.prefix = "[";
                c.postfix = "]";
            }
            case "OL", "UL", "TR" -> c.surroundingNewlines = 0;
            case "LI" -> listItem(c, meta);
            case "IMG" -> c.recurse = false;
            default -> {
                if (base == null) {
                    return null;
                }
            }
        }
        return c;
    }

    private static Config fixed(String content) {
        Config c = new Config();
        c.content = content;
        c.recurse = false;
        return c;
    }

    private static void surround(Config c, String delimiter) {
        c.spaceIfRepeatingChar = true;
        c.postprocess = content -> JsText.isBlank(content) ? null : tagSurround(content, delimiter);
    }

    private void listItem(Config c, Meta meta) {
        int level = Math.max(meta.indentLevel(), 0);
        String indent = "  ";
        boolean ordered = "OL".equals(meta.listKind()) && meta.listItemNumber() != null;
        c.prefix = indent.repeat(level) + (ordered ? meta.listItemNumber()[0] + ". " : options.bulletMarker() + " ");
        c.surroundingNewlines = 1;
        c.postprocess = content -> {
            if (JsText.isBlank(content)) {
                return null;
            }
            String s = JsValues.trim(content).replaceAll("([^\\r\\n])(?:\\r?\\n)+",
                    "$1  \n" + Matcher.quoteReplacement(indent.repeat(level)));
            return Pattern.compile("(?m)(\\S+?)[ \\t\\f\\u000B\\u00A0]+$").matcher(s).replaceAll("$1  ");
        };
    }

    private void code(Element e, Config c) {
        Element parent = e.parent();
        boolean block = parent != null && tag(parent).equals("PRE") && parent.childNodeSize() < 2;
        if (!block) {
            c.spaceIfRepeatingChar = true;
            c.noEscape = true;
            c.postprocess = content -> {
                String longest = "";
                Matcher m = Pattern.compile("`+").matcher(content);
                while (m.find()) {
                    if (m.group().length() > longest.length()) {
                        longest = m.group();
                    }
                }
                String delimiter = "`" + longest;
                String padding = delimiter.length() > 1 ? " " : "";
                return delimiter + padding + content + padding + delimiter;
            };
            return;
        }
        c.noEscape = true;
        c.childScope = Scope.CODE;
        if (!options.indentedCodeBlocks()) {
            Matcher m = Pattern.compile("language-(\\S+)").matcher(e.attr("class"));
            c.prefix = options.codeFence() + (m.find() ? m.group(1) : "") + "\n";
            c.postfix = "\n" + options.codeFence();
        } else {
            c.postprocess = content -> Pattern.compile("(?m)^").matcher(content).replaceAll("    ");
        }
    }

    private void anchor(Element e, Config c) {
        String href = e.attr("href");
        if (href.isEmpty()) {
            return;
        }
        StringBuilder encoded = new StringBuilder();
        for (char ch : href.toCharArray()) {
            switch (ch) {
                case '(' -> encoded.append("%28");
                case ')' -> encoded.append("%29");
                case '_' -> encoded.append("%5F");
                case '*' -> encoded.append("%2A");
                default -> encoded.append(ch);
            }
        }
        String url = encoded.toString();
        StringBuilder textContent = new StringBuilder();
        HtmlExtraction.textContent(e, textContent);
        if (textContent.toString().equals(href)) {
            c.content = "<" + url + ">";
            return;
        }
        String title = e.attr("title");
        c.postprocess = content -> content.replaceAll("(?:\\r?\\n)+", " ");
        c.childScope = Scope.LINK;
        c.prefix = "[";
        if (options.useLinkReferenceDefinitions()) {
            int id = urlDefinitions.indexOf(url);
            if (id < 0) {
                urlDefinitions.add(url);
                id = urlDefinitions.size() - 1;
            }
            c.postfix = "][" + (id + 1) + "]";
        } else {
            c.postfix = "](" + url + (title.isEmpty() ? "" : " \"" + title + "\"") + ")";
        }
    }

    private void image(Element e, Config c) {
        String src = e.attr("src");
        if (src.isEmpty() || !options.keepDataImages() && src.regionMatches(true, 0, "data:", 0, 5)) {
            c.ignore = true;
            return;
        }
        String title = e.attr("title");
        c.content = "![" + e.attr("alt") + "](" + src + (title.isEmpty() ? "" : " \"" + title + "\"") + ")";
        c.recurse = false;
    }

    private void table(Config c, Meta meta) {
        c.surroundingNewlines = 2;
        c.childScope = Scope.TABLE;
        c.postprocess = content -> {
            List<List<String>> rows = new ArrayList<>();
            List<Integer> widths = new ArrayList<>();
            for (String line : content.split("\\r?\\n|\\r")) {
                String row = line.replaceFirst("^\\|?(.+?)\\s*\\|\\s*$", "$1");
                if (row.isEmpty()) {
                    continue;
                }
                List<String> cols = new ArrayList<>();
                String[] parts = row.split(" \\|", -1);
                for (int i = 0; i < parts.length; i++) {
                    String col = JsValues.trim(parts[i]);
                    if (widths.size() < i + 1) {
                        widths.add(col.length());
                    } else if (widths.get(i) < col.length()) {
                        widths.set(i, col.length());
                    }
                    cols.add(col);
                }
                rows.add(cols);
            }
            if (rows.isEmpty()) {
                return null;
            }
            StringBuilder res = new StringBuilder();
            if (meta.caption() != null && meta.caption()[0] != null) {
                res.append(meta.caption()[0]).append('\n');
            }
            for (int r = 0; r < rows.size(); r++) {
                res.append("| ");
                for (int i = 0; i < widths.size(); i++) {
                    String col = i < rows.get(r).size() ? rows.get(r).get(i) : "";
                    res.append(col).append(" ".repeat(Math.max(0, widths.get(i) - col.length())))
                            .append(" |").append(i < widths.size() - 1 ? " " : "");
                }
                res.append('\n');
                if (r == 0) {
                    res.append('|');
                    for (int w : widths) {
                        res.append(' ').append("-".repeat(w)).append(" |");
                    }
                    res.append('\n');
                }
            }
            return res.toString();
        };
    }

    private Config tableConfig(Element e, String tag, Meta meta) {
        switch (tag) {
            case "CAPTION" -> {
                Config c = new Config();
                c.childScope = Scope.CELL;
                c.postprocess = content -> {
                    String caption = JsValues.trim(content.replaceAll("(?:\\r?\\n)+", " "));
                    if (!caption.isEmpty() && meta.caption() != null) {
                        meta.caption()[0] = "__" + caption + "__";
                    }
                    return null;
                };
                return c;
            }
            case "TR" -> {
                Config c = new Config();
                c.childScope = Scope.ROW;
                c.prefix = "| ";
                c.postfix = "\n";
                c.postprocess = content -> Pattern.compile(" \\|\\s*$").matcher(content).find() ? content : null;
                return c;
            }
            case "TH", "TD" -> {
                return cellConfig();
            }
            default -> {
                return null;
            }
        }
    }

    private static Config cellConfig() {
        Config c = new Config();
        c.childScope = Scope.CELL;
        c.prefix = " ";
        c.postfix = " |";
        c.postprocess = content -> JsValues.trim(HtmlToText.trimNewlines(content).replaceFirst("\\|", "\\\\|")
                .replaceAll("(?:\\r?\\n)+", " "));
        return c;
    }

    /** Wraps the text of each line in the delimiter, leaving outer whitespace outside it. */
    static String tagSurround(String content, String delimiter) {
        String c = content;
        if (c.contains(delimiter)) {
            StringBuilder pattern = new StringBuilder("([^\\\\])");
            for (char ch : delimiter.toCharArray()) {
                pattern.append('\\').append(ch);
            }
            c = c.replaceAll(pattern.toString(), "$1");
        }
        StringBuilder res = new StringBuilder();
        Matcher lines = Pattern.compile("([^\\r\\n]*)(\\r\\n|\\r|\\n|$)").matcher(c);
        while (lines.find()) {
            String line = lines.group(1);
            String newline = lines.group(2);
            if (line.isEmpty() && newline.isEmpty()) {
                break;
            }
            int start = 0;
            while (start < line.length() && Character.isWhitespace(line.charAt(start)) || start < line.length()
                    && line.charAt(start) == '\u00A0') {
                start++;
            }
            if (start == line.length()) {
                res.append(line).append(newline);
                continue;
            }
            int end = line.length() - 1;
            while (end > start && (Character.isWhitespace(line.charAt(end)) || line.charAt(end) == '\u00A0')) {
                end--;
            }
            String lead = start > 0 ? String.valueOf(line.charAt(start - 1)) : "";
            String trail = end < line.length() - 1 ? String.valueOf(line.charAt(end + 1)) : "";
            res.append(lead).append(delimiter).append(line, start, end + 1).append(delimiter).append(trail).append(newline);
        }
        return res.toString();
    }
}
