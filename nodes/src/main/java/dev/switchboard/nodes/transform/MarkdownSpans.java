package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.platform.json.JsValues;

/**
 * The inline part of {@link MarkdownToHtml}: escapes, code spans, raw HTML, images, links,
 * emphasis, strikethrough, ellipses and line breaks. Finished HTML is parked behind placeholder
 * tokens so that later rules do not touch it, and put back at the end.
 */
final class MarkdownSpans {

    private final Map<String, Object> options;
    private final Map<String, String[]> references;
    private final List<String> tokens = new ArrayList<>();

    MarkdownSpans(Map<String, Object> options, Map<String, String[]> references) {
        this.options = options;
        this.references = references;
    }

    private boolean flag(String name, boolean fallback) {
        return MarkdownToHtml.flag(options, name, fallback);
    }

    private String text(String name, String fallback) {
        Object v = options.get(name);
        return v == null ? fallback : JsValues.string(v);
    }


    String token(String html) {
        tokens.add(html);
        return "\u0001" + (tokens.size() - 1) + "\u0002";
    }

    String restore(String s) {
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

    static String escapeCode(String s) {
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
