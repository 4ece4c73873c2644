package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.nodes.support.ItemLoop;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.json.JsonPath;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/** Converts Markdown to HTML or HTML to Markdown, writing the result into a field of the item. */
public final class MarkdownNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("markdown", "Markdown", NodeCategory.TRANSFORM)
            .description("Converts between Markdown and HTML.")
            .parameters(
                    ParameterSpec.options("mode", "Mode", "htmlToMarkdown", "markdownToHtml", "htmlToMarkdown"),
                    ParameterSpec.of("html", "HTML", ParameterType.STRING, "").showWhen("mode", "htmlToMarkdown")
                            .help("The HTML to convert, usually an expression such as {{ $json.html }}."),
                    ParameterSpec.of("markdown", "Markdown", ParameterType.STRING, "").showWhen("mode", "markdownToHtml")
                            .help("The Markdown to convert."),
                    ParameterSpec.of("destinationKey", "Destination field", ParameterType.STRING, "data")
                            .help("The field that receives the result; dots reach into nested fields (a.b.c)."),
                    ParameterSpec.of("options", "Options", ParameterType.COLLECTION, Map.of())
                            .help("HTML to Markdown: bulletMarker, codeFence, emDelimiter, strongDelimiter, codeBlockStyle, "
                                    + "ignore, blockElements, keepDataImages, maxConsecutiveNewlines, "
                                    + "useLinkReferenceDefinitions, textReplace, globalEscape, lineStartEscape. Markdown to "
                                    + "HTML: showdown's options (completeHTMLDocument, tables, strikethrough, tasklists, "
                                    + "simplifiedAutoLink, openLinksInNewWindow, noHeaderId, prefixHeaderId, ...)."))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String mode = context.string("mode", 0, "htmlToMarkdown");
        return NodeResult.of(ItemLoop.mapEach(context, (item, i) -> {
            Map<String, Object> options = options(context, i);
            String destination = context.string("destinationKey", i, "data");
            String result = switch (mode) {
                case "htmlToMarkdown" -> new HtmlToMarkdown(markdownOptions(options))
                        .convert(context.string("html", i, ""));
                case "markdownToHtml" -> new MarkdownToHtml(options).convert(context.string("markdown", i, ""));
                default -> throw new NodeException("Parameter \"mode\": unknown value \"" + mode + "\"", i);
            };
            Map<String, Object> json = item.jsonCopy();
            if (destination.isEmpty()) {
                throw new NodeException("Parameter \"destinationKey\" is empty [item " + i + "]", i);
            }
            JsonPath.set(json, destination, result);
            return List.of(item.withJson(json).withPairedItem(i));
        }));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> options(NodeContext context, int i) {
        return context.parameter("options", i) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** n8n's HTML-to-Markdown options; falsy values fall back to the defaults, as n8n filters them. */
    @SuppressWarnings("unchecked")
    static HtmlToMarkdown.Options markdownOptions(Map<String, Object> o) {
        List<String[]> textReplace = new ArrayList<>();
        if (o.get("textReplace") instanceof Map<?, ?> tr && tr.get("values") instanceof List<?> values) {
            for (Object v : values) {
                if (v instanceof Map<?, ?> entry) {
                    textReplace.add(new String[] {text(entry.get("pattern")), text(entry.get("replacement"))});
                }
            }
        }
        double max = o.get("maxConsecutiveNewlines") instanceof Number n && n.doubleValue() > 0 ? n.doubleValue() : 3;
        return new HtmlToMarkdown.Options(
                nonEmpty(o.get("bulletMarker"), "*"), nonEmpty(o.get("codeFence"), "```"),
                nonEmpty(o.get("emDelimiter"), "_"), nonEmpty(o.get("strongDelimiter"), "**"),
                "indented".equals(o.get("codeBlockStyle")), (int) max,
                Boolean.TRUE.equals(o.get("useLinkReferenceDefinitions")), Boolean.TRUE.equals(o.get("keepDataImages")),
                list(o.get("ignore")), list(o.get("blockElements")), textReplace,
                pattern(o.get("globalEscape")), pattern(o.get("lineStartEscape")));
    }

    private static String text(Object v) {
        return v == null ? "" : v instanceof String s ? s : Json.toText(v);
    }

    private static String nonEmpty(Object v, String fallback) {
        String s = text(v);
        return s.isEmpty() ? fallback : s;
    }

    private static List<String> list(Object v) {
        List<String> out = new ArrayList<>();
        for (String s : text(v).split(",")) {
            if (!s.trim().isEmpty()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static String[] pattern(Object v) {
        if (v instanceof Map<?, ?> m && m.get("value") instanceof Map<?, ?> value && !value.isEmpty()) {
            return new String[] {text(value.get("pattern")), text(value.get("replacement"))};
        }
        return null;
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
