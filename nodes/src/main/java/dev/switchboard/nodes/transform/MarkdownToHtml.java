package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML from Markdown with the conventions of the showdown library (behind n8n's Markdown node):
 * header ids made from the heading text, "..." as an ellipsis, GitHub code fences, {@code <br />}
 * and {@code <hr />}, blocks joined by newlines, and showdown's options for tables, strikethrough,
 * task lists, automatic links, header ids and complete documents. This class reads the blocks
 * (paragraphs, code, quotes, lists, tables, raw HTML); headings are {@link MarkdownHeadings}, the
 * text inside blocks {@link MarkdownSpans}.
 */
final class MarkdownToHtml {

    private final Map<String, Object> options;
    private final Map<String, String[]> references = new HashMap<>();
    private final MarkdownSpans spans;
    private final MarkdownHeadings headings;

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
        this.spans = new MarkdownSpans(options, references);
        this.headings = new MarkdownHeadings(options, spans);
    }

    private boolean flag(String name, boolean fallback) {
        return flag(options, name, fallback);
    }

    /** A showdown option that is on or off; true or false given as text counts, an empty text does not. */
    static boolean flag(Map<String, Object> options, String name, boolean fallback) {
        Object v = options.get(name);
        return v instanceof Boolean b ? b : v instanceof String s && !s.isEmpty() ? Boolean.parseBoolean(s) : fallback;
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
        String html = spans.restore(String.join("\n", blocks(lines, false)));
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
                out.add("<pre><code" + cls + ">" + MarkdownSpans.escapeCode(String.join("\n", code)) + "\n</code></pre>");
                continue;
            }
            if ((m = (flag("requireSpaceBeforeHeadingText", false) ? ATX_STRICT : ATX).matcher(line)).matches()) {
                out.add(headings.heading(m.group(1).length(), m.group(2)));
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
                out.add("<pre><code>" + MarkdownSpans.escapeCode(String.join("\n", code)) + "\n</code></pre>");
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
                out.add(spans.token(String.join("\n", html)));
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
                    out.add(headings.heading(1, String.join("\n", paragraph)));
                    paragraph.clear();
                    i++;
                    break;
                }
                if (!paragraph.isEmpty() && l.matches("^-+[ \\t]*$")) {
                    out.add(headings.heading(2, String.join("\n", paragraph)));
                    paragraph.clear();
                    i++;
                    break;
                }
                paragraph.add(l);
                i++;
            }
            if (!paragraph.isEmpty()) {
                String inner = spans.inline(String.join("\n", paragraph).replaceFirst("^[ \\t]+", ""));
                out.add(tight ? inner : "<p>" + inner + "</p>");
            }
        }
        return out;
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
            sb.append("<th").append(id).append(style(aligns, c)).append('>').append(spans.inline(header.get(c).strip()))
                    .append("</th>\n");
        }
        sb.append("</tr>\n</thead>\n<tbody>\n");
        int i = start + 2;
        while (i < lines.size() && !blank(lines.get(i)) && lines.get(i).contains("|")) {
            List<String> row = cells(lines.get(i));
            sb.append("<tr>\n");
            for (int c = 0; c < header.size(); c++) {
                sb.append("<td").append(style(aligns, c)).append('>')
                        .append(c < row.size() ? spans.inline(row.get(c).strip()) : "").append("</td>\n");
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
}
