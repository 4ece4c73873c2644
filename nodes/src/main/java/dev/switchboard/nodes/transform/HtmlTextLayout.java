package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The text layout behind {@link HtmlToText}, as html-to-text's builders do it: words wrapped into
 * lines, blocks separated by at least as many line breaks as either side asks for, list items
 * prefixed and indented.
 */
final class HtmlTextLayout {

    static final int WORDWRAP = 80;
    static final String WHITESPACE = " \t\r\n\f\u200b";

    private HtmlTextLayout() {
    }

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
    static final class Builder {
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
