package dev.switchboard.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;

/** How the webhook servlet writes the controller's answers, as Spring MVC's converters wrote them before. */
class WebhookServletTest {

    private static MockHttpServletResponse written(ResponseEntity<?> answer) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        WebhookServlet.write(answer, response);
        return response;
    }

    @Test
    void aMapOrListIsWrittenAsJsonWithItsStatusAndHeaders() throws Exception {
        MockHttpServletResponse r = written(ResponseEntity.status(201).header("X-Order", "42")
                .body(Map.of("total", 250, "lines", List.of(1, 2))));
        assertThat(r.getStatus()).isEqualTo(201);
        assertThat(r.getHeader("X-Order")).isEqualTo("42");
        assertThat(r.getContentType()).isEqualTo("application/json");
        assertThat(dev.switchboard.platform.json.Json.parseObject(r.getContentAsString()))
                .containsEntry("total", 250L).containsEntry("lines", List.of(1L, 2L));
        assertThat(r.getContentLength()).isEqualTo(r.getContentAsByteArray().length);
    }

    @Test
    void textIsWrittenAsItIsUnderTheTypeTheAnswerNamesOrAsPlainText() throws Exception {
        MockHttpServletResponse plain = written(ResponseEntity.ok("received ✓"));
        assertThat(plain.getContentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(plain.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("received ✓");
        MockHttpServletResponse html = written(ResponseEntity.ok().header("Content-Type", "text/html").body("<p>hi</p>"));
        assertThat(html.getContentType()).isEqualTo("text/html");
        assertThat(html.getContentAsString()).isEqualTo("<p>hi</p>");
    }

    @Test
    void bytesAreWrittenAsTheyAreAndNoBodyIsAnEmptyAnswer() throws Exception {
        MockHttpServletResponse bytes = written(ResponseEntity.ok(new byte[] {1, 2, 3}));
        assertThat(bytes.getContentType()).isEqualTo("application/octet-stream");
        assertThat(bytes.getContentAsByteArray()).containsExactly(1, 2, 3);
        MockHttpServletResponse redirect = written(ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT)
                .header("Location", "https://example.com/thanks").build());
        assertThat(redirect.getStatus()).isEqualTo(307);
        assertThat(redirect.getHeader("Location")).isEqualTo("https://example.com/thanks");
        assertThat(redirect.getContentLength()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExceptionGetsTheApisErrorShapeAsTheApiGivesIt() {
        ResponseEntity<Map<String, Object>> bad = ApiErrors.of(new IllegalArgumentException("path is missing"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).containsOnlyKeys("error");
        assertThat((Map<String, Object>) bad.getBody().get("error")).containsEntry("code", "bad_request")
                .containsEntry("message", "path is missing").containsKey("details");
        ResponseEntity<Map<String, Object>> unexpected = ApiErrors.of(new IllegalStateException("boom"));
        assertThat(unexpected.getStatusCode().value()).isEqualTo(500);
        // an unexpected failure is logged, and its message (which may name what a caller should not see) is not sent
        assertThat((Map<String, Object>) unexpected.getBody().get("error")).containsEntry("code", "internal")
                .doesNotContainValue("boom");
    }
}
