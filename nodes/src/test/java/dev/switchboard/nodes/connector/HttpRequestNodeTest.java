package dev.switchboard.nodes.connector;

import static dev.switchboard.nodes.NodeTestKit.chain;
import static dev.switchboard.nodes.NodeTestKit.json;
import static dev.switchboard.nodes.NodeTestKit.obj;
import static dev.switchboard.nodes.NodeTestKit.objs;
import static dev.switchboard.nodes.NodeTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.nodes.NodeTestKit;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;

class HttpRequestNodeTest {

    private LoopbackServer server;

    @BeforeEach
    void start() throws IOException {
        Map<String, Function<LoopbackServer.Received, LoopbackServer.Answer>> routes = new java.util.HashMap<>();
        routes.put("/object", r -> LoopbackServer.Answer.of(200, "application/json; charset=utf-8", "{\"id\": 1, \"name\": \"Ada\"}"));
        routes.put("/array", r -> LoopbackServer.Answer.of(200, "application/json", "[{\"n\": 1}, {\"n\": 2}, 3]"));
        routes.put("/echo", r -> LoopbackServer.Answer.of(200, "application/json", Json.write(Map.of(
                "method", r.method(), "query", r.query() == null ? "" : URLDecoder.decode(r.query(), StandardCharsets.UTF_8),
                "contentType", String.valueOf(r.header("Content-Type")), "body", r.bodyText()))));
        routes.put("/html", r -> LoopbackServer.Answer.of(200, "text/html", "<p>hi</p>"));
        routes.put("/empty", r -> new LoopbackServer.Answer(204, Map.of(), new byte[0]));
        routes.put("/file.bin", r -> new LoopbackServer.Answer(200, Map.of("Content-Type", "application/octet-stream"),
                new byte[] {1, 2, 3, 4}));
        routes.put("/report", r -> new LoopbackServer.Answer(200, Map.of("Content-Type", "application/pdf",
                "Content-Disposition", "attachment; filename=\"q1.pdf\""), "%PDF".getBytes(StandardCharsets.UTF_8)));
        routes.put("/missing", r -> LoopbackServer.Answer.of(404, "application/json", "{\"message\": \"no such order\"}"));
        routes.put("/busy", r -> LoopbackServer.Answer.of(429, "text/plain", "slow down"));
        routes.put("/redirect", r -> new LoopbackServer.Answer(302, Map.of("Location", "/object"), new byte[0]));
        routes.put("/loop", r -> new LoopbackServer.Answer(302, Map.of("Location", "/loop"), new byte[0]));
        routes.put("/post-redirect", r -> new LoopbackServer.Answer(303, Map.of("Location", "/echo"), new byte[0]));
        routes.put("/slow", r -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return LoopbackServer.Answer.of(200, "text/plain", "late");
        });
        routes.put("/gzip", r -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write("{\"zipped\": true}".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return new LoopbackServer.Answer(200, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
                    bytes.toByteArray());
        });
        routes.put("/x", r -> LoopbackServer.Answer.of(200, "text/plain", "via proxy"));
        server = new LoopbackServer(routes);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RunResult http(double version, String parameters) {
        return run(chain("Call", "n8n-nodes-base.httpRequest", version, parameters), objs("[{}]"));
    }

    private RunResult http(String parameters) {
        return http(4.2, parameters);
    }

    private String url(String path) {
        return server.url(path);
    }

    private static String failure(RunResult result) {
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        return result.error().message();
    }

    @Test
    void aJsonObjectBecomesTheItem() {
        RunResult result = http("{\"url\": \"" + url("/object") + "\"}");
        assertThat(json(result, "Call")).isEqualTo(objs("[{\"id\": 1, \"name\": \"Ada\"}]"));
        assertThat(server.last().method()).isEqualTo("GET");
        assertThat(server.last().header("Accept")).startsWith("application/json,text/html");
    }

    @Test
    void aJsonArrayBecomesOneItemPerElement() {
        RunResult result = http("{\"url\": \"" + url("/array") + "\"}");
        assertThat(json(result, "Call")).isEqualTo(objs("[{\"n\": 1}, {\"n\": 2}, {\"data\": 3}]"));
        assertThat(result.output("Call")).allSatisfy(i -> assertThat(i.pairedItem()).extracting("item").containsExactly(0));
    }

    @Test
    void oneRequestPerItemWithExpressions() {
        RunResult result = run(chain("Call", "n8n-nodes-base.httpRequest", 4.2,
                "{\"url\": \"=" + url("/echo") + "?id={{ $json.id }}\"}"), objs("[{\"id\": 1}, {\"id\": 2}]"));
        assertThat(json(result, "Call")).extracting(m -> m.get("query")).containsExactly("id=1", "id=2");
        assertThat(result.output("Call").get(1).pairedItem()).extracting("item").containsExactly(1);
    }

    @Test
    void queryParametersAsPairsOrJsonAndArrayFormats() {
        String pairs = "\"sendQuery\": true, \"queryParameters\": {\"parameters\": [{\"name\": \"q\", \"value\": \"a b\"},"
                + " {\"name\": \"tag\", \"value\": \"x\"}, {\"name\": \"tag\", \"value\": \"y\"}]}";
        assertThat(json(http("{\"url\": \"" + url("/echo") + "?keep=1\", " + pairs + "}"), "Call").get(0).get("query"))
                .isEqualTo("keep=1&q=a b&tag[]=x&tag[]=y");
        assertThat(json(http("{\"url\": \"" + url("/echo") + "\", " + pairs
                + ", \"options\": {\"queryParameterArrays\": \"indices\"}}"), "Call").get(0).get("query"))
                .isEqualTo("q=a b&tag[0]=x&tag[1]=y");
        assertThat(json(http("{\"url\": \"" + url("/echo") + "\", " + pairs
                + ", \"options\": {\"queryParameterArrays\": \"repeat\"}}"), "Call").get(0).get("query"))
                .isEqualTo("q=a b&tag=x&tag=y");
        assertThat(json(http("{\"url\": \"" + url("/echo") + "\", \"sendQuery\": true, \"specifyQuery\": \"json\", "
                + "\"jsonQuery\": \"{\\\"filter\\\": {\\\"city\\\": \\\"Oslo\\\"}, \\\"n\\\": 2}\"}"), "Call").get(0).get("query"))
                .isEqualTo("filter[city]=Oslo&n=2");
    }

    @Test
    void headersAreSentLowerCasedUnlessToldOtherwise() {
        http("{\"url\": \"" + url("/object") + "\", \"sendHeaders\": true, \"headerParameters\": {\"parameters\": "
                + "[{\"name\": \"X-Trace\", \"value\": \"t1\"}, {\"name\": \"Accept\", \"value\": \"text/plain\"}]}}");
        assertThat(server.last().header("X-Trace")).isEqualTo("t1");
        assertThat(server.last().header("Accept")).isEqualTo("text/plain");
        http("{\"url\": \"" + url("/object") + "\", \"sendHeaders\": true, \"specifyHeaders\": \"json\", "
                + "\"jsonHeaders\": \"{\\\"X-Json\\\": \\\"j\\\"}\", \"options\": {\"lowercaseHeaders\": false}}");
        assertThat(server.last().header("X-Json")).isEqualTo("j");
    }

    @Test
    void jsonBodiesFromFieldsOrText() {
        Map<String, Object> echo = json(http("{\"method\": \"POST\", \"url\": \"" + url("/echo") + "\", \"sendBody\": true, "
                + "\"bodyParameters\": {\"parameters\": [{\"name\": \"customer.name\", \"value\": \"Ada\"}, "
                + "{\"name\": \"qty\", \"value\": \"={{ 2 + 1 }}\"}]}}"), "Call").get(0);
        assertThat(echo.get("contentType")).isEqualTo("application/json");
        assertThat(Json.parse((String) echo.get("body"))).isEqualTo(obj("{\"customer\": {\"name\": \"Ada\"}, \"qty\": 3}"));
        Map<String, Object> text = json(http("{\"method\": \"PUT\", \"url\": \"" + url("/echo") + "\", \"sendBody\": true, "
                + "\"specifyBody\": \"json\", \"jsonBody\": \"{\\\"a\\\": [1, 2]}\"}"), "Call").get(0);
        assertThat(text.get("method")).isEqualTo("PUT");
        assertThat(Json.parse((String) text.get("body"))).isEqualTo(obj("{\"a\": [1, 2]}"));
    }

    @Test
    void versionThreeKeepsDottedNamesAsTheyAre() {
        Map<String, Object> echo = json(http(3, "{\"method\": \"POST\", \"url\": \"" + url("/echo") + "\", \"sendBody\": true, "
                + "\"bodyParameters\": {\"parameters\": [{\"name\": \"a.b\", \"value\": \"1\"}]}}"), "Call").get(0);
        assertThat(Json.parse((String) echo.get("body"))).isEqualTo(obj("{\"a.b\": \"1\"}"));
    }

    @Test
    void invalidJsonBodyFailsNamingTheParameter() {
        assertThat(failure(http("{\"method\": \"POST\", \"url\": \"" + url("/echo") + "\", \"sendBody\": true, "
                + "\"specifyBody\": \"json\", \"jsonBody\": \"{oops\"}")))
                .startsWith("Parameter \"jsonBody\" is not valid JSON").endsWith("[item 0]");
    }

    @Test
    void formBodies() {
        Map<String, Object> pairs = json(http("{\"method\": \"POST\", \"url\": \"" + url("/echo") + "\", \"sendBody\": true, "
                + "\"contentType\": \"form-urlencoded\", \"bodyParameters\": {\"parameters\": [{\"name\": \"a\", \"value\": \"1 2\"},"
                + " {\"name\": \"b\", \"value\": \"&\"}]}}"), "Call").get(0);
        assertThat(pairs.get("contentType")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(pairs.get("body")).isEqualTo("a=1%202&b=%26");
        Map<String, Object> single = json(http("{\"method\": \"POST\", \"url\": \"" + url("/echo") + "\", \"sendBody\": true, "
                + "\"contentType\": \"form-urlencoded\", \"specifyBody\": \"string\", \"body\": \"x=1&y=2\"}"), "Call").get(0);
        assertThat(single.get("body")).isEqualTo("x=1&y=2");
    }

    @Test
    void rawBodiesCarryTheirContentType() {
        Map<String, Object> echo = json(http("{\"method\": \"POST\", \"url\": \"" + url("/echo") + "\", \"sendBody\": true, "
                + "\"contentType\": \"raw\", \"rawContentType\": \"text/csv\", \"body\": \"a,b\\n1,2\"}"), "Call").get(0);
        assertThat(echo.get("contentType")).isEqualTo("text/csv");
        assertThat(echo.get("body")).isEqualTo("a,b\n1,2");
    }

    @Test
    void filesDownloadAsBinaryAndUploadAsBinaryOrMultipart() {
        RunResult result = run(chain(
                "Download", "n8n-nodes-base.httpRequest", 4.2, "{\"url\": \"" + url("/file.bin") + "\"}",
                "Upload", "n8n-nodes-base.httpRequest", 4.2, "{\"method\": \"POST\", \"url\": \"" + url("/echo")
                        + "\", \"sendBody\": true, \"contentType\": \"binaryData\", \"inputDataFieldName\": \"data\"}",
                "Download2", "n8n-nodes-base.httpRequest", 4.2, "{\"url\": \"" + url("/file.bin") + "\"}",
                "Form", "n8n-nodes-base.httpRequest", 4.2, "{\"method\": \"POST\", \"url\": \"" + url("/echo")
                        + "\", \"sendBody\": true, \"contentType\": \"multipart-form-data\", \"bodyParameters\": {\"parameters\": ["
                        + "{\"parameterType\": \"formData\", \"name\": \"title\", \"value\": \"Q1\"},"
                        + "{\"parameterType\": \"formBinaryData\", \"name\": \"upload\", \"inputDataFieldName\": \"data\"}]}}"),
                objs("[{\"keep\": 1}]"));
        Item downloaded = result.output("Download").get(0);
        assertThat(downloaded.json()).isEqualTo(obj("{\"keep\": 1}"));
        assertThat(downloaded.binary().get("data")).isEqualTo(obj("""
                {"data": "AQIDBA==", "mimeType": "application/octet-stream", "fileName": "file.bin", "fileExtension": "bin",
                 "fileSize": "4 B"}"""));
        List<LoopbackServer.Received> posts = server.received.stream().filter(r -> r.method().equals("POST")).toList();
        assertThat(posts.get(0).body()).containsExactly(1, 2, 3, 4);
        assertThat(posts.get(0).header("Content-Type")).isEqualTo("application/octet-stream");
        String multipart = new String(posts.get(1).body(), StandardCharsets.ISO_8859_1);
        assertThat(posts.get(1).header("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(multipart).contains("Content-Disposition: form-data; name=\"title\"\r\n\r\nQ1\r\n")
                .contains("Content-Disposition: form-data; name=\"upload\"; filename=\"file.bin\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n\u0001\u0002\u0003\u0004\r\n");
    }

    @Test
    void aMissingBinaryPropertyFailsClearly() {
        assertThat(failure(http("{\"method\": \"POST\", \"url\": \"" + url("/echo") + "\", \"sendBody\": true, "
                + "\"contentType\": \"binaryData\", \"inputDataFieldName\": \"file\"}")))
                .isEqualTo("Parameter \"inputDataFieldName\": the item has no binary property \"file\" [item 0]");
    }

    @Test
    void responseFormats() {
        assertThat(json(http("{\"url\": \"" + url("/html") + "\"}"), "Call")).isEqualTo(objs("[{\"data\": \"<p>hi</p>\"}]"));
        assertThat(json(http("{\"url\": \"" + url("/object") + "\", \"options\": {\"response\": {\"response\": "
                + "{\"responseFormat\": \"text\", \"outputPropertyName\": \"raw\"}}}}"), "Call"))
                .isEqualTo(objs("[{\"raw\": \"{\\\"id\\\": 1, \\\"name\\\": \\\"Ada\\\"}\"}]"));
        RunResult file = http("{\"url\": \"" + url("/report") + "\", \"options\": {\"response\": {\"response\": "
                + "{\"responseFormat\": \"file\", \"outputPropertyName\": \"pdf\"}}}}");
        assertThat(file.output("Call").get(0).binary().get("pdf")).extracting("fileName", "mimeType")
                .isEqualTo(List.of("q1.pdf", "application/pdf"));
        assertThat(json(http("{\"url\": \"" + url("/empty") + "\"}"), "Call")).isEqualTo(objs("[{}]"));
    }

    @Test
    void textThatIsNotJsonFailsWhenJsonIsAskedFor() {
        assertThat(failure(http("{\"url\": \"" + url("/html") + "\", \"options\": {\"response\": {\"response\": "
                + "{\"responseFormat\": \"json\"}}}}"))).startsWith("The response body is not valid JSON");
    }

    @Test
    void theFullResponseIncludesStatusAndHeaders() {
        Map<String, Object> full = json(http("{\"url\": \"" + url("/object") + "\", \"options\": {\"response\": "
                + "{\"response\": {\"fullResponse\": true}}}}"), "Call").get(0);
        assertThat(full.get("body")).isEqualTo(obj("{\"id\": 1, \"name\": \"Ada\"}"));
        assertThat(full.get("statusCode")).isEqualTo(200L);
        assertThat(full.get("statusMessage")).isEqualTo("OK");
        assertThat(((Map<?, ?>) full.get("headers")).get("content-type")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void gzipBodiesAreDecoded() {
        assertThat(json(http("{\"url\": \"" + url("/gzip") + "\"}"), "Call")).isEqualTo(objs("[{\"zipped\": true}]"));
    }

    @Test
    void errorsNameTheNodeStatusAndUrl() {
        assertThat(failure(http("{\"url\": \"" + url("/missing") + "\"}"))).isEqualTo("HTTP Request \"Call\": GET "
                + url("/missing") + " answered 404 Not Found: {\"message\": \"no such order\"}");
        assertThat(failure(http("{\"url\": \"" + url("/busy") + "\"}"))).contains("429 Too Many Requests")
                .contains("batching");
    }

    @Test
    void neverErrorReturnsTheErrorResponse() {
        Map<String, Object> full = json(http("{\"url\": \"" + url("/missing") + "\", \"options\": {\"response\": "
                + "{\"response\": {\"neverError\": true, \"fullResponse\": true}}}}"), "Call").get(0);
        assertThat(full.get("statusCode")).isEqualTo(404L);
        assertThat(full.get("body")).isEqualTo(obj("{\"message\": \"no such order\"}"));
    }

    @Test
    void failuresBecomeItemsWhenTheNodeContinues() {
        RunResult result = NodeTestKit.run(NodeTestKit.workflow("""
                {"name": "t", "nodes": [
                  {"name": "T", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"name": "Call", "type": "n8n-nodes-base.httpRequest", "typeVersion": 4.2, "position": [1, 0],
                   "parameters": {"url": "=%s{{ $json.path }}"}, "onError": "continueRegularOutput"}],
                 "connections": {"T": {"main": [[{"node": "Call", "type": "main", "index": 0}]]}}}"""
                .formatted(url(""))), objs("[{\"path\": \"/missing\"}, {\"path\": \"/object\"}]"));
        List<Map<String, Object>> out = json(result, "Call");
        assertThat((String) out.get(0).get("error")).contains("answered 404 Not Found");
        assertThat(out.get(1)).isEqualTo(obj("{\"id\": 1, \"name\": \"Ada\"}"));
    }

    @Test
    void redirectsAreFollowedFromVersionFourUpToTheLimit() {
        assertThat(json(http("{\"url\": \"" + url("/redirect") + "\"}"), "Call")).isEqualTo(objs("[{\"id\": 1, \"name\": \"Ada\"}]"));
        assertThat(failure(http(3, "{\"url\": \"" + url("/redirect") + "\"}"))).contains("answered 302 Found");
        assertThat(json(http(3, "{\"url\": \"" + url("/redirect") + "\", \"options\": {\"redirect\": {\"redirect\": "
                + "{\"followRedirects\": true}}}}"), "Call")).isEqualTo(objs("[{\"id\": 1, \"name\": \"Ada\"}]"));
        assertThat(failure(http("{\"url\": \"" + url("/redirect") + "\", \"options\": {\"redirect\": {\"redirect\": "
                + "{\"followRedirects\": false}}}}"))).contains("302");
        assertThat(failure(http("{\"url\": \"" + url("/loop") + "\", \"options\": {\"redirect\": {\"redirect\": "
                + "{\"followRedirects\": true, \"maxRedirects\": 3}}}}"))).contains("more than 3 redirects");
        assertThat(server.received.stream().filter(r -> r.path().equals("/loop")).count()).isEqualTo(4);
    }

    @Test
    void aSeeOtherRedirectTurnsAPostIntoAGet() {
        Map<String, Object> echo = json(http("{\"method\": \"POST\", \"url\": \"" + url("/post-redirect") + "\", "
                + "\"sendBody\": true, \"specifyBody\": \"json\", \"jsonBody\": \"{}\"}"), "Call").get(0);
        assertThat(echo.get("method")).isEqualTo("GET");
        assertThat(echo.get("body")).isEqualTo("");
    }

    @Test
    void aTimeoutFailsNamingTheLimit() {
        assertThat(failure(http("{\"url\": \"" + url("/slow") + "\", \"options\": {\"timeout\": 300}}")))
                .contains("no response within 300 ms").contains(url("/slow"));
    }

    @Test
    void unreachableServersFailNamingTheUrl() {
        String closed = url("/object");
        server.close();
        assertThat(failure(http("{\"url\": \"" + closed + "\"}"))).startsWith("HTTP Request \"Call\": GET " + closed + " failed:");
    }

    @Test
    void theProxyOptionSendsThroughTheProxy() {
        String proxy = url("").replace("http://", "");
        assertThat(json(http("{\"url\": \"http://unreachable.invalid/x\", \"options\": {\"proxy\": \"" + proxy + "\"}}"),
                "Call")).isEqualTo(objs("[{\"data\": \"via proxy\"}]"));
    }

    @Test
    void batchingPausesBetweenBatches() {
        RunResult result = run(chain("Call", "n8n-nodes-base.httpRequest", 4.2, "{\"url\": \"" + url("/object")
                + "\", \"options\": {\"batching\": {\"batch\": {\"batchSize\": 2, \"batchInterval\": 5000}}}}"),
                objs("[{}, {}, {}, {}, {}]"));
        assertThat(json(result, "Call")).hasSize(5);
        assertThat(result.steps("Call").get(0).durationMillis()).isGreaterThanOrEqualTo(10_000);
        RunResult unbatched = run(chain("Call", "n8n-nodes-base.httpRequest", 4.2, "{\"url\": \"" + url("/object") + "\"}"),
                objs("[{}, {}, {}]"));
        assertThat(unbatched.steps("Call").get(0).durationMillis()).isLessThan(5_000);
    }

    @Test
    void aRequestForACredentialFailsClearlyWhenTheNodeNamesNone() {
        assertThat(failure(http("{\"url\": \"" + url("/object") + "\", \"authentication\": \"genericCredentialType\", "
                + "\"genericAuthType\": \"httpBasicAuth\"}")))
                .isEqualTo("Credentials: the node names no httpBasicAuth credential; choose one under the node's "
                        + "credentials [item 0]");
        assertThat(server.received).isEmpty();
    }

    @Test
    void urlsMustBeHttpOrHttps() {
        assertThat(failure(http("{\"url\": \"ftp://example.com/a\"}")))
                .isEqualTo("Parameter \"url\": \"ftp://example.com/a\" must start with http:// or https:// [item 0]");
        assertThat(failure(http("{\"url\": \"  \"}"))).isEqualTo("Parameter \"url\" is empty [item 0]");
    }

    @Test
    void paginationIsRefusedClearly() {
        assertThat(failure(http("{\"url\": \"" + url("/object") + "\", \"options\": {\"pagination\": {\"pagination\": "
                + "{\"paginationMode\": \"responseContainsNextURL\"}}}}"))).contains("\"pagination\" is not supported yet");
    }

    @Test
    void certificatesAreCheckedUnlessTheNodeIgnoresSslIssues() throws Exception {
        try (SelfSignedHttpsServer https = new SelfSignedHttpsServer()) {
            assertThat(failure(http("{\"url\": \"" + https.url("/secure") + "\"}"))).contains("failed:");
            assertThat(json(http("{\"url\": \"" + https.url("/secure") + "\", \"options\": {\"allowUnauthorizedCerts\": true}}"),
                    "Call")).isEqualTo(objs("[{\"secure\": true}]"));
        }
    }

    @Test
    void binaryResponsesKeepBase64Data() {
        Item item = http("{\"url\": \"" + url("/file.bin") + "\"}").output("Call").get(0);
        assertThat(Base64.getDecoder().decode((String) ((Map<?, ?>) item.binary().get("data")).get("data")))
                .containsExactly(1, 2, 3, 4);
    }
}
