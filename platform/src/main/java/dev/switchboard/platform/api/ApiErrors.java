package dev.switchboard.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.switchboard.platform.workflow.Problem;
import dev.switchboard.platform.workflow.WorkflowFormatException;
import dev.switchboard.platform.workflow.WorkflowStore;

/** Every error of the API as {@code {"error": {"code", "message", "details"}}} with a fitting status. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
public class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    static ResponseEntity<Map<String, Object>> body(HttpStatus status, String code, String message, Object details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", details);
        return ResponseEntity.status(status).body(Map.of("error", error));
    }

    /**
     * The answer the handlers below give for an exception, for callers outside Spring MVC's dispatcher (the
     * webhook servlet).
     */
    static ResponseEntity<Map<String, Object>> of(Exception e) {
        ApiErrors errors = new ApiErrors();
        return switch (e) {
            case ApiException api -> errors.api(api);
            case WorkflowFormatException format -> errors.format(format);
            case WorkflowStore.NotFoundException notFound -> errors.notFound(notFound);
            case WorkflowStore.ConcurrentEditException conflict -> errors.conflict(conflict);
            case IllegalArgumentException bad -> errors.badRequest(bad);
            default -> errors.unexpected(e);
        };
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e) {
        return body(e.status(), e.code(), e.getMessage(), e.details());
    }

    @ExceptionHandler(WorkflowFormatException.class)
    ResponseEntity<Map<String, Object>> format(WorkflowFormatException e) {
        return body(HttpStatus.BAD_REQUEST, "invalid_workflow", "the workflow is not valid", problems(e.problems()));
    }

    static List<Map<String, Object>> problems(List<Problem> problems) {
        return problems.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", p.severity().name().toLowerCase());
            m.put("node", p.node());
            m.put("field", p.field());
            m.put("message", p.message());
            return m;
        }).toList();
    }

    @ExceptionHandler(WorkflowStore.NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(WorkflowStore.NotFoundException e) {
        return body(HttpStatus.NOT_FOUND, "not_found", e.getMessage(), null);
    }

    @ExceptionHandler(WorkflowStore.ConcurrentEditException.class)
    ResponseEntity<Map<String, Object>> conflict(WorkflowStore.ConcurrentEditException e) {
        return body(HttpStatus.CONFLICT, "conflict", e.getMessage(), null);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class, IllegalArgumentException.class})
    ResponseEntity<Map<String, Object>> badRequest(Exception e) {
        String message = e instanceof HttpMessageNotReadableException ? "the request body is not valid JSON of the expected shape"
                : e.getMessage();
        return body(HttpStatus.BAD_REQUEST, "bad_request", message, null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        LOG.error("unexpected error in the API", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "something went wrong on the server; it is logged", null);
    }
}
