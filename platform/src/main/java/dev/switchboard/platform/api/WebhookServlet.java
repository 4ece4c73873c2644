package dev.switchboard.platform.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import dev.switchboard.platform.json.Json;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves {@code /webhook/…} and {@code /webhook-test/…} as a servlet of its own beside Spring MVC's dispatcher,
 * which never sees these paths. A webhook call is the server's busiest request: the dispatcher's machinery around
 * it (request attributes, asynchronous-request managers, return-value handlers, content negotiation, and the
 * generic types each of them resolves) cost more processor time and memory than the controller's own work. The
 * controller ({@link WebhookController#receive}) decides the answer; this writes it: a text body as it is, bytes as
 * they are, anything else as JSON, under the content type the answer names or the one that fits its body. Errors
 * the controller throws get the API's error shape ({@link ApiErrors#of}).
 */
final class WebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient WebhookController controller;

    WebhookServlet(WebhookController controller) {
        this.controller = controller;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResponseEntity<?> answer;
        try {
            answer = controller.receive(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = WebhookController.error(HttpStatus.SERVICE_UNAVAILABLE, "stopping", "the server is stopping", null);
        } catch (IOException e) {
            // the caller went away while its body was read: nobody is left to answer
            throw e;
        } catch (RuntimeException e) {
            answer = ApiErrors.of(e);
        }
        write(answer, response);
    }

    /** Writes an answer as Spring MVC's message converters would for these bodies. */
    static void write(ResponseEntity<?> answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        Object body = answer.getBody();
        if (body == null) {
            response.setContentLength(0);
            return;
        }
        byte[] bytes;
        String fitting;
        if (body instanceof byte[] b) {
            bytes = b;
            fitting = "application/octet-stream";
        } else if (body instanceof String s) {
            bytes = s.getBytes(StandardCharsets.UTF_8);
            fitting = "text/plain;charset=UTF-8";
        } else {
            bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
            fitting = "application/json";
        }
        if (answer.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE) == null) {
            response.setContentType(fitting);
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
