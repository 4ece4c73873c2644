package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Plain text from HTML, laid out as the html-to-text library does with its default options (the
 * library n8n's HTML node uses since version 1.2): only the {@code body} when there is one, blocks
 * separated by blank lines, headings upper-cased, links and images followed by their URL in
 * brackets, list items prefixed, lines wrapped at 80 characters. Elements matching a skip selector
 * are left out.
 */
final class HtmlToText {

    private static final int WORDWRAP = 80;
    private static final String WHITESPACE = " \t\r\n\f\u200b";

    private final List<String> skipSelectors;

    HtmlToText(List<String> skipSelectors) {
        this.skipSelectors = skipSelectors;
    }

    /** The text of these nodes (an element's children, or a whole document's). */
    String convert(List<Node> nodes) {
        List<Node> bases = new ArrayList<>();
        findBodies(nodes, bases);
        Builder builder = new Builder();
        walk(bases.isEmpty() ? nodes : bases, builder);
        return builder.text();
    }

    private static void findBodies(List<Node> nodes, List<Node> out) {
        for (Node n : nodes) {
            if (n instanceof Element e && !isScriptOrStyle(e)) {
                if (e.normalName().equals("body")) {
                    out.add(e);
                } else {
                    findBodies(e.childNodes(), out);
                }
            }
        }
    }

    private static boolean isScriptOrStyle(Element e) {
        return e.normalName().equals("script") || e.normalName().equals("style");
    }

    private void walk(List<Node> nodes, Builder builder) {
        for (Node n : nodes) {
            if (n instanceof TextNode t) {
                builder.addInline(t.getWholeText(), false);
            } else if (n instanceof Element e && !isScriptOrStyle(e)) {
                format(e, builder);
            }
        }
    }

    private boolean skipped(Element e) {
        for (String selector : skipSelectors) {
            if (selector.equals("*") ? !hasOwnFormat(e.normalName()) : e.is(selector)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasOwnFormat(String tag) {
        return switch (tag) {
            case "a", "article", "aside", "blockquote", "br", "div", "footer", "form", "h1", "h2", "h3", "h4", "h5",
                 "h6", "header", "hr", "img", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "wbr" -> true;
            default -> false;
        };
    }

    private void format(Element e, Builder b) {
        if (skipped(e)) {
            return;
        }
        switch (e.normalName()) {
            case "a" -> anchor(e, b);
            case "article", "aside", "div", "footer", "form", "header", "main", "nav", "section" -> {
                b.openBlock(1, 0, false);
                walk(e.childNodes(), b);
                b.closeBlock(1, null);
            }
            case "blockquote" -> {
                b.openBlock(2, 2, false);
                walk(e.childNodes(), b);
                b.closeBlock(2, s -> "> " + trimNewlines(s).replace("\n", "\n> "));
            }
            case "br" -> b.addLineBreak();
            case "h1", "h2", "h3" -> heading(e, b, 3);
            case "h4", "h5", "h6" -> heading(e, b, 2);
            case "hr" -> {
                b.openBlock(2, 0, false);
                b.addInline("-".repeat(WORDWRAP), false);
                b.closeBlock(2, null);
            }
            case "img" -> image(e, b);
            case "ol" -> list(e, b, orderedPrefixes(e));
            case "ul" -> list(e, b, () -> " * ");
            case "p", "table" -> {
                b.openBlock(2, 0, false);
                walk(e.childNodes(), b);
                b.closeBlock(2, null);
            }
            case "pre" -> {
                b.openBlock(2, 0, true);
                walk(e.childNodes(), b);
                b.closeBlock(2, null);
            }
            case "wbr" -> b.addWordBreakOpportunity();
            default -> walk(e.childNodes(), b);
        }
    }

    private void heading(Element e, Builder b, int leading) {
        b.openBlock(leading, 0, false);
        b.pushWordTransform(s -> s.toUpperCase(Locale.ROOT));
        walk(e.childNodes(), b);
        b.popWordTransform();
        b.closeBlock(2, null);
    }

    private static void image(Element e, Builder b) {
        String alt = e.attr("alt");
        String src = e.attr("src");
        String text = src.isEmpty() ? alt : alt.isEmpty() ? "[" + src + "]" : alt + " [" + src + "]";
        b.addInline(text, true);
    }

    private void anchor(Element e, Builder b) {
        String href = e.attr("href");
        if (href.startsWith("mailto:")) {
            href = href.substring("mailto:".length());
        }
        if (href.startsWith("#")) {
            href = "";
        }
        if (href.isEmpty()) {
            walk(e.childNodes(), b);
            return;
        }
        StringBuilder text = new StringBuilder();
        b.pushWordTransform(s -> {
            text.append(s);
            return s;
        });
        walk(e.childNodes(), b);
        b.popWordTransform();
        b.addInline(text.isEmpty() ? href : " [" + href + "]", true);
    }

    private interface PrefixSource {
        String next();
    }

    private static PrefixSource orderedPrefixes(Element ol) {
        int start;
        try {
            start = ol.hasAttr("start") ? Integer.parseInt(ol.attr("start").trim()) : 1;
        } catch (NumberFormatException ex) {
            start = 1;
        }
        String type = ol.attr("type");
        int[] next = {start};
        return () -> {
            int i = next[0]++;
            String index = switch (type) {
                case "a" -> letters(i, 'a');
                case "A" -> letters(i, 'A');
                case "i" -> roman(i).toLowerCase(Locale.ROOT);
                case "I" -> roman(i);
                default -> Integer.toString(i);
            };
            return " " + index + ". ";
        };
    }

    private static String letters(int num, char base) {
        StringBuilder sb = new StringBuilder();
        int n = num;
        while (n > 0) {
            n--;
            sb.insert(0, (char) (base + n % 26));
            n /= 26;
        }
        return sb.toString();
    }

    private static String roman(int num) {
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder sb = new StringBuilder();
        int n = num;
        for (int i = 0; i < values.length; i++) {
            while (n >= values[i]) {
                sb.append(symbols[i]);
                n -= values[i];
            }
        }
        return sb.toString();
    }

    private void list(Element e, Builder b, PrefixSource prefixes) {
        boolean nested = e.parent() != null && e.parent().normalName().equals("li");
        List<Node> nodes = new ArrayList<>();
        List<String> itemPrefixes = new ArrayList<>();
        int maxPrefixLength = 0;
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t && JsText.isBlank(t.getWholeText())) {
                continue;
            }
            if (!(child instanceof TextNode) && !(child instanceof Element)) {
                continue;
            }
            String prefix = "";
            if (child instanceof Element el && el.normalName().equals("li")) {
                prefix = nested ? prefixes.next().stripLeading() : prefixes.next();
                maxPrefixLength = Math.max(maxPrefixLength, prefix.length());
            }
            nodes.add(child);
            itemPrefixes.add(prefix);
        }
        if (nodes.isEmpty()) {
            return;
        }
        b.openList(nested ? 1 : 2, maxPrefixLength);
        for (int i = 0; i < nodes.size(); i++) {
            b.openListItem(itemPrefixes.get(i));
            walk(List.of(nodes.get(i)), b);
            b.closeListItem();
        }
        b.closeList(nested ? 1 : 2);
    }

    static String trimNewlines(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '\n') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(start, end);
    }

    // ---------------------------------------------------------------- text building

    /** Words on lines, wrapped to a maximum length. */
    private static final class InlineText {
        final List<List<String>> lines = new ArrayList<>();
        List<String> nextLineWords = new ArrayList<>();
        final int maxLineLength;
        int available;
        boolean stashedSpace;
        boolean wordBreakOpportunity;

        InlineText(int maxLineLength) {
            this.maxLineLength = maxLineLength;
            this.available = maxLineLength;
        }

        void pushWord(String word, boolean noWrap) {
            if (available <= 0 && !noWrap) {
                startNewLine(1);
            }
            boolean lineStart = nextLineWords.isEmpty();
            int cost = word.length() + (lineStart ? 0 : 1);
            if (cost <= available || noWrap) {
                nextLineWords.add(word);
                available -= cost;
            } else {
                if (!lineStart) {
                    startNewLine(1);
                }
                nextLineWords.add(word);
                available -= word.length();
            }
        }

        String popWord() {
            if (nextLineWords.isEmpty()) {
                return null;
            }
            String last = nextLineWords.remove(nextLineWords.size() - 1);
            available += last.length() + (nextLineWords.isEmpty() ? 0 : 1);
            return last;
        }

        void concatWord(String word, boolean noWrap) {
            if (wordBreakOpportunity && word.length() > available) {
                pushWord(word, noWrap);
                wordBreakOpportunity = false;
            } else {
                String last = popWord();
                pushWord(last == null ? word : last + word, noWrap);
            }
        }

        void startNewLine(int n) {
            lines.add(nextLineWords);
            for (int i = 1; i < n; i++) {
                lines.add(new ArrayList<>());
            }
            nextLineWords = new ArrayList<>();
            available = maxLineLength;
        }

        boolean isEmpty() {
            return lines.isEmpty() && nextLineWords.isEmpty();
        }

        void clear() {
            lines.clear();
            nextLineWords = new ArrayList<>();
            available = maxLineLength;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (List<String> line : lines) {
                sb.append(String.join(" ", line)).append('\n');
            }
            return sb.append(String.join(" ", nextLineWords)).toString();
        }
    }

    /** A block being built (also a list, or a list item). */
    private static class Block {
        final Block next;
        int leadingLineBreaks;
        final InlineText inline;
        String rawText = "";
        int stashedLineBreaks;
        boolean isPre;
        boolean isNoWrap;

        Block(Block next, int leadingLineBreaks, int maxLineLength) {
            this.next = next;
            this.leadingLineBreaks = leadingLineBreaks;
            this.inline = new InlineText(maxLineLength);
            this.isPre = next != null && next.isPre;
        }

        String text() {
            return inline.isEmpty() ? rawText : rawText + inline;
        }

        void addText(String text, int leading, int trailing) {
            String parentText = text();
            int lineBreaks = Math.max(stashedLineBreaks, leading);
            inline.clear();
            if (!parentText.isEmpty()) {
                rawText = parentText + "\n".repeat(lineBreaks) + text;
            } else {
                rawText = text;
                leadingLineBreaks = lineBreaks;
            }
            stashedLineBreaks = trailing;
        }
    }

    private static final class ListBlock extends Block {
        final int maxPrefixLength;

        ListBlock(Block next, int leadingLineBreaks, int maxLineLength, int maxPrefixLength) {
            super(next, leadingLineBreaks, maxLineLength);
            this.maxPrefixLength = maxPrefixLength;
        }
    }

    private static final class ListItemBlock extends Block {
        final String prefix;

        ListItemBlock(Block next, int maxLineLength, String prefix) {
            super(next, 1, maxLineLength);
            this.prefix = prefix;
        }
    }

    /** html-to-text's BlockTextBuilder. */
    private static final class Builder {
        private Block current = new Block(null, 1, WORDWRAP);
        private final List<UnaryOperator<String>> transforms = new ArrayList<>();

        void pushWordTransform(UnaryOperator<String> t) {
            transforms.add(t);
        }

        void popWordTransform() {
            transforms.remove(transforms.size() - 1);
        }

        private String transform(String word) {
            String s = word;
            for (int i = transforms.size() - 1; i >= 0; i--) {
                s = transforms.get(i).apply(s);
            }
            return s;
        }

        void addLineBreak() {
            if (current.isPre) {
                current.rawText += "\n";
            } else {
                current.inline.startNewLine(1);
            }
        }

        void addWordBreakOpportunity() {
            current.inline.wordBreakOpportunity = true;
        }

        void addInline(String str, boolean noWordTransform) {
            if (current.isPre) {
                current.rawText += str;
                return;
            }
            if (str.isEmpty() || current.stashedLineBreaks > 0 && !containsWords(str)) {
                return;
            }
            if (current.stashedLineBreaks > 0) {
                current.inline.startNewLine(current.stashedLineBreaks);
            }
            shrinkWrapAdd(str, current.inline, !noWordTransform, current.isNoWrap);
            current.stashedLineBreaks = 0;
        }

        private void shrinkWrapAdd(String text, InlineText inline, boolean useTransform, boolean noWrap) {
            boolean previouslyStashedSpace = inline.stashedSpace;
            boolean anyMatch = false;
            int i = 0;
            int n = text.length();
            boolean first = true;
            while (i < n) {
                while (i < n && WHITESPACE.indexOf(text.charAt(i)) >= 0) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                int start = i;
                while (i < n && WHITESPACE.indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                String word = text.substring(start, i);
                String w = useTransform ? transform(word) : word;
                anyMatch = true;
                if (first && !previouslyStashedSpace && WHITESPACE.indexOf(text.charAt(0)) < 0) {
                    inline.concatWord(w, noWrap);
                } else {
                    inline.pushWord(w, noWrap);
                }
                first = false;
            }
            inline.stashedSpace = previouslyStashedSpace && !anyMatch
                    || WHITESPACE.indexOf(text.charAt(text.length() - 1)) >= 0;
        }

        private static boolean containsWords(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (WHITESPACE.indexOf(s.charAt(i)) < 0) {
                    return true;
                }
            }
            return false;
        }

        void openBlock(int leadingLineBreaks, int reservedLineLength, boolean isPre) {
            int max = Math.max(20, current.inline.maxLineLength - reservedLineLength);
            current = new Block(current, leadingLineBreaks, max);
            if (isPre) {
                current.isPre = true;
            }
        }

        void closeBlock(int trailingLineBreaks, UnaryOperator<String> blockTransform) {
            Block block = current;
            current = block.next;
            String text = blockTransform == null ? block.text() : blockTransform.apply(block.text());
            current.addText(text, block.leadingLineBreaks, Math.max(block.stashedLineBreaks, trailingLineBreaks));
        }

        void openList(int leadingLineBreaks, int maxPrefixLength) {
            current = new ListBlock(current, leadingLineBreaks, current.inline.maxLineLength, maxPrefixLength);
        }

        void openListItem(String prefix) {
            ListBlock list = (ListBlock) current;
            int prefixLength = Math.max(prefix.length(), list.maxPrefixLength);
            current = new ListItemBlock(list, Math.max(20, list.inline.maxLineLength - prefixLength), prefix);
        }

        void closeListItem() {
            ListItemBlock item = (ListItemBlock) current;
            ListBlock list = (ListBlock) item.next;
            current = list;
            int prefixLength = Math.max(item.prefix.length(), list.maxPrefixLength);
            String prefix = item.prefix + " ".repeat(prefixLength - item.prefix.length());
            String text = prefix + item.text().replace("\n", "\n" + " ".repeat(prefixLength));
            list.addText(text, item.leadingLineBreaks, Math.max(item.stashedLineBreaks, 1));
        }

        void closeList(int trailingLineBreaks) {
            Block list = current;
            current = list.next;
            String text = list.text();
            if (!text.isEmpty()) {
                current.addText(text, list.leadingLineBreaks, trailingLineBreaks);
            }
        }

        String text() {
            Block root = current;
            while (root.next != null) {
                root = root.next;
            }
            return root.text();
        }
    }
}
