package dev.switchboard.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.platform.credential.Credential;
import dev.switchboard.platform.credential.CredentialException;
import dev.switchboard.platform.credential.CredentialStore;
import dev.switchboard.platform.credential.CredentialTester;
import dev.switchboard.platform.credential.CredentialUpdate;
import dev.switchboard.platform.credential.CredentialUsage;
import dev.switchboard.platform.credential.OAuth2Tokens;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.paging.Page;

/**
 * {@code /api/v1/credentials}: create, list, read, update, test and delete connector credentials. Secret
 * values go in and never come out: a credential is shown with its data's field names, each value
 * replaced by {@value Credential#MASK}. An update keeps every data field it does not name (or names
 * with the mask), replaces those it gives a value, and removes those it sets to null. A credential is
 * shown with the workflows that use it ({@code usedBy}); deleting one in use is refused (409) unless
 * {@code ?force=true}.
 */
@RestController
@RequestMapping("/api/v1/credentials")
public class CredentialController {

    private final CredentialStore store;
    private final CredentialUsage usage;
    private final CredentialTester tester;
    private final OAuth2Tokens tokens;
    private final dev.switchboard.platform.governance.AuditLog audit;

    public CredentialController(CredentialStore store, CredentialUsage usage, CredentialTester tester, OAuth2Tokens tokens,
            dev.switchboard.platform.governance.AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.usage = usage;
        this.tester = tester;
        this.tokens = tokens;
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) String search, @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return ApiViews.page(store.list(search, type, new Page.Request(page, size)), c -> view(c, false));
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) String body) {
        Map<String, Object> request = object(body);
        Credential created = store.create(text(request, "name"), text(request, "type"), data(request, true));
        audit.record("api", "credential created", "credential:" + created.id(), "\"" + created.name() + "\" ("
                + created.type() + ")", Map.of());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(created, true));
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        Credential c = require(id);
        Map<String, Object> view = view(c, true);
        view.put("usedBy", usage.of(c).stream().map(CredentialController::use).toList());
        return view;
    }

    /**
     * Tests the credential: {@code status} {@code ok}, {@code failed} or {@code untestable}, with a message
     * saying what was asked and what answered. A body {@code {"url": "https://..."}} names the address to
     * test a credential that signs HTTP requests against.
     */
    @PostMapping("/{id}/test")
    Map<String, Object> test(@PathVariable String id, @RequestBody(required = false) String body) {
        Credential c = require(id);
        String url = null;
        if (body != null && !body.isBlank()) {
            url = text(object(body), "url");
        }
        CredentialTester.Result result = tester.test(c, store.decrypt(id), url == null || url.isBlank() ? null : url);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", result.outcome().name().toLowerCase(java.util.Locale.ROOT));
        m.put("message", result.message());
        m.put("httpStatus", result.httpStatus());
        m.put("url", result.url());
        return m;
    }

    @PutMapping("/{id}")
    Map<String, Object> update(@PathVariable String id, @RequestBody(required = false) String body) {
        Map<String, Object> request = object(body);
        Credential changed = store.update(id, new CredentialUpdate(text(request, "name"), text(request, "type"),
                data(request, false)));
        audit.record("api", "credential changed", "credential:" + id, "\"" + changed.name() + "\"", Map.of());
        return view(changed, true);
    }

    /** The same as PUT: fields left out are kept either way. */
    @PatchMapping("/{id}")
    Map<String, Object> patch(@PathVariable String id, @RequestBody(required = false) String body) {
        return update(id, body);
    }

    /** Deletes the credential; one that workflows use only with {@code force=true}. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, @RequestParam(defaultValue = "false") boolean force) {
        Credential c = require(id);
        if (!force) {
            List<CredentialUsage.WorkflowUse> uses = usage.of(c);
            if (!uses.isEmpty()) {
                String names = String.join(", ", uses.stream().map(u -> "\"" + u.workflowName() + "\"").toList());
                throw new ApiException(HttpStatus.CONFLICT, "credential_in_use", "credential \"" + c.name() + "\" is used by "
                        + uses.size() + " workflow" + (uses.size() == 1 ? "" : "s") + " (" + names + "): remove it from them "
                        + "first, or delete it anyway with ?force=true", Map.of("usedBy",
                                uses.stream().map(CredentialController::use).toList()));
            }
        }
        store.delete(id);
        tokens.forget(id);
        audit.record("api", "credential deleted", "credential:" + id, "\"" + c.name() + "\"" + (force ? " (forced)" : ""),
                Map.of());
        return ResponseEntity.noContent().build();
    }

    private Credential require(String id) {
        return store.get(id).orElseThrow(() -> ApiException.notFound("no credential with id \"" + id + "\""));
    }

    private static Map<String, Object> use(CredentialUsage.WorkflowUse u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workflowId", u.workflowId());
        m.put("workflowName", u.workflowName());
        m.put("active", u.active());
        m.put("draftNodes", u.draftNodes());
        m.put("publishedVersion", u.publishedVersion());
        m.put("publishedNodes", u.publishedNodes());
        return m;
    }

    static Map<String, Object> view(Credential c, boolean withData) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("type", c.type());
        m.put("fields", c.data().fields());
        if (withData) {
            m.put("data", c.data().masked());
        }
        m.put("createdAt", ApiViews.time(c.createdAt()));
        m.put("updatedAt", ApiViews.time(c.updatedAt()));
        return m;
    }

    private static Map<String, Object> object(String body) {
        return RequestBodies.object(body, "a JSON object with \"name\", \"type\" and \"data\"");
    }

    private static String text(Map<String, Object> request, String field) {
        return RequestBodies.text(request, field);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> request, boolean required) {
        Object value = request.get("data");
        if (value == null) {
            if (required) {
                throw ApiException.badRequest("\"data\" is required: a JSON object of the credential's fields");
            }
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw ApiException.badRequest("\"data\" must be a JSON object of fields, not " + Json.typeName(value));
        }
        return (Map<String, Object>) value;
    }

    @ExceptionHandler(CredentialException.class)
    ResponseEntity<Map<String, Object>> credentialError(CredentialException e) {
        return switch (e) {
            case CredentialException.NotFound nf -> ApiErrors.body(HttpStatus.NOT_FOUND, "not_found", nf.getMessage(), null);
            case CredentialException.Invalid inv -> ApiErrors.body(HttpStatus.BAD_REQUEST, "invalid_credential",
                    inv.getMessage(), null);
            case CredentialException.ConcurrentEdit ce -> ApiErrors.body(HttpStatus.CONFLICT, "conflict", ce.getMessage(), null);
            case CredentialException.WrongKey wk -> ApiErrors.body(HttpStatus.INTERNAL_SERVER_ERROR, "wrong_master_key",
                    wk.getMessage(), Map.of("storedKeyId", wk.storedKeyId()));
            case CredentialException.Damaged d -> ApiErrors.body(HttpStatus.INTERNAL_SERVER_ERROR, "credential_damaged",
                    d.getMessage(), null);
        };
    }
}
