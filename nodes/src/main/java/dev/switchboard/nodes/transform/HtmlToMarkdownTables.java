package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

import dev.switchboard.nodes.transform.HtmlToMarkdown.Meta;
import dev.switchboard.nodes.transform.HtmlToMarkdownTranslators.Config;
import dev.switchboard.nodes.transform.HtmlToMarkdownTranslators.Scope;
import dev.switchboard.platform.json.JsValues;

/**
 * node-html-markdown's table translators for {@link HtmlToMarkdown}: captions, rows and cells
 * written as pipe-separated lines, then the whole table laid out again with every column padded
 * to its widest cell and a dashed rule under the first row.
 */
final class HtmlToMarkdownTables {

    private HtmlToMarkdownTables() {
    }

    /** A TABLE in the main scope: its rows are collected, then re-laid out with padded columns. */
    static void table(Config c, Meta meta) {
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

    /** The translator for an element directly inside a table (caption, row or cell); null for others. */
    static Config tableConfig(Element e, String tag, Meta meta) {
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

    /** A TH or TD: its Markdown on one line, pipes escaped, closed by " |". */
    static Config cellConfig() {
        Config c = new Config();
        c.childScope = Scope.CELL;
        c.prefix = " ";
        c.postfix = " |";
        c.postprocess = content -> JsValues.trim(HtmlToText.trimNewlines(content).replaceFirst("\\|", "\\\\|")
                .replaceAll("(?:\\r?\\n)+", " "));
        return c;
    }
}
