package dev.switchboard.platform.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One arithmetic operation on paths and numbers is computed in Java, and gives exactly what JavaScript
 * gives for the same code (which the parentheses around it send to the sandbox).
 */
class ArithmeticExpressionTest {

    private final Expressions expressions = new Expressions(JavaScriptEngine.shared());
    private final FakeData data = new FakeData().item("""
            {"price": 25, "qty": 4, "ratio": 0.1, "third": 0.2, "zero": 0, "minus": -7, "big": 9007199254740993,
             "text": "12", "word": "abc", "flag": true, "nothing": null, "body": {"price": 19.99, "qty": 3},
             "first name": 2, "list": [5, 6]}
            """);

    @AfterEach
    void close() {
        expressions.close();
    }

    @Test
    void simpleOperationsAreRecognised() {
        assertThat(ArithmeticExpression.tryParse("$json.price * $json.qty")).isNotNull();
        assertThat(ArithmeticExpression.tryParse("$json.body.price*3")).isNotNull();
        assertThat(ArithmeticExpression.tryParse("$json[\"first name\"] - 1")).isNotNull();
        assertThat(ArithmeticExpression.tryParse("$json['a-b'] + $json.list[1]")).isNotNull();
        for (String other : List.of("$json.a * $json.b * 2", "($json.a * 2)", "-$json.a", "$json.a * -1", "$json * 2",
                "$json.a.toFixed(2) * 1", "$json.a * 2 // twice", "'a' + 'b'", "$json.a", "$json.a *")) {
            assertThat(ArithmeticExpression.tryParse(other)).as(other).isNull();
        }
    }

    @Test
    void javaGivesWhatJavaScriptGives() {
        List<String> codes = List.of(
                "$json.price * $json.qty", "$json.price / $json.qty", "$json.ratio + $json.third", "$json.price - 30",
                "$json.minus % 4", "$json.price % $json.zero", "$json.price / $json.zero", "$json.minus / $json.zero",
                "$json.zero * $json.minus", "$json.big + 1", "$json.big * $json.big", "$json.body.price * $json.body.qty",
                "$json[\"first name\"] * 1.5", "$json.list[1] - $json.list[0]", "$json.qty / 3",
                // not numbers: JavaScript decides, and the answer is the same
                "$json.text * 2", "$json.text + 1", "$json.word - 1", "$json.flag + 1", "$json.nothing * 2",
                "$json.missing * 2", "$json.body + 1");
        for (String code : codes) {
            Object java = expressions.evaluate("={{ " + code + " }}", data);
            Object javaScript = expressions.evaluate("={{ (" + code + ") }}", data);
            assertThat(java).as(code).isEqualTo(javaScript);
        }
        assertThat(expressions.evaluate("={{ $json.price * $json.qty }}", data)).isEqualTo(100L);
        assertThat(expressions.evaluate("={{ $json.ratio + $json.third }}", data)).isEqualTo(0.30000000000000004);
    }
}
