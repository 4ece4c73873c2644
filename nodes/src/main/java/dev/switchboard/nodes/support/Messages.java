package dev.switchboard.nodes.support;

/** Wording that several nodes' messages share. */
public final class Messages {

    private Messages() {
    }

    /** "a number", "an object": the noun with its indefinite article. */
    public static String withArticle(String noun) {
        return ("aeiou".indexOf(noun.isEmpty() ? 'x' : noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
