package dev.switchboard.nodes.transform;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headings for {@link MarkdownToHtml} as showdown writes them: the level shifted by
 * {@code headerLevelStart}, and an id made in showdown's styles (plain, GitHub-compatible or raw,
 * optionally prefixed) from the heading text, or from an explicit {@code {id}} at its end when
 * {@code customizedHeaderId} is on, numbered "-1", "-2" ... when it repeats within the document.
 */
final class MarkdownHeadings {

    private final Map<String, Object> options;
    private final MarkdownSpans spans;
    private final Map<String, Integer> headerIds = new HashMap<>();

    MarkdownHeadings(Map<String, Object> options, MarkdownSpans spans) {
        this.options = options;
        this.spans = spans;
    }

    private boolean flag(String name, boolean fallback) {
        return MarkdownToHtml.flag(options, name, fallback);
    }

    /** The {@code <h1>}...{@code <h6>} element for heading text {@code raw} written at Markdown {@code level}. */
    String heading(int level, String raw) {
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
        return "<h" + n + attr + ">" + spans.inline(content) + "</h" + n + ">";
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
}
