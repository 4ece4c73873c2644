package dev.switchboard.platform.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import dev.switchboard.platform.credential.CredentialException;
import dev.switchboard.platform.credential.CredentialStore;
import dev.switchboard.platform.workflow.WorkflowNode;

/**
 * A Webhook node's authentication, with n8n's credential types: {@code basicAuth} checks the
 * request's Basic credentials against an {@code httpBasicAuth} credential ({@code user},
 * {@code password}); {@code headerAuth} checks one header against an {@code httpHeaderAuth}
 * credential ({@code name}, {@code value}). Comparisons take constant time; no secret reaches a reply.
 */
final class WebhookAuthentication {

    private WebhookAuthentication() {
    }

    /** Null when the request may pass, else the reply that refuses it. */
    static ResponseEntity<Object> check(CredentialStore store, WorkflowNode node, String authentication,
            HttpServletRequest request, String path) {
        String type = switch (authentication) {
            case "basicAuth" -> "httpBasicAuth";
            case "headerAuth" -> "httpHeaderAuth";
            default -> null;
        };
        if (type == null) {
            return WebhookController.error(HttpStatus.FORBIDDEN, "authentication_unsupported", "webhook \"" + path
                    + "\" asks for " + authentication + ", which Switchboard does not support yet", null);
        }
        Map<String, Object> data;
        try {
            Object ref = node.credentials().get(type);
            Object id = ref instanceof Map<?, ?> m ? m.get("id") : null;
            if (id == null) {
                throw new CredentialException.NotFound("the node names no " + type + " credential");
            }
            data = store.decrypt(String.valueOf(id));
        } catch (CredentialException e) {
            return WebhookController.error(HttpStatus.INTERNAL_SERVER_ERROR, "authentication_misconfigured",
                    "webhook \"" + path + "\" (node \"" + node.name() + "\") cannot check authentication: " + e.getMessage(), null);
        }
        if (type.equals("httpBasicAuth")) {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Webhook\"")
                        .body(ApiErrors.body(HttpStatus.UNAUTHORIZED, "unauthorized", "authorization is required", null).getBody());
            }
            String expected = data.getOrDefault("user", "") + ":" + data.getOrDefault("password", "");
            try {
                String given = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                return same(given, expected) ? null : forbidden();
            } catch (IllegalArgumentException e) {
                return forbidden();
            }
        }
        String name = String.valueOf(data.getOrDefault("name", ""));
        String given = name.isEmpty() ? null : request.getHeader(name);
        return given != null && same(given, String.valueOf(data.getOrDefault("value", ""))) ? null : forbidden();
    }

    /**
     * The header that carries the webhook's secret (lower case), so that the run keeps {@code ***} in
     * its place: {@code authorization} for basic authentication, the credential's header for header
     * authentication; null when there is none.
     */
    static String secretHeader(CredentialStore store, WorkflowNode node, String authentication) {
        if ("basicAuth".equals(authentication)) {
            return "authorization";
        }
        if (!"headerAuth".equals(authentication)) {
            return null;
        }
        try {
            Object ref = node.credentials().get("httpHeaderAuth");
            Object id = ref instanceof Map<?, ?> m ? m.get("id") : null;
            return id == null ? null : String.valueOf(store.decrypt(String.valueOf(id)).getOrDefault("name", ""))
                    .toLowerCase(java.util.Locale.ROOT);
        } catch (CredentialException e) {
            return null;
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<Object> forbidden() {
        return WebhookController.error(HttpStatus.FORBIDDEN, "forbidden", "authorization data is wrong", null);
    }
}
