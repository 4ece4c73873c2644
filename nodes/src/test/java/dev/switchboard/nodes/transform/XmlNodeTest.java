package dev.switchboard.nodes.transform;

import static dev.switchboard.nodes.NodeTestKit.chain;
import static dev.switchboard.nodes.NodeTestKit.json;
import static dev.switchboard.nodes.NodeTestKit.obj;
import static dev.switchboard.nodes.NodeTestKit.objs;
import static dev.switchboard.nodes.NodeTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;

class XmlNodeTest {

    private static RunResult xml(String parameters, List<Map<String, Object>> items) {
        return run(chain("XML", "n8n-nodes-base.xml", 1, parameters), items);
    }

    private static String toXml(String options, String item) {
        RunResult result = xml("{\"mode\": \"jsonToxml\", \"options\": " + options + "}", List.of(obj(item)));
        return (String) json(result, "XML").get(0).get("data");
    }

    private static Map<String, Object> toJson(String options, String xmlText) {
        RunResult result = xml("{\"options\": " + options + "}", List.of(Map.of("data", xmlText)));
        assertThat(result.status()).as(result.error() == null ? "" : result.error().describe()).isEqualTo(RunStatus.SUCCEEDED);
        return json(result, "XML").get(0);
    }

    @Test
    void theOnlyKeyBecomesTheRootWithADeclarationAndTwoSpaceIndent() {
        assertThat(toXml("{}", "{\"order\": {\"id\": 7, \"total\": 1.5, \"paid\": true}}")).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <order>
                  <id>7</id>
                  <total>1.5</total>
                  <paid>true</paid>
                </order>""");
    }

    @Test
    void severalKeysGoUnderTheRootName() {
        assertThat(toXml("{\"headless\": true}", "{\"a\": 1, \"b\": \"x\"}"))
                .isEqualTo("<root>\n  <a>1</a>\n  <b>x</b>\n</root>");
        assertThat(toXml("{\"headless\": true, \"rootName\": \"doc\"}", "{\"a\": 1}"))
                .isEqualTo("<doc>\n  <a>1</a>\n</doc>");
    }

    @Test
    void attributesTextArraysAndEmptyValues() {
        assertThat(toXml("{\"headless\": true}", """
                {"item": {"$": {"id": "5", "kind": "a&b"}, "_": "text", "tag": ["x", "y"], "none": null, "empty": ""}}"""))
                .isEqualTo("""
                        <item id="5" kind="a&amp;b">
                          text
                          <tag>x</tag>
                          <tag>y</tag>
                          <none/>
                          <empty/>
                        </item>""");
    }

    @Test
    void arraysOfObjectsRepeatTheElement() {
        assertThat(toXml("{\"headless\": true}", "{\"list\": {\"entry\": [{\"n\": 1}, {\"n\": 2}]}}"))
                .isEqualTo("<list>\n  <entry>\n    <n>1</n>\n  </entry>\n  <entry>\n    <n>2</n>\n  </entry>\n</list>");
    }

    @Test
    void textIsEscapedOrWrappedInCdata() {
        assertThat(toXml("{\"headless\": true}", "{\"t\": \"a < b & c > d\"}")).isEqualTo("<t>a &lt; b &amp; c &gt; d</t>");
        assertThat(toXml("{\"headless\": true, \"cdata\": true}", "{\"t\": \"a < b\"}")).isEqualTo("<t><![CDATA[a < b]]></t>");
        assertThat(toXml("{\"headless\": true, \"cdata\": true}", "{\"t\": \"plain\"}")).isEqualTo("<t>plain</t>");
    }

    @Test
    void customAttributeAndCharacterKeys() {
        assertThat(toXml("{\"headless\": true, \"attrkey\": \"@\", \"charkey\": \"#\"}",
                "{\"p\": {\"@\": {\"lang\": \"en\"}, \"#\": \"hi\"}}")).isEqualTo("<p lang=\"en\">hi</p>");
    }

    @Test
    void jsonToXmlKeepsOnlyTheXmlField() {
        RunResult result = xml("{\"mode\": \"jsonToxml\", \"dataPropertyName\": \"out\", \"options\": {\"headless\": true}}",
                objs("[{\"a\": 1}, {\"a\": 2}]"));
        assertThat(json(result, "XML")).isEqualTo(objs("[{\"out\": \"<a>1</a>\"}, {\"out\": \"<a>2</a>\"}]"));
        assertThat(result.output("XML").get(1).pairedItem()).extracting("item").containsExactly(1);
    }

    @Test
    void characterNotAllowedInXmlFails() {
        RunResult result = xml("{\"mode\": \"jsonToxml\"}", List.of(Map.of("t", "bad\u0001")));
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).contains("not allowed in XML (U+0001)");
    }

    @Test
    void xmlToJsonGivesStringsAndMergesAttributes() {
        assertThat(toJson("{}", "<?xml version=\"1.0\"?> <data id=\"3\"> <n>1</n> <name>Ada</name> </data>"))
                .isEqualTo(obj("{\"data\": {\"id\": \"3\", \"n\": \"1\", \"name\": \"Ada\"}}"));
    }

    @Test
    void repeatedElementsBecomeArraysAndExplicitArrayMakesAllArrays() {
        String doc = "<r><i>1</i><i>2</i><one>x</one></r>";
        assertThat(toJson("{}", doc)).isEqualTo(obj("{\"r\": {\"i\": [\"1\", \"2\"], \"one\": \"x\"}}"));
        assertThat(toJson("{\"explicitArray\": true}", doc))
                .isEqualTo(obj("{\"r\": {\"i\": [\"1\", \"2\"], \"one\": [\"x\"]}}"));
    }

    @Test
    void attributesCanStaySeparateOrBeIgnored() {
        String doc = "<r a=\"1\"><c b=\"2\">t</c></r>";
        assertThat(toJson("{\"mergeAttrs\": false}", doc))
                .isEqualTo(obj("{\"r\": {\"$\": {\"a\": \"1\"}, \"c\": {\"_\": \"t\", \"$\": {\"b\": \"2\"}}}}"));
        assertThat(toJson("{\"mergeAttrs\": false, \"attrkey\": \"@\", \"charkey\": \"#\"}", doc))
                .isEqualTo(obj("{\"r\": {\"@\": {\"a\": \"1\"}, \"c\": {\"#\": \"t\", \"@\": {\"b\": \"2\"}}}}"));
        assertThat(toJson("{\"ignoreAttrs\": true}", doc)).isEqualTo(obj("{\"r\": {\"c\": \"t\"}}"));
    }

    @Test
    void explicitRootFalseDropsTheRootElement() {
        assertThat(toJson("{\"explicitRoot\": false}", "<r><a>1</a></r>")).isEqualTo(obj("{\"a\": \"1\"}"));
    }

    @Test
    void whitespaceOptions() {
        String doc = "<r><t>  two   words  </t></r>";
        assertThat(toJson("{}", doc)).isEqualTo(obj("{\"r\": {\"t\": \"  two   words  \"}}"));
        assertThat(toJson("{\"trim\": true}", doc)).isEqualTo(obj("{\"r\": {\"t\": \"two   words\"}}"));
        assertThat(toJson("{\"normalize\": true}", doc)).isEqualTo(obj("{\"r\": {\"t\": \"two words\"}}"));
    }

    @Test
    void normalizeTagsLowerCasesElementNames() {
        assertThat(toJson("{\"normalizeTags\": true}", "<Root><Name>x</Name></Root>"))
                .isEqualTo(obj("{\"root\": {\"name\": \"x\"}}"));
    }

    @Test
    void emptyElementsAndCdataAndMixedContent() {
        assertThat(toJson("{}", "<r><e/><c><![CDATA[<b>]]></c><m>a<b>x</b>c</m></r>"))
                .isEqualTo(obj("{\"r\": {\"e\": \"\", \"c\": \"<b>\", \"m\": {\"_\": \"ac\", \"b\": \"x\"}}}"));
    }

    @Test
    void roundTripsThroughBothModes() {
        RunResult result = run(chain(
                "ToXml", "n8n-nodes-base.xml", 1, "{\"mode\": \"jsonToxml\"}",
                "ToJson", "n8n-nodes-base.xml", 1, "{\"mode\": \"xmlToJson\"}"), objs("[{\"a\": {\"b\": {\"c\": 1}}}]"));
        assertThat(json(result, "ToJson")).isEqualTo(objs("[{\"a\": {\"b\": {\"c\": \"1\"}}}]"));
    }

    @Test
    void aMissingFieldFailsNamingTheParameterAndItem() {
        RunResult result = xml("{}", objs("[{\"other\": 1}]"));
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).isEqualTo("Parameter \"dataPropertyName\": field \"data\" not found [item 0]");
    }

    @Test
    void malformedXmlFailsWithItsPosition() {
        RunResult result = xml("{}", List.of(Map.of("data", "<a><b></a>")));
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).startsWith("Field \"data\" is not valid XML: invalid XML at line 1");
    }

    @Test
    void externalEntitiesAreNeverLoaded() {
        RunResult result = xml("{}", List.of(Map.of("data",
                "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>")));
        assertThat(Json.write(result.output("XML").isEmpty() ? "" : json(result, "XML"))).doesNotContain("root:");
    }

    @Test
    void objectsAreNotXmlText() {
        RunResult result = xml("{}", objs("[{\"data\": {\"a\": 1}}]"));
        assertThat(result.error().message()).contains("holds object, not XML text");
    }
}
