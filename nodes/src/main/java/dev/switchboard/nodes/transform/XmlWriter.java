package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.JsValues;

/**
 * Turns a JSON object into XML text the way n8n's XML node does (xml2js's builder over
 * xmlbuilder): the only key becomes the root element unless a root name is set, {@code $} holds
 * attributes, {@code _} text, arrays repeat their element, and the output is indented by two
 * spaces after an optional {@code <?xml ... standalone="yes"?>} declaration.
 */
final class XmlWriter {

    static final String DEFAULT_ROOT = "root";

    /** The builder options n8n offers. */
    record Options(String attrkey, String charkey, String rootName, boolean headless, boolean cdata,
                   boolean allowSurrogateChars) {
    }

    private final Options options;

    XmlWriter(Options options) {
        this.options = options;
    }

    /** An element under construction: attributes, and children that are elements or text. */
    private static final class Element {
        final String name;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<Object> children = new ArrayList<>(); // Element, Text or Raw

        Element(String name) {
            this.name = name;
        }

        Element add(String childName) {
            Element e = new Element(childName);
            children.add(e);
            return e;
        }
    }

    private record Text(String value) {
    }

    private record Raw(String value) {
    }

    @SuppressWarnings("unchecked")
    String write(Map<String, Object> json) {
        String rootName;
        Object rootValue;
        if (json.size() == 1 && DEFAULT_ROOT.equals(options.rootName())) {
            rootName = json.keySet().iterator().next();
            rootValue = json.get(rootName);
        } else {
            rootName = options.rootName();
            rootValue = json;
        }
        Element root = new Element(rootName);
        render(root, rootValue);
        StringBuilder out = new StringBuilder();
        if (!options.headless()) {
            out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        }
        writeElement(out, root, 0);
        if (out.charAt(out.length() - 1) == '\n') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private void render(Element element, Object value) {
        if (value == null) {
            return; // an empty element
        }
        if (value instanceof List<?> list) {
            // xml2js: each object in the array contributes its keys as child elements
            for (Object child : list) {
                if (child instanceof Map<?, ?> map) {
                    for (var e : ((Map<String, Object>) map).entrySet()) {
                        render(element.add(e.getKey()), e.getValue());
                    }
                }
            }
            return;
        }
        if (!(value instanceof Map<?, ?> map)) {
            addText(element, JsValues.string(value));
            return;
        }
        for (var e : ((Map<String, Object>) map).entrySet()) {
            String key = e.getKey();
            Object child = e.getValue();
            if (key.equals(options.attrkey())) {
                if (child instanceof Map<?, ?> attrs) {
                    for (var a : ((Map<String, Object>) attrs).entrySet()) {
                        if (a.getValue() != null) {
                            element.attributes.put(a.getKey(), JsValues.string(a.getValue()));
                        }
                    }
                }
            } else if (key.equals(options.charkey())) {
                addText(element, JsValues.string(child));
            } else if (child instanceof List<?> list) {
                for (Object entry : list) {
                    Element el = element.add(key);
                    if (entry instanceof String s) {
                        addText(el, s);
                    } else {
                        render(el, entry);
                    }
                }
            } else if (child == null || child instanceof Map) {
                render(element.add(key), child);
            } else {
                addText(element.add(key), JsValues.string(child));
            }
        }
    }

    private void addText(Element element, String text) {
        checkChars(text);
        if (options.cdata() && (text.indexOf('&') >= 0 || text.indexOf('<') >= 0 || text.indexOf('>') >= 0)) {
            element.children.add(new Raw("<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"));
        } else {
            element.children.add(new Text(text));
        }
    }

    private void checkChars(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF';
            if (!bad && !options.allowSurrogateChars()) {
                if (Character.isHighSurrogate(c)) {
                    bad = i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
                    if (!bad) {
                        i++;
                    }
                } else if (Character.isLowSurrogate(c)) {
                    bad = true;
                }
            }
            if (bad) {
                throw new IllegalArgumentException(String.format("the text contains a character not allowed in XML "
                        + "(U+%04X) at position %d", (int) c, i));
            }
        }
    }

    private static void writeElement(StringBuilder out, Element e, int level) {
        String indent = "  ".repeat(level);
        out.append(indent).append('<').append(e.name);
        for (var a : e.attributes.entrySet()) {
            out.append(' ').append(a.getKey()).append("=\"").append(escapeAttribute(a.getValue())).append('"');
        }
        boolean empty = e.children.stream().allMatch(c -> c instanceof Text t && t.value().isEmpty()
                || c instanceof Raw r && r.value().isEmpty());
        if (empty) {
            out.append("/>\n");
            return;
        }
        if (e.children.size() == 1 && !(e.children.get(0) instanceof Element)) {
            out.append('>').append(inline(e.children.get(0))).append("</").append(e.name).append(">\n");
            return;
        }
        out.append(">\n");
        for (Object child : e.children) {
            if (child instanceof Element el) {
                writeElement(out, el, level + 1);
            } else {
                out.append("  ".repeat(level + 1)).append(inline(child)).append('\n');
            }
        }
        out.append(indent).append("</").append(e.name).append(">\n");
    }

    private static String inline(Object node) {
        return node instanceof Text t ? escapeText(t.value()) : ((Raw) node).value();
    }

    /** xmlbuilder's escaping: an ampersand that already starts an entity is left alone. */
    static String escapeText(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append(startsEntity(s, i) ? "&" : "&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\r' -> sb.append("&#xD;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String escapeAttribute(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append(startsEntity(s, i) ? "&" : "&amp;");
                case '<' -> sb.append("&lt;");
                case '"' -> sb.append("&quot;");
                case '\t' -> sb.append("&#x9;");
                case '\n' -> sb.append("&#xA;");
                case '\r' -> sb.append("&#xD;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether an entity reference ({@code &name;} without whitespace) starts at {@code i}. */
    private static boolean startsEntity(String s, int i) {
        int j = i + 1;
        while (j < s.length() && !JsValues.isWhitespace(s.charAt(j))) {
            if (s.charAt(j) == ';') {
                return j > i + 1;
            }
            j++;
        }
        return false;
    }
}
