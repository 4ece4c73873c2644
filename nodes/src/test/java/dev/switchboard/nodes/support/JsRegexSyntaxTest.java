package dev.switchboard.nodes.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class JsRegexSyntaxTest {

    private static boolean finds(String js, boolean multiline, String text) {
        int flags = multiline ? Pattern.MULTILINE : 0;
        return Pattern.compile(JsRegexSyntax.toJava(js, multiline), flags).matcher(text).find();
    }

    @Test
    void dollarIsTheEndOfTheTextUnlessMultiline() {
        assertThat(finds("a$", false, "a\n")).isFalse();
        assertThat(finds("a$", false, "ba")).isTrue();
        assertThat(finds("a$", true, "a\nb")).isTrue();
        assertThat(finds("[$]", false, "$")).isTrue();
    }

    @Test
    void javaScriptOnlyClassesAreTranslated() {
        assertThat(finds("a[^]c", false, "a\nc")).isTrue();
        assertThat(finds("a[]", false, "a")).isFalse();
        assertThat(finds("[[x]", false, "[")).isTrue();
        assertThat(finds("[a&&b]", false, "&")).isTrue();
    }

    @Test
    void loneBracesAreLiteralAndQuantifiersStay() {
        assertThat(finds("a{", false, "a{")).isTrue();
        assertThat(finds("{x}", false, "{x}")).isTrue();
        assertThat(finds("^a{2,3}$", false, "aaa")).isTrue();
        assertThat(finds("^a{2}$", false, "aaa")).isFalse();
        assertThat(finds("\\d{2}", false, "12")).isTrue();
    }

    @Test
    void codePointAndPropertyEscapesAreKept() {
        assertThat(finds("\\u{1F600}", false, "\uD83D\uDE00")).isTrue();
        assertThat(finds("^\\p{L}+$", false, "été")).isTrue();
        assertThat(finds("\\{", false, "{")).isTrue();
    }

    @Test
    void replacementPatternsExpandAsInJavaScript() {
        String input = "say hello world";
        Matcher m = Pattern.compile("(?<w>hel)(lo)").matcher(input);
        assertThat(m.find()).isTrue();
        assertThat(JsRegexSyntax.expandReplacement("[$&|$1|$2|$<w>|$$|$3|$<x>|$]", m, input))
                .isEqualTo("[hello|hel|lo|hel|$|$3|$<x>|$]");
        assertThat(JsRegexSyntax.expandReplacement("$`+$'", m, input)).isEqualTo("say + world");
        assertThat(JsRegexSyntax.expandReplacement("$02$10", m, input)).isEqualTo("lohel0");
    }
}
