package dev.switchboard.nodes.transform;

import static dev.switchboard.nodes.NodeTestKit.obj;
import static dev.switchboard.nodes.NodeTestKit.objs;
import static dev.switchboard.nodes.transform.FieldNodeRuns.error;
import static dev.switchboard.nodes.transform.FieldNodeRuns.items;
import static dev.switchboard.nodes.transform.FieldNodeRuns.out;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.nodes.transform.FieldNodeRuns.Spec;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.PairedItem;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;

class SetNodeTest {

    private static final String SET = "n8n-nodes-base.set";
    private static final String ONE_ITEM = "[{\"name\":\"Ann\",\"age\":32,\"address\":{\"city\":\"Oslo\",\"zip\":\"0150\"}}]";
    private static final String WITH_FILE = "[{json: {name: 'Ann'}, binary: {data: {data: 'aGk=', mimeType: 'text/plain'}}}]";

    private static List<Map<String, Object>> set(double version, String parameters, String items) {
        RunResult r = Spec.of(SET, version, parameters).run(items);
        assertThat(r.status()).as(String.valueOf(error(r))).isEqualTo(RunStatus.SUCCEEDED);
        return out(r);
    }

    private static String failure(double version, String parameters, String items) {
        RunResult r = Spec.of(SET, version, parameters).run(items);
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        return error(r);
    }

    private static String fields(String... entries) {
        return "{\"fields\":{\"values\":[" + String.join(",", entries) + "]},\"include\":\"none\"";
    }

    private static String assignments(String... entries) {
        return "{\"assignments\":{\"assignments\":[" + String.join(",", entries) + "]}";
    }

    // ---- versions 1 and 2

    @Test
    void version1WritesBooleansThenNumbersThenStringsOverTheInputFields() {
        Map<String, Object> result = set(1, """
                {"values":{"string":[{"name":"s","value":"text"}],"number":[{"name":"n","value":5}],
                 "boolean":[{"name":"b","value":true}]}}""", "[{\"a\":1}]").get(0);
        assertThat(result).isEqualTo(obj("{\"a\":1,\"b\":true,\"n\":5,\"s\":\"text\"}"));
        assertThat(result.keySet()).containsExactly("a", "b", "n", "s");
    }

    @Test
    void version1KeepsNumericTextForNumbersWhileVersion2TurnsItIntoANumber() {
        String params = "{\"values\":{\"number\":[{\"name\":\"n\",\"value\":\"={{ '12.5' }}\"},"
                + "{\"name\":\"word\",\"value\":\"={{ 'abc' }}\"}]},\"keepOnlySet\":true}";
        assertThat(set(1, params, "[{}]")).isEqualTo(objs("[{\"n\":\"12.5\",\"word\":\"abc\"}]"));
        assertThat(set(2, params, "[{}]")).isEqualTo(objs("[{\"n\":12.5,\"word\":\"abc\"}]"));
    }

    @Test
    void booleanValuesFollowJavaScriptTruthinessSoTheTextFalseIsTrue() {
        String params = "{\"keepOnlySet\":true,\"values\":{\"boolean\":[{\"name\":\"text\",\"value\":\"={{ 'false' }}\"},"
                + "{\"name\":\"zero\",\"value\":\"={{ 0 }}\"},{\"name\":\"empty\",\"value\":\"\"},{\"name\":\"no\",\"value\":false}]}}";
        assertThat(set(2, params, "[{}]")).isEqualTo(objs("[{\"text\":true,\"zero\":false,\"empty\":false,\"no\":false}]"));
    }

    @Test
    void entriesWithoutNameOrValueTakeN8nsDefaults() {
        assertThat(set(1, "{\"values\":{\"number\":[{}],\"string\":[{\"name\":\"s\"}],\"boolean\":[{\"name\":\"b\"}]}}", "[{}]"))
                .isEqualTo(objs("[{\"propertyName\":0,\"s\":\"\",\"b\":false}]"));
    }

    @Test
    void keepOnlySetDropsTheInputFieldsAndAttachments() {
        RunResult r = Spec.of(SET, 2, "{\"keepOnlySet\":true,\"values\":{\"string\":[{\"name\":\"x\",\"value\":\"y\"}]}}")
                .runWithCode(WITH_FILE);
        assertThat(out(r)).isEqualTo(objs("[{\"x\":\"y\"}]"));
        assertThat(items(r).get(0).binary()).isEmpty();
        RunResult kept = Spec.of(SET, 2, "{\"values\":{\"string\":[{\"name\":\"x\",\"value\":\"y\"}]}}").runWithCode(WITH_FILE);
        assertThat(items(kept).get(0).binary()).containsKey("data");
    }

    @Test
    void dotNotationWritesNestedFieldsUnlessSwitchedOff() {
        String entry = "\"values\":{\"string\":[{\"name\":\"address.country\",\"value\":\"NO\"}]}";
        assertThat(set(2, "{" + entry + "}", ONE_ITEM).get(0).get("address"))
                .isEqualTo(obj("{\"city\":\"Oslo\",\"zip\":\"0150\",\"country\":\"NO\"}"));
        Map<String, Object> flat = set(2, "{" + entry + ",\"options\":{\"dotNotation\":false}}", ONE_ITEM).get(0);
        assertThat(flat).containsEntry("address.country", "NO");
        assertThat(flat.get("address")).isEqualTo(obj("{\"city\":\"Oslo\",\"zip\":\"0150\"}"));
    }

    @Test
    void everyOutputItemPointsToItsInputItem() {
        RunResult r = Spec.of(SET, 2, "{\"values\":{\"string\":[{\"name\":\"x\",\"value\":\"y\"}]}}").run("[{\"a\":1},{\"a\":2}]");
        assertThat(items(r)).extracting(Item::pairedItem)
                .containsExactly(List.of(PairedItem.of(0)), List.of(PairedItem.of(1)));
    }

    // ---- version 3: typed fields

    @Test
    void typedFieldsConvertValuesToTheirTypes() {
        String params = fields(
                "{\"name\":\"text\",\"stringValue\":\"={{ $json.age }}\"}",
                "{\"name\":\"object text\",\"stringValue\":\"={{ $json.address }}\"}",
                "{\"name\":\"number\",\"type\":\"numberValue\",\"numberValue\":\"3.14\"}",
                "{\"name\":\"flag\",\"type\":\"booleanValue\",\"booleanValue\":\"TRUE\"}",
                "{\"name\":\"zero\",\"type\":\"booleanValue\",\"booleanValue\":\"={{ 0 }}\"}",
                "{\"name\":\"list\",\"type\":\"arrayValue\",\"arrayValue\":\"['a', 'b']\"}",
                "{\"name\":\"object\",\"type\":\"objectValue\",\"objectValue\":\"={{ '{\\\"k\\\": [1, 2]}' }}\"}") + "}";
        assertThat(set(3.2, params, ONE_ITEM).get(0)).isEqualTo(obj("""
                {"text":"32","object text":"{\\"city\\":\\"Oslo\\",\\"zip\\":\\"0150\\"}","number":3.14,"flag":true,
                 "zero":false,"list":["a","b"],"object":{"k":[1,2]}}"""));
    }

    @Test
    void anObjectValueIsReadAsAJavaScriptObjectLiteral() {
        String params = fields("{\"name\":\"o\",\"type\":\"objectValue\",\"objectValue\":\"{a: 1, 'b': 'two',}\"}") + "}";
        assertThat(set(3.2, params, "[{}]")).isEqualTo(objs("[{\"o\":{\"a\":1,\"b\":\"two\"}}]"));
    }

    @Test
    void aValueThatDoesNotConvertFailsWithN8nsMessage() {
        assertThat(failure(3.2, fields("{\"name\":\"n\",\"type\":\"numberValue\",\"numberValue\":\"abc\"}") + "}", "[{}]"))
                .contains("'n' expects a number but we got 'abc' [item 0]");
        assertThat(failure(3.2, fields("{\"name\":\"b\",\"type\":\"booleanValue\",\"booleanValue\":\"={{ 7 }}\"}") + "}", "[{}]"))
                .contains("'b' expects a boolean but we got '7' [item 0]");
        assertThat(failure(3.2, fields("{\"name\":\"l\",\"type\":\"arrayValue\",\"arrayValue\":\"={{ {a: 1} }}\"}") + "}", "[{}]"))
                .contains("'l' expects a array but we got object [item 0]");
        assertThat(failure(3.2, fields("{\"name\":\"o\",\"type\":\"objectValue\",\"objectValue\":\"{bad\"}") + "}", "[{}]"))
                .contains("'o' expects a object but we got '{bad' [item 0]");
    }

    @Test
    void ignoringConversionErrorsKeepsTheValueAsGiven() {
        String params = fields("{\"name\":\"n\",\"type\":\"numberValue\",\"numberValue\":\"abc\"}",
                "{\"name\":\"blank\",\"type\":\"numberValue\",\"numberValue\":\" \"}",
                "{\"name\":\"b\",\"type\":\"booleanValue\",\"booleanValue\":\"3.14\"}")
                + ",\"options\":{\"ignoreConversionErrors\":true}}";
        assertThat(set(3, params, "[{}]")).isEqualTo(objs("[{\"n\":\"abc\",\"blank\":0,\"b\":\"3.14\"}]"));
    }

    @Test
    void nullValuesDependOnTheVersion() {
        String string = fields("{\"name\":\"s\",\"stringValue\":\"={{ null }}\"}") + "}";
        String number = fields("{\"name\":\"n\",\"type\":\"numberValue\",\"numberValue\":\"={{ null }}\"}") + "}";
        assertThat(set(3, string, "[{}]")).isEqualTo(objs("[{\"s\":\"null\"}]"));
        assertThat(set(3, number, "[{}]")).isEqualTo(objs("[{\"n\":null}]"));
        assertThat(failure(3.1, string, "[{}]")).contains("'s' expects a string but we got 'null' [item 0]");
        String ignoring = string.substring(0, string.length() - 1) + ",\"options\":{\"ignoreConversionErrors\":true}}";
        assertThat(set(3.1, ignoring, "[{}]")).isEqualTo(objs("[{\"s\":null}]"));
        assertThat(set(3.2, string, "[{}]")).isEqualTo(objs("[{\"s\":null}]"));
    }

    @Test
    void includeKeepsAllNoneSomeOrAllButSomeInputFields() {
        String field = "\"fields\":{\"values\":[{\"name\":\"test\",\"stringValue\":\"foo\"}]}";
        assertThat(set(3, "{" + field + "}", ONE_ITEM).get(0).keySet()).containsExactly("name", "age", "address", "test");
        assertThat(set(3, "{" + field + ",\"include\":\"none\"}", ONE_ITEM)).isEqualTo(objs("[{\"test\":\"foo\"}]"));
        assertThat(set(3.1, "{" + field + ",\"include\":\"selected\",\"includeFields\":\"age, address.city, missing\"}", ONE_ITEM))
                .isEqualTo(objs("[{\"age\":32,\"city\":\"Oslo\",\"test\":\"foo\"}]"));
        assertThat(set(3.2, "{" + field + ",\"include\":\"except\",\"excludeFields\":\"age,address.zip\"}", ONE_ITEM))
                .isEqualTo(objs("[{\"name\":\"Ann\",\"address\":{\"city\":\"Oslo\"},\"test\":\"foo\"}]"));
    }

    @Test
    void anUnknownIncludeOptionFails() {
        assertThat(failure(3.2, "{\"include\":\"some\"}", "[{}]")).contains("The include option \"some\" is not known!");
    }

    @Test
    void withoutDotNotationSelectedAndExcludedFieldsAreTopLevelKeys() {
        String items = "[{\"a.b\":1,\"a\":{\"b\":2},\"c\":3}]";
        assertThat(set(3.2, "{\"include\":\"selected\",\"includeFields\":\"a.b\",\"options\":{\"dotNotation\":false}}", items))
                .isEqualTo(objs("[{\"a.b\":1}]"));
        assertThat(set(3.2, "{\"include\":\"except\",\"excludeFields\":\"a.b\",\"options\":{\"dotNotation\":false}}", items))
                .isEqualTo(objs("[{\"a\":{\"b\":2},\"c\":3}]"));
    }

    @Test
    void aNameThatExistsAsAKeyIsWrittenAsThatKey() {
        assertThat(set(3.2, "{\"fields\":{\"values\":[{\"name\":\"a.b\",\"stringValue\":\"new\"}]}}", "[{\"a.b\":\"old\"}]"))
                .isEqualTo(objs("[{\"a.b\":\"new\"}]"));
    }

    // ---- version 3.3 and later: assignments

    @Test
    void assignmentsReplaceTheInputUnlessOtherFieldsAreIncluded() {
        String a = assignments("{\"id\":\"1\",\"name\":\"n\",\"type\":\"number\",\"value\":\"={{ $json.age }}\"}",
                "{\"id\":\"2\",\"name\":\"tags\",\"type\":\"array\",\"value\":\"[1, 2]\"}",
                "{\"id\":\"3\",\"name\":\"ok\",\"type\":\"boolean\",\"value\":false}");
        assertThat(set(3.3, a + "}", ONE_ITEM)).isEqualTo(objs("[{\"n\":32,\"tags\":[1,2],\"ok\":false}]"));
        assertThat(set(3.4, a + ",\"includeOtherFields\":true,\"include\":\"selected\",\"includeFields\":\"name\"}", ONE_ITEM))
                .isEqualTo(objs("[{\"name\":\"Ann\",\"n\":32,\"tags\":[1,2],\"ok\":false}]"));
        assertThat(set(3.3, a + ",\"includeOtherFields\":true,\"include\":\"except\",\"excludeFields\":\"address\"}", ONE_ITEM))
                .isEqualTo(objs("[{\"name\":\"Ann\",\"age\":32,\"n\":32,\"tags\":[1,2],\"ok\":false}]"));
        assertThat(set(3.4, a + ",\"includeOtherFields\":true}", ONE_ITEM).get(0)).containsKeys("name", "age", "address", "n");
    }

    @Test
    void anAssignmentWithoutValueIsNull() {
        assertThat(set(3.4, assignments("{\"id\":\"1\",\"name\":\"x\",\"type\":\"string\"}") + "}", "[{}]"))
                .isEqualTo(objs("[{\"x\":null}]"));
    }

    // ---- raw mode

    @Test
    void rawModeWritesAJsonObjectWithExpressionsFilledIn() {
        String params = "{\"mode\":\"raw\",\"jsonOutput\":\"={\\\"who\\\": \\\"{{ $json.name }}\\\", \\\"where\\\": {{ $json.address }}}\","
                + "\"include\":\"none\"}";
        assertThat(set(3.2, params, ONE_ITEM)).isEqualTo(objs("[{\"who\":\"Ann\",\"where\":{\"city\":\"Oslo\",\"zip\":\"0150\"}}]"));
    }

    @Test
    void rawModeEvaluatesEachExpressionOnItsOwnWritingNullAsNull() {
        String params = "{\"mode\":\"raw\",\"jsonOutput\":\"={\\\"a\\\": {{ $json.missing }}, \\\"b\\\": {{ [1, 2] }}, "
                + "\\\"c\\\": {{ 1 + 1 }}}\"}";
        assertThat(set(3.4, params, "[{}]")).isEqualTo(objs("[{\"a\":null,\"b\":[1,2],\"c\":2}]"));
    }

    @Test
    void rawModeRepairsAlmostJsonAndUsesTheDefaultTemplate() {
        assertThat(set(3.4, "{\"mode\":\"raw\",\"jsonOutput\":\"{'a': 1, b: 'two',}\"}", "[{}]"))
                .isEqualTo(objs("[{\"a\":1,\"b\":\"two\"}]"));
        assertThat(set(3.4, "{\"mode\":\"raw\"}", "[{}]")).isEqualTo(objs("[{\"my_field_1\":\"value\",\"my_field_2\":1}]"));
    }

    @Test
    void rawModeRejectsTextThatIsNotAJsonObject() {
        assertThat(failure(3.4, "{\"mode\":\"raw\",\"jsonOutput\":\"{not json\"}", "[{}]"))
                .contains("The 'JSON Output' in item 0 contains invalid JSON");
        assertThat(failure(3.4, "{\"mode\":\"raw\",\"jsonOutput\":\"[1, 2]\"}", "[{}]"))
                .contains("The 'JSON Output' in item 0 does not contain a valid JSON object");
    }

    @Test
    void anObjectValueExpressionWithBrokenJsonNamesTheField() {
        String params = fields("{\"name\":\"o\",\"type\":\"objectValue\",\"objectValue\":\"={ {{ $json.name }} }\"}") + "}";
        assertThat(failure(3.2, params, ONE_ITEM)).contains("The entry \"o\" inside 'Fields to Set' in item 0 contains invalid JSON");
    }

    // ---- attachments, duplicates, failures

    @Test
    void attachmentsNeedIncludeBinaryBeforeVersion34() {
        String field = "\"fields\":{\"values\":[{\"name\":\"x\",\"stringValue\":\"y\"}]}";
        assertThat(items(Spec.of(SET, 3.2, "{" + field + "}").runWithCode(WITH_FILE)).get(0).binary()).isEmpty();
        assertThat(items(Spec.of(SET, 3.2, "{" + field + ",\"options\":{\"includeBinary\":true}}").runWithCode(WITH_FILE))
                .get(0).binary()).containsKey("data");
    }

    @Test
    void fromVersion34AttachmentsPassUnlessStrippedOrNoFieldsAreIncluded() {
        String a = assignments("{\"id\":\"1\",\"name\":\"x\",\"type\":\"string\",\"value\":\"y\"}");
        assertThat(items(Spec.of(SET, 3.4, a + ",\"includeOtherFields\":true}").runWithCode(WITH_FILE)).get(0).binary())
                .containsKey("data");
        assertThat(items(Spec.of(SET, 3.4, a + ",\"includeOtherFields\":true,\"options\":{\"stripBinary\":true}}")
                .runWithCode(WITH_FILE)).get(0).binary()).isEmpty();
        assertThat(items(Spec.of(SET, 3.4, a + "}").runWithCode(WITH_FILE)).get(0).binary()).isEmpty();
    }

    @Test
    void duplicateItemRepeatsEachItemInManualRuns() {
        assertThat(set(3.4, "{\"duplicateItem\":true,\"duplicateCount\":2}", "[{\"a\":1}]"))
                .isEqualTo(objs("[{},{},{}]"));
    }

    @Test
    void withContinueOnFailAFailingItemBecomesAnErrorItem() {
        RunResult r = Spec.of(SET, 3.2, fields("{\"name\":\"n\",\"type\":\"numberValue\",\"numberValue\":\"={{ $json.v }}\"}") + "}")
                .continueOnFail().run("[{\"v\":\"1\"},{\"v\":\"x\"}]");
        assertThat(out(r)).isEqualTo(objs("[{\"n\":1},{\"error\":\"'n' expects a number but we got 'x' [item 1]\"}]"));
        assertThat(items(r).get(1).pairedItem()).containsExactly(PairedItem.of(1));
    }

    @Test
    void anUnknownModeFails() {
        assertThat(failure(3.4, "{\"mode\":\"magic\"}", "[{}]")).contains("unknown mode \"magic\"");
    }
}
