package dev.switchboard.platform.json;

import static dev.switchboard.platform.json.JsValues.UNDEFINED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsValuesTest {

    @Test
    void typeOfCallsNullArraysAndObjectsObjects() {
        assertThat(JsValues.typeOf("x")).isEqualTo("string");
        assertThat(JsValues.typeOf(1L)).isEqualTo("number");
        assertThat(JsValues.typeOf(Double.NaN)).isEqualTo("number");
        assertThat(JsValues.typeOf(false)).isEqualTo("boolean");
        assertThat(JsValues.typeOf(null)).isEqualTo("object");
        assertThat(JsValues.typeOf(List.of())).isEqualTo("object");
        assertThat(JsValues.typeOf(Map.of())).isEqualTo("object");
        assertThat(JsValues.typeOf(UNDEFINED)).isEqualTo("undefined");
    }

    @Test
    void falsyValuesAreNullUndefinedFalseZeroNanAndEmptyText() {
        for (Object falsy : Arrays.asList(null, UNDEFINED, false, 0L, -0.0, Double.NaN, "")) {
            assertThat(JsValues.truthy(falsy)).as(String.valueOf(falsy)).isFalse();
        }
        for (Object truthy : List.of(true, 1L, -2.5, " ", "0", "false", List.of(), Map.of())) {
            assertThat(JsValues.truthy(truthy)).as(String.valueOf(truthy)).isTrue();
        }
    }

    @Test
    void stringFollowsJavaScriptsStringFunction() {
        assertThat(JsValues.string(null)).isEqualTo("null");
        assertThat(JsValues.string(UNDEFINED)).isEqualTo("undefined");
        assertThat(JsValues.string(true)).isEqualTo("true");
        assertThat(JsValues.string(2.0)).isEqualTo("2");
        assertThat(JsValues.string(12L)).isEqualTo("12");
        assertThat(JsValues.string(Map.of("a", 1L))).isEqualTo("[object Object]");
        assertThat(JsValues.string(Arrays.asList(1L, null, "b", UNDEFINED, List.of(2L, 3L), Map.of())))
                .isEqualTo("1,,b,,2,3,[object Object]");
        assertThat(JsValues.string(List.of())).isEmpty();
    }

    @Test
    void numbersPrintAsJavaScriptPrintsThem() {
        assertThat(JsValues.numberToString(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(JsValues.numberToString(1e21)).isEqualTo("1e+21");
        assertThat(JsValues.numberToString(123456789012.0)).isEqualTo("123456789012");
        assertThat(JsValues.numberToString(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(JsValues.numberToString(0.000001)).isEqualTo("0.000001");
        assertThat(JsValues.numberToString(-0.0)).isEqualTo("0");
        assertThat(JsValues.numberToString(Double.NaN)).isEqualTo("NaN");
        assertThat(JsValues.numberToString(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Test
    void toNumberFollowsJavaScriptsNumberFunction() {
        assertThat(JsValues.toNumber(null)).isZero();
        assertThat(JsValues.toNumber(UNDEFINED)).isNaN();
        assertThat(JsValues.toNumber(true)).isEqualTo(1.0);
        assertThat(JsValues.toNumber(false)).isZero();
        assertThat(JsValues.toNumber(7L)).isEqualTo(7.0);
        assertThat(JsValues.toNumber(" 12.5 ")).isEqualTo(12.5);
        assertThat(JsValues.toNumber("\u00A0\uFEFF3\n")).isEqualTo(3.0);
        assertThat(JsValues.toNumber("")).isZero();
        assertThat(JsValues.toNumber(List.of())).isZero();
        assertThat(JsValues.toNumber(List.of("4"))).isEqualTo(4.0);
        assertThat(JsValues.toNumber(Arrays.asList((Object) null))).isZero();
        assertThat(JsValues.toNumber(List.of(1L, 2L))).isNaN();
        assertThat(JsValues.toNumber(Map.of())).isNaN();
    }

    @Test
    void textParsesAsJavaScriptNumberLiteralsDo() {
        assertThat(JsValues.parseNumber("1e3")).isEqualTo(1000.0);
        assertThat(JsValues.parseNumber("-.5")).isEqualTo(-0.5);
        assertThat(JsValues.parseNumber("5.")).isEqualTo(5.0);
        assertThat(JsValues.parseNumber("+Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(JsValues.parseNumber("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(JsValues.parseNumber("0x1F")).isEqualTo(31.0);
        assertThat(JsValues.parseNumber("0o17")).isEqualTo(15.0);
        assertThat(JsValues.parseNumber("0B101")).isEqualTo(5.0);
        assertThat(JsValues.parseNumber("-0x1F")).isNaN();
        assertThat(JsValues.parseNumber("0x-1")).isNaN();
        assertThat(JsValues.parseNumber("12px")).isNaN();
        assertThat(JsValues.parseNumber("infinity")).isNaN();
        assertThat(JsValues.parseNumber("1_000")).isNaN();
        assertThat(JsValues.parseNumber("\u001C1")).isNaN();
    }

    @Test
    void strictEqualityComparesPrimitivesByValueAndContainersByIdentity() {
        List<Object> list = List.of(1L);
        assertThat(JsValues.strictEquals(1L, 1.0)).isTrue();
        assertThat(JsValues.strictEquals(Double.NaN, Double.NaN)).isFalse();
        assertThat(JsValues.strictEquals("1", 1L)).isFalse();
        assertThat(JsValues.strictEquals(null, null)).isTrue();
        assertThat(JsValues.strictEquals(null, UNDEFINED)).isFalse();
        assertThat(JsValues.strictEquals(UNDEFINED, UNDEFINED)).isTrue();
        assertThat(JsValues.strictEquals(list, list)).isTrue();
        assertThat(JsValues.strictEquals(list, new ArrayList<>(list))).isFalse();
        assertThat(JsValues.strictEquals(true, true)).isTrue();
    }

    @Test
    void relationalOperatorsCompareTextAsTextAndOtherwiseAsNumbers() {
        assertThat(JsValues.lessThan("10", "9")).isTrue();
        assertThat(JsValues.lessThan("10", 9L)).isFalse();
        assertThat(JsValues.greaterThan(10L, "9")).isTrue();
        assertThat(JsValues.lessThan(List.of("b"), "c")).isTrue();
        assertThat(JsValues.lessThan(null, 1L)).isTrue();
        assertThat(JsValues.greaterThan(true, 0L)).isTrue();
        assertThat(JsValues.lessOrEqual(2L, 2.0)).isTrue();
        assertThat(JsValues.greaterOrEqual("b", "b")).isTrue();
        assertThat(JsValues.lessOrEqual("x", 1L)).isFalse();
        assertThat(JsValues.greaterOrEqual("x", 1L)).isFalse();
        assertThat(JsValues.lessThan(UNDEFINED, 1L)).isFalse();
        assertThat(JsValues.greaterThan(UNDEFINED, 1L)).isFalse();
    }

    @Test
    void deepEqualityIsLodashsIsEqual() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1L);
        ab.put("b", List.of(2.0, "x"));
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", List.of(2L, "x"));
        ba.put("a", 1.0);
        assertThat(JsValues.deepEqual(ab, ba)).isTrue();
        assertThat(JsValues.deepEqual(List.of(Double.NaN), List.of(Double.NaN))).isTrue();
        assertThat(JsValues.deepEqual("1", 1L)).isFalse();
        assertThat(JsValues.deepEqual(Map.of(), List.of())).isFalse();
        assertThat(JsValues.deepEqual(null, UNDEFINED)).isFalse();
        assertThat(JsValues.deepEqual(UNDEFINED, UNDEFINED)).isTrue();
        assertThat(Json.deepEquals(List.of(Double.NaN), List.of(Double.NaN))).as("Json keeps NaN unequal").isFalse();
    }

    @Test
    void stringifyWritesJsonAndUndefinedAsItsName() {
        assertThat(JsValues.stringify(Map.of("a", List.of(1L, "x")))).isEqualTo("{\"a\":[1,\"x\"]}");
        assertThat(JsValues.stringify("x")).isEqualTo("\"x\"");
        assertThat(JsValues.stringify(null)).isEqualTo("null");
        assertThat(JsValues.stringify(UNDEFINED)).isEqualTo("undefined");
    }

    @Test
    void trimRemovesJavaScriptWhitespaceOnly() {
        assertThat(JsValues.trim("\u00A0\u2003 a b\t\u3000\uFEFF")).isEqualTo("a b");
        assertThat(JsValues.trim("\u001Cx\u200B")).isEqualTo("\u001Cx\u200B");
        assertThat(JsValues.isWhitespace('\u2028')).isTrue();
        assertThat(JsValues.isWhitespace('\u0085')).isFalse();
    }

    @Test
    void jsonToTextWritesContainersAsJson() {
        assertThat(Json.toText(List.of(1L, "a"))).isEqualTo("[1,\"a\"]");
        assertThat(Json.toText(Map.of("a", 1L))).isEqualTo("{\"a\":1}");
        assertThat(Json.toText(2.5)).isEqualTo("2.5");
        assertThat(Json.toText(null)).isEqualTo("null");
    }
}
