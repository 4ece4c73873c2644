package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

import dev.switchboard.nodes.transform.HtmlToMarkdown.Meta;
import dev.switchboard.nodes.transform.HtmlToMarkdown.Options;
import dev.switchboard.platform.json.JsValues;

/**
 * node-html-markdown's translators for {@link HtmlToMarkdown}: for each element, in the scope it
 * sits in (main text, code block, link; tables are {@link HtmlToMarkdownTables}), the prefix,
 * postfix, fixed content or postprocessing of its children's Markdown: headings, emphasis, lists,
 * code spans and fences, links (inline or by reference, whose URLs this collects) and images.
 */
final class HtmlToMarkdownTranslators {

    private static final Set<String> BLOCK = Set.of("ADDRESS", "ARTICLE", "ASIDE", "AUDIO", "BLOCKQUOTE", "BODY",
            "CANVAS", "CENTER", "DD", "DIR", "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM",
            "FRAMESET", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HGROUP", "HR", "HTML", "ISINDEX", "LI", "MAIN",
            "MENU", "NAV", "NOFRAMES", "NOSCRIPT", "OL", "OUTPUT", "P", "PRE", "SECTION", "TABLE", "TBODY", "TD",
            "TFOOT", "TH", "THEAD", "TR", "UL");
    private static final Set<String> IGNORE = Set.of("AREA", "BASE", "COL", "COMMAND", "EMBED", "HEAD", "INPUT",
            "KEYGEN", "LINK", "META", "PARAM", "SCRIPT", "SOURCE", "STYLE", "TRACK", "WBR");
    /** Elements whose translator is computed per node; n8n's "ignore" option does not reach them. */
    static final Set<String> COMPUTED = Set.of("H1", "H2", "H3", "H4", "H5", "H6", "OL", "UL", "LI", "CODE",
            "TABLE", "A", "IMG");

    /** Which translator set applies: the main one, inside a table, a table row, a cell, a link or a code block. */
    enum Scope { MAIN, TABLE, ROW, CELL, LINK, CODE }

    /** A translator's settings for one element. */
    static final class Config {
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
    private final List<String> urlDefinitions = new ArrayList<>();

    HtmlToMarkdownTranslators(Options options) {
        this.options = options;
        options.blockElements().forEach(e -> blocks.add(e.toUpperCase(Locale.ROOT)));
        options.ignore().forEach(e -> ignored.add(e.toUpperCase(Locale.ROOT)));
    }

    /** The URLs of reference-style links, in the order they were first seen. */
    List<String> urlDefinitions() {
        return urlDefinitions;
    }

    /** The translator for an element in the current scope; null when there is none. */
    Config config(Element e, String tag, Meta meta) {
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
            case TABLE -> HtmlToMarkdownTables.tableConfig(e, tag, meta);
            case ROW -> tag.equals("TH") || tag.equals("TD") ? HtmlToMarkdownTables.cellConfig() : null;
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
            case "TABLE" -> HtmlToMarkdownTables.table(c, meta);
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
        boolean block = parent != null && HtmlToMarkdown.tag(parent).equals("PRE") && parent.childNodeSize() < 2;
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
