package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML from Markdown with the conventions of the showdown library (behind n8n's Markdown node):
 * header ids made from the heading text, "..." as an ellipsis, GitHub code fences, {@code <br />}
 * and {@code <hr />}, blocks joined by newlines, and showdown's options for tables, strikethrough,
 * task lists, automatic links, header ids and complete documents.
 */
final class MarkdownToHtml {

    private final Map<String, Object> options;
    private final Map<String, String[]> references = new HashMap<>();
    private final Map<String, Integer> headerIds = new HashMap<>();
    private final List<String> tokens = new ArrayList<>();

    private static final Pattern ATX = Pattern.compile("^(#{1,6})[ \\t]*(.+?)[ \\t]*#*[ \\t]*$");
    private static final Pattern ATX_STRICT = Pattern.compile("^(#{1,6})[ \\t]+(.+?)[ \\t]*#*[ \\t]*$");
    private static final Pattern HR = Pattern.compile("^ {0,2}([-*_])(?: {0,2}\\1){2,}[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```+|~~~+)[ \\t]*([^\\s`~]*)[^\\n]*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^( *)([*+-]|\\d+[.])[ \\t]+(.*)$");
    private static final Pattern EMPTY_LIST_ITEM = Pattern.compile("^( *)([*+-]|\\d+[.])[ \\t]*$");
    private static final Pattern REFERENCE = Pattern.compile(
            "^ {0,3}\\[([^\\]]+)\\]:[ \\t]*<?(\\S+?)>?(?:[ \\t]+[\"'(](.+?)[\"')])?[ \\t]*$");
    private static final Pattern HTML_BLOCK = Pattern.compile("^ {0,3}<(/?(?:address|article|aside|blockquote|canvas|"
            + "center|dd|details|dialog|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|iframe|"
            + "li|main|menu|nav|noscript|ol|p|pre|script|section|style|summary|table|tbody|td|tfoot|th|thead|tr|ul|video)"
            + "\\b|!--)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^[ \\t]*\\|?[ \\t]*:?-+:?[ \\t]*(\\|[ \\t]*:?-+:?[ \\t]*)*\\|?[ \\t]*$");

    MarkdownToHtml(Map<String, Object> options) {
        this.options = options;
    }

    private boolean flag(String name, boolean fallback) {
        Object v = options.get(name);
        return v instanceof Boolean b ? b : v instanceof String s && !s.isEmpty() ? Boolean.parseBoolean(s) : fallback;
    }

    private String text(String name, String fallback) {
        Object v = options.get(name);
        return v == null ? fallback : JsText.string(v);
    }

    String convert(String markdown) {
        String source = detab(markdown.replace("\r\n", "\n").replace('\r', '\n'));
        List<String> lines = new ArrayList<>();
        for (String line : source.split("\n", -1)) {
            Matcher ref = REFERENCE.matcher(line);
            if (ref.matches()) {
                references.put(ref.group(1).toLowerCase(Locale.ROOT), new String[] {ref.group(2), ref.group(3)});
            } else {
                lines.add(line);
            }
        }
        String html = restore(String.join("\n", blocks(lines, false)));
        if (flag("completeHTMLDocument", false)) {
            html = "<!DOCTYPE HTML>\n<html>\n<head>\n<meta charset=\"utf-8\">\n</head>\n<body>\n" + html.strip()
                    + "\n</body>\n</html>";
        }
        return html;
    }

    private static String detab(String s) {
        if (s.indexOf('\t') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        int column = 0;
        for (char c : s.toCharArray()) {
            if (c == '\t') {
                int spaces = 4 - column % 4;
                sb.append(" ".repeat(spaces));
                column += spaces;
            } else {
                sb.append(c);
                column = c == '\n' ? 0 : column + 1;
            }
        }
        return sb.toString();
    }

    private static boolean blank(String line) {
        return line.isBlank();
    }

    // ------------------------------------------------------------------ blocks

    /** The HTML of each block; {@code tight} renders lone paragraphs without {@code <p>} (tight list items). */
    private List<String> blocks(List<String> lines, boolean tight) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (blank(line)) {
                i++;
                continue;
            }
            Matcher m;
            if ((m = FENCE.matcher(line)).matches() && flag("ghCodeBlocks", true)) {
                String fence = m.group(1);
                String language = m.group(2);
                List<String> code = new ArrayList<>();
                i++;
                while (i < lines.size() && !lines.get(i).strip().startsWith(fence)) {
                    code.add(lines.get(i));
                    i++;
                }
                i++;
                String cls = language.isEmpty() ? "" : " class=\"" + language + " language-" + language + "\"";
                out.add("<pre><code" + cls + ">" + escapeCode(String.join("\n", code)) + "\n</code></pre>");
                continue;
            }
            if ((m = (flag("requireSpaceBeforeHeadingText", false) ? ATX_STRICT : ATX).matcher(line)).matches()) {
                out.add(heading(m.group(1).length(), m.group(2)));
                i++;
                continue;
            }
            if (HR.matcher(line).matches()) {
                out.add("<hr />");
                i++;
                continue;
            }
            if (line.startsWith("    ")) {
                List<String> code = new ArrayList<>();
                while (i < lines.size() && (lines.get(i).startsWith("    ") || blank(lines.get(i)))) {
                    code.add(lines.get(i).length() >= 4 ? lines.get(i).substring(4) : "");
                    i++;
                }
                while (!code.isEmpty() && code.get(code.size() - 1).isBlank()) {
                    code.remove(code.size() - 1);
                }
                out.add("<pre><code>" + escapeCode(String.join("\n", code)) + "\n</code></pre>");
                continue;
            }
            if (line.stripLeading().startsWith(">")) {
                List<String> quote = new ArrayList<>();
                while (i < lines.size() && !blank(lines.get(i))) {
                    String q = lines.get(i).stripLeading();
                    if (q.startsWith(">")) {
                        q = q.substring(1);
                        if (q.startsWith(" ")) {
                            q = q.substring(1);
                        }
                    }
                    quote.add(q);
                    i++;
                    if (i < lines.size() && blank(lines.get(i)) && i + 1 < lines.size()
                            && lines.get(i + 1).stripLeading().startsWith(">") && !flag("splitAdjacentBlockquotes", false)) {
                        quote.add("");
                        i++;
                    }
                }
                String inner = String.join("\n", blocks(quote, false));
                out.add("<blockquote>\n" + inner.replaceAll("(?m)^", "  ") + "\n</blockquote>");
                continue;
            }
            if (LIST_ITEM.matcher(line).matches() || EMPTY_LIST_ITEM.matcher(line).matches()) {
                i = list(lines, i, out);
                continue;
            }
            if (HTML_BLOCK.matcher(line).find() && !flag("backslashEscapesHTMLTags", false)) {
                List<String> html = new ArrayList<>();
                while (i < lines.size() && !blank(lines.get(i))) {
                    html.add(lines.get(i));
                    i++;
                }
                out.add(token(String.join("\n", html)));
                continue;
            }
            if (flag("tables", false) && line.contains("|") && i + 1 < lines.size()
                    && TABLE_SEPARATOR.matcher(lines.get(i + 1)).matches()) {
                i = table(lines, i, out);
                continue;
            }
            List<String> paragraph = new ArrayList<>();
            while (i < lines.size() && !blank(lines.get(i))) {
                String l = lines.get(i);
                if (!paragraph.isEmpty() && (FENCE.matcher(l).matches() || ATX.matcher(l).matches()
                        || l.stripLeading().startsWith(">"))) {
                    break;
                }
                if (!paragraph.isEmpty() && l.matches("^=+[ \\t]*$")) {
                    out.add(heading(1, String.join("\n", paragraph)));
                    paragraph.clear();
                    i++;
                    break;
                }
                if (!paragraph.isEmpty() && l.matches("^-+[ \\t]*$")) {
                    out.add(heading(2, String.join("\n", paragraph)));
                    paragraph.clear();
                    i++;
                    break;
                }
                paragraph.add(l);
                i++;
            }
            if (!paragraph.isEmpty()) {
                String inner = inline(String.join("\n", paragraph).replaceFirst("^[ \\t]+", ""));
                out.add(tight ? inner : "<p>" + inner + "</p>");
            }
        }
        return out;
    }

    private String heading(int level, String raw) {
        int start = (int) Math.max(1, number(options.get("headerLevelStart"), 1));
        int n = Math.min(6, level + start - 1);
        String content = raw;
        String id = null;
        if (flag("customizedHeaderId", false)) {
            Matcher m = Pattern.compile("\\{([^{]+?)}\\s*$").matcher(raw);
            if (m.find()) {
                id = m.group(1);
                content = raw.substring(0, m.start()).strip();
            }
        }
        String attr = flag("noHeaderId", false) ? "" : " id=\"" + headerId(id == null ? raw : id) + "\"";
        return "<h" + n + attr + ">" + inline(content) + "</h" + n + ">";
    }

    private String headerId(String raw) {
        Object prefixOption = options.get("prefixHeaderId");
        String prefix = prefixOption instanceof String s ? s : Boolean.TRUE.equals(prefixOption) ? "section-" : "";
        boolean rawPrefix = flag("rawPrefixHeaderId", false);
        String title = rawPrefix ? raw : prefix + raw;
        if (flag("ghCompatibleHeaderId", false)) {
            title = title.replace(" ", "-").replace("&amp;", "")
                    .replaceAll("[&+$,/:;=?@\"#{}|^¨~\\[\\]`\\\\*)(%.!'<>]", "").toLowerCase(Locale.ROOT);
        } else if (flag("rawHeaderId", false)) {
            title = title.replace(" ", "-").replace("&amp;", "&").replaceAll("[\"']", "-").toLowerCase(Locale.ROOT);
        } else {
            title = title.replaceAll("[^A-Za-z0-9_]", "").toLowerCase(Locale.ROOT);
        }
        if (rawPrefix) {
            title = prefix + title;
        }
        Integer count = headerIds.get(title);
        if (count != null) {
            headerIds.put(title, count + 1);
            return title + "-" + count;
        }
        headerIds.put(title, 1);
        return title;
    }

    private static double number(Object v, double fallback) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return v instanceof String s ? Double.parseDouble(s) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Parses a list starting at {@code start}; returns the index after it. */
    private int list(List<String> lines, int start, List<String> out) {
        Matcher first = LIST_ITEM.matcher(lines.get(start));
        if (!first.matches()) {
            first = EMPTY_LIST_ITEM.matcher(lines.get(start));
            first.matches();
        }
        int baseIndent = first.group(1).length();
        boolean ordered = Character.isDigit(first.group(2).charAt(0));
        int nest = flag("disableForced4SpacesIndentedSublists", false) ? 2 : 4;
        List<List<String>> items = new ArrayList<>();
        boolean loose = false;
        int i = start;
        boolean pendingBlank = false;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (blank(line)) {
                pendingBlank = true;
                i++;
                continue;
            }
            Matcher m = LIST_ITEM.matcher(line);
            Matcher e = EMPTY_LIST_ITEM.matcher(line);
            boolean isItem = m.matches() || e.matches();
            int indent = line.length() - line.stripLeading().length();
            if (isItem && indent < baseIndent + nest) {
                boolean itemOrdered = Character.isDigit((m.matches() ? m : e).group(2).charAt(0));
                if (itemOrdered != ordered && !items.isEmpty()) {
                    break;
                }
                if (pendingBlank && !items.isEmpty()) {
                    loose = true;
                }
                List<String> item = new ArrayList<>();
                item.add(m.matches() ? m.group(3) : "");
                items.add(item);
                pendingBlank = false;
                i++;
                continue;
            }
            if (items.isEmpty()) {
                break;
            }
            if (indent >= baseIndent + 2) {
                if (pendingBlank) {
                    items.get(items.size() - 1).add("");
                    loose = !isItem || loose;
                }
                int strip = Math.min(indent, baseIndent + nest);
                items.get(items.size() - 1).add(line.substring(Math.min(strip, line.length())));
                pendingBlank = false;
                i++;
                continue;
            }
            if (!pendingBlank) {
                items.get(items.size() - 1).add(line.stripLeading());
                i++;
                continue;
            }
            break;
        }
        String startAttr = "";
        if (ordered) {
            int startNumber = Integer.parseInt(first.group(2).substring(0, first.group(2).length() - 1));
            if (startNumber != 1) {
                startAttr = " start=\"" + startNumber + "\"";
            }
        }
        StringBuilder sb = new StringBuilder(ordered ? "<ol" + startAttr + ">\n" : "<ul>\n");
        for (List<String> item : items) {
            String firstLine = item.get(0);
            String liAttr = "";
            String checkbox = "";
            if (flag("tasklists", false)) {
                Matcher task = Pattern.compile("^\\[([ xX])\\][ \\t]+").matcher(firstLine);
                if (task.find()) {
                    liAttr = " class=\"task-list-item\" style=\"list-style-type: none;\"";
                    checkbox = "<input type=\"checkbox\" disabled style=\"margin: 0px 0.35em 0.25em -1.6em; "
                            + "vertical-align: middle;\"" + (task.group(1).isBlank() ? "" : " checked") + "> ";
                    item.set(0, firstLine.substring(task.end()));
                }
            }
            List<String> rendered = blocks(item, !loose);
            String content = loose ? String.join("\n", rendered) + "\n" : String.join("", rendered);
            sb.append("<li").append(liAttr).append('>').append(checkbox).append(content).append("</li>\n");
        }
        sb.append(ordered ? "</ol>" : "</ul>");
        out.add(sb.toString());
        return i;
    }

    private int table(List<String> lines, int start, List<String> out) {
        List<String> header = cells(lines.get(start));
        List<String> separators = cells(lines.get(start + 1));
        List<String> aligns = new ArrayList<>();
        for (String s : separators) {
            String t = s.strip();
            aligns.add(t.startsWith(":") && t.endsWith(":") ? "center" : t.endsWith(":") ? "right"
                    : t.startsWith(":") ? "left" : "");
        }
        StringBuilder sb = new StringBuilder("<table>\n<thead>\n<tr>\n");
        for (int c = 0; c < header.size(); c++) {
            String id = flag("tablesHeaderId", false) ? " id=\"" + header.get(c).replaceAll("\\s", "").toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9_-]", "") + "\"" : "";
            sb.append("<th").append(id).append(style(aligns, c)).append('>').append(inline(header.get(c).strip()))
                    .append("</th>\n");
        }
        sb.append("</tr>\n</thead>\n<tbody>\n");
        int i = start + 2;
        while (i < lines.size() && !blank(lines.get(i)) && lines.get(i).contains("|")) {
            List<String> row = cells(lines.get(i));
            sb.append("<tr>\n");
            for (int c = 0; c < header.size(); c++) {
                sb.append("<td").append(style(aligns, c)).append('>')
                        .append(c < row.size() ? inline(row.get(c).strip()) : "").append("</td>\n");
            }
            sb.append("</tr>\n");
            i++;
        }
        sb.append("</tbody>\n</table>");
        out.add(sb.toString());
        return i;
    }

    private static String style(List<String> aligns, int c) {
        return c < aligns.size() && !aligns.get(c).isEmpty() ? " style=\"text-align:" + aligns.get(c) + ";\"" : "";
    }

    private static List<String> cells(String line) {
        String t = line.strip();
        if (t.startsWith("|")) {
            t = t.substring(1);
        }
        if (t.endsWith("|") && !t.endsWith("\\|")) {
            t = t.substring(0, t.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String c : t.split("(?<!\\\\)\\|", -1)) {
            cells.add(c.replace("\\|", "|"));
        }
        return cells;
    }

    // ------------------------------------------------------------------ spans

    private String token(String html) {
        tokens.add(html);
        return "\u0001" + (tokens.size() - 1) + "\u0002";
    }

    private String restore(String s) {
        String out = s;
        for (int pass = 0; pass < 10 && out.indexOf('\u0001') >= 0; pass++) {
            Matcher m = Pattern.compile("\u0001(\\d+)\u0002").matcher(out);
            out = m.replaceAll(r -> Matcher.quoteReplacement(tokens.get(Integer.parseInt(r.group(1)))));
        }
        return out;
    }

    private static String replace(String s, Pattern p, Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String escapeCode(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String escapeAttribute(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    String inline(String text) {
        String s = text;
        // backslash escapes
        s = replace(s, Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>~|<])"),
                m -> m.group(1).equals("<") && !flag("backslashEscapesHTMLTags", false) ? "\\" + token("&lt;")
                        : token(escapeCode(m.group(1))));
        // code spans
        s = replace(s, Pattern.compile("(?<!`)(`+)(?!`)([\\s\\S]*?[^`])\\1(?!`)"),
                m -> token("<code>" + escapeCode(m.group(2).strip()) + "</code>"));
        // autolinks and raw inline HTML
        s = replace(s, Pattern.compile("<((?:https?|ftp)://[^>\\s]+)>"), m -> token(link(m.group(1), escapeCode(m.group(1)), null)));
        s = replace(s, Pattern.compile("<(?:mailto:)?([-.\\w]+@[-a-z0-9]+(?:\\.[-a-z0-9]+)*\\.[a-z]+)>", Pattern.CASE_INSENSITIVE),
                m -> token("<a href=\"mailto:" + m.group(1) + "\">" + m.group(1) + "</a>"));
        s = replace(s, Pattern.compile("<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\\s+[^<>]*)?/?|!--[\\s\\S]*?--)>"),
                m -> token(m.group()));
        // images
        s = replace(s, Pattern.compile("!\\[([^\\]]*)\\]\\(\\s*<?([^\\s)>]*)>?(?:\\s+=([*\\d]+[A-Za-z%]{0,4})x([*\\d]+[A-Za-z%]{0,4}))?"
                + "(?:\\s+[\"'](.*?)[\"'])?\\s*\\)"), m -> token(image(m.group(2), m.group(1), m.group(5), m.group(3), m.group(4))));
        s = replace(s, Pattern.compile("!\\[([^\\]]*)\\] ?\\[([^\\]]*)\\]"), m -> {
            String[] ref = references.get((m.group(2).isEmpty() ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT));
            return ref == null ? m.group() : token(image(ref[0], m.group(1), ref[1], null, null));
        });
        // links
        s = replace(s, Pattern.compile("\\[((?:[^\\[\\]]|\\[[^\\]]*\\])*)\\]\\(\\s*<?([^\\s)>]*(?:\\([^\\s)]*\\)[^\\s)>]*)*)>?"
                + "(?:\\s+[\"'](.*?)[\"'])?\\s*\\)"), m -> token(link(m.group(2), inline(m.group(1)), m.group(3))));
        s = replace(s, Pattern.compile("\\[((?:[^\\[\\]]|\\[[^\\]]*\\])*)\\] ?\\[([^\\]]*)\\]"), m -> {
            String[] ref = references.get((m.group(2).isEmpty() ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT));
            return ref == null ? m.group() : token(link(ref[0], inline(m.group(1)), ref[1]));
        });
        if (flag("simplifiedAutoLink", false)) {
            boolean exclude = flag("excludeTrailingPunctuationFromURLs", false);
            s = replace(s, Pattern.compile("(?<![\"'=\\w])((?:https?://|ftp://|www\\.)[^\\s<>\"']+)"), m -> {
                String url = m.group(1);
                String trailing = "";
                if (exclude) {
                    Matcher t = Pattern.compile("[.!?()]+$").matcher(url);
                    if (t.find()) {
                        trailing = url.substring(t.start());
                        url = url.substring(0, t.start());
                    }
                }
                String href = url.startsWith("www.") ? "http://" + url : url;
                return token(link(href, escapeCode(url), null)) + trailing;
            });
        }
        if (flag("ghMentions", false)) {
            String template = text("ghMentionsLink", "https://github.com/{u}");
            s = replace(s, Pattern.compile("(^|\\s)(\\\\)?(@([a-z\\d]+(?:[a-z\\d._-]+?[a-z\\d]+)*))", Pattern.CASE_INSENSITIVE),
                    m -> m.group(2) != null ? m.group(1) + m.group(3)
                            : m.group(1) + token("<a href=\"" + template.replace("{u}", m.group(4)) + "\">" + m.group(3) + "</a>"));
        }
        s = emphasis(s);
        if (flag("strikethrough", false)) {
            s = replace(s, Pattern.compile("~{2}(\\S[\\s\\S]*?)~{2}"), m -> "<del>" + m.group(1) + "</del>");
        }
        if (flag("ellipsis", true)) {
            s = s.replace("...", "…");
        }
        // encode what is left: ampersands that start no entity, angle brackets
        s = s.replaceAll("&(?!#?[xX]?(?:[0-9a-fA-F]+|\\w+);)", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        // the emphasis tags were written before encoding: put them back
        s = s.replaceAll("&lt;(/?(?:em|strong|del))&gt;", "<$1>");
        if (flag("simpleLineBreaks", false)) {
            s = s.replaceAll(" *\\n(?!$)", "<br />\n");
        } else {
            s = s.replaceAll(" {2,}\\n", "<br />\n");
        }
        return s;
    }

    private String emphasis(String text) {
        String s = text;
        if (flag("literalMidWordUnderscores", false)) {
            s = s.replaceAll("\\b___(\\S[\\s\\S]*?)___\\b", "<strong><em>$1</em></strong>");
            s = s.replaceAll("\\b__(\\S[\\s\\S]*?)__\\b", "<strong>$1</strong>");
            s = s.replaceAll("\\b_(\\S[\\s\\S]*?)_\\b", "<em>$1</em>");
        } else {
            s = s.replaceAll("___(\\S[\\s\\S]*?)___", "<strong><em>$1</em></strong>");
            s = s.replaceAll("__(\\S[\\s\\S]*?)__", "<strong>$1</strong>");
            s = s.replaceAll("_([^\\s_][\\s\\S]*?)_", "<em>$1</em>");
        }
        if (flag("literalMidWordAsterisks", false)) {
            s = s.replaceAll("(^|\\s|>|\\b)\\*\\*\\*(\\S[\\s\\S]*?)\\*\\*\\*(?=$|\\s|<|\\b)", "$1<strong><em>$2</em></strong>");
            s = s.replaceAll("(^|\\s|>|\\b)\\*\\*(\\S[\\s\\S]*?)\\*\\*(?=$|\\s|<|\\b)", "$1<strong>$2</strong>");
            s = s.replaceAll("(^|\\s|>|\\b)\\*([^\\s*][\\s\\S]*?)\\*(?=$|\\s|<|\\b)", "$1<em>$2</em>");
        } else {
            s = s.replaceAll("\\*\\*\\*(\\S[\\s\\S]*?)\\*\\*\\*", "<strong><em>$1</em></strong>");
            s = s.replaceAll("\\*\\*(\\S[\\s\\S]*?)\\*\\*", "<strong>$1</strong>");
            s = s.replaceAll("\\*([^\\s*][\\s\\S]*?)\\*", "<em>$1</em>");
        }
        return s;
    }

    private String link(String url, String innerHtml, String title) {
        StringBuilder sb = new StringBuilder("<a href=\"").append(escapeAttribute(url)).append('"');
        if (title != null && !title.isEmpty()) {
            sb.append(" title=\"").append(escapeAttribute(title)).append('"');
        }
        if (flag("openLinksInNewWindow", false)) {
            sb.append(" rel=\"noopener noreferrer\" target=\"_blank\"");
        }
        return sb.append('>').append(innerHtml).append("</a>").toString();
    }

    private String image(String url, String alt, String title, String width, String height) {
        StringBuilder sb = new StringBuilder("<img src=\"").append(escapeAttribute(url)).append("\" alt=\"")
                .append(escapeAttribute(alt)).append('"');
        if (title != null && !title.isEmpty()) {
            sb.append(" title=\"").append(escapeAttribute(title)).append('"');
        }
        if (flag("parseImgDimensions", false)) {
            if (width != null && !width.equals("*")) {
                sb.append(" width=\"").append(width).append('"');
            }
            if (height != null && !height.equals("*")) {
                sb.append(" height=\"").append(height).append('"');
            }
        }
        return sb.append(" />").toString();
    }
}
