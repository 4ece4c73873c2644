package dev.switchboard.platform.api;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.user.Role;
import dev.switchboard.platform.user.User;
import dev.switchboard.platform.user.UserException;
import dev.switchboard.platform.user.UserStore;
import dev.switchboard.platform.user.UserUpdate;

/**
 * {@code /api/v1/users}: the people who sign in. A password goes in ({@code password} on create and
 * update) and never comes out, not even hashed. Removing the last enabled admin (by delete, disable or
 * taking the role) is refused with 409 {@code last_admin}; a taken user name with 409 {@code username_taken}.
 */
@RestController
@RequestMapping("/api/v1/users")
public class UserController {

    private final UserStore users;

    public UserController(UserStore users) {
        this.users = users;
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) String search, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return ApiViews.page(users.list(search, new Page.Request(page, size)), UserController::view);
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) String body) {
        Map<String, Object> request = object(body);
        User created = users.create(text(request, "username"), text(request, "name"), roles(request, true),
                text(request, "password"));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(created));
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return view(users.get(id).orElseThrow(() -> ApiException.notFound("no user with id \"" + id + "\"")));
    }

    @PatchMapping("/{id}")
    Map<String, Object> update(@PathVariable String id, @RequestBody(required = false) String body) {
        Map<String, Object> request = object(body);
        Object disabled = request.get("disabled");
        if (disabled != null && !(disabled instanceof Boolean)) {
            throw ApiException.badRequest("\"disabled\" must be true or false, not " + Json.typeName(disabled));
        }
        return view(users.update(id, new UserUpdate(text(request, "name"), roles(request, false), (Boolean) disabled,
                text(request, "password"))));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        users.delete(id);
        return ResponseEntity.noContent().build();
    }

    static Map<String, Object> view(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("username", u.username());
        m.put("name", u.name());
        List<String> roles = new ArrayList<>();
        for (Role r : Role.values()) {
            if (u.roles().contains(r)) {
                roles.add(r.id());
            }
        }
        m.put("roles", roles);
        m.put("disabled", u.disabled());
        m.put("createdAt", ApiViews.time(u.createdAt()));
        m.put("updatedAt", ApiViews.time(u.updatedAt()));
        return m;
    }

    private static Map<String, Object> object(String body) {
        return RequestBodies.object(body, "a JSON object");
    }

    private static String text(Map<String, Object> request, String field) {
        return RequestBodies.text(request, field);
    }

    private static Set<Role> roles(Map<String, Object> request, boolean required) {
        Object value = request.get("roles");
        if (value == null) {
            if (required) {
                throw ApiException.badRequest("\"roles\" is required: a list of admin, builder, approver, viewer");
            }
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw ApiException.badRequest("\"roles\" must be a list of role names, not " + Json.typeName(value));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object r : list) {
            if (!(r instanceof String s)) {
                throw ApiException.badRequest("\"roles\" must hold role names, not " + Json.typeName(r));
            }
            roles.add(Role.of(s));
        }
        return roles;
    }

    @ExceptionHandler(UserException.class)
    ResponseEntity<Map<String, Object>> userError(UserException e) {
        return switch (e) {
            case UserException.NotFound nf -> ApiErrors.body(HttpStatus.NOT_FOUND, "not_found", nf.getMessage(), null);
            case UserException.Invalid inv -> ApiErrors.body(HttpStatus.BAD_REQUEST, "invalid_user", inv.getMessage(), null);
            case UserException.UsernameTaken t -> ApiErrors.body(HttpStatus.CONFLICT, "username_taken", t.getMessage(), null);
            case UserException.LastAdmin la -> ApiErrors.body(HttpStatus.CONFLICT, "last_admin", la.getMessage(), null);
        };
    }
}
