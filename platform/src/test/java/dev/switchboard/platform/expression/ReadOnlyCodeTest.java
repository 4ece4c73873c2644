package dev.switchboard.platform.expression;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which expressions are known to leave the shared realm as they found it (so no restore is needed after them). */
class ReadOnlyCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "$json.body.price * $json.body.qty",
            "$json.total > 100",
            "$json.a === 1 ? 'yes' : \"no\"",
            "$json.name.toUpperCase().trim()",
            "$('Webhook').item.json.body.email",
            "`${$json.first} ${$json.last}`",
            "`a ${ `b ${$json.x}` } c`",
            "$json.items.map(i => i.price).reduce((a, b) => a + b, 0)",
            "$json.a != null && $json.b >= 2 || $json.c <= 3",
            "$json.x ?? 'default'",
            "$json.list?.length / 2",
            "{ total: $json.a + $json.b }",
            "[1, 2, 3].includes($json.n)",
            "'it\\'s = fine'",
            "-$json.n % 3"})
    void readingDataAndArithmeticLeaveTheRealmAlone(String code) {
        assertThat(ReadOnlyCode.isReadOnly(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Object.prototype.x = 1",
            "$json.a = 2",
            "x += 1",
            "i++",
            "--i",
            "a <<= 1",
            "a ??= 1",
            "Array.prototype.includes",
            "[].constructor.constructor('return 1')()",
            "this.x",
            "globalThis.y",
            "$json.list.push(1)",
            "$json.list.sort()",
            "Object.assign({}, $json)",
            "new Date()",
            "(function () { return 1 })()",
            "/a(b)/.test($json.s)",
            "$json.a // comment",
            "String.raw`x`",
            "$evaluateExpression('1')",
            "luxon.Settings.defaultZone",
            "[$json].map(Object.freeze)",
            "'unterminated",
            "`open ${ $json.x `",
            "$json.a ^= 1"})
    void anythingThatMightChangeTheRealmIsNotReadOnly(String code) {
        assertThat(ReadOnlyCode.isReadOnly(code)).isFalse();
    }
}
