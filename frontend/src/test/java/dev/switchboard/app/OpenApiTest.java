package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.platform.api.OpenApiController;
import dev.switchboard.platform.json.Json;

/**
 * {@code GET /api/v1/openapi.json} over real HTTP, and the document against the controllers: every
 * route their mapping annotations declare is described, and nothing is described that no route serves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiTest {

    private static final String API_PACKAGE = OpenApiController.class.getPackageName();
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "openapi-data");
        registry.add("switchboard.data-dir", dir::toString);
        registry.add("switchboard.api-key", () -> "openapi-test-key");
    }

    @Value("${local.server.port}")
    int port;

    private HttpResponse<String> response;
    private Map<String, Object> document;

    /** One route a controller serves: the path as OpenAPI writes it, and its HTTP methods (empty: any). */
    private record Route(String controller, String path, Set<String> methods) {
    }

    @BeforeEach
    void fetch() throws Exception {
        response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
        document = Json.parseObject(response.body());
    }

    @Test
    void isServedAsJsonWithoutAnApiKey() {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat((String) document.get("openapi")).startsWith("3.1.");
    }

    @Test
    void describesEveryRouteOfTheApiControllers() {
        List<Route> routes = routes();
        assertThat(routes).extracting(Route::controller)
                .contains("WorkflowController", "RunController", "OpenApiController", "WebhookController");
        Map<String, Object> paths = object(document, "paths");
        for (Route route : routes) {
            assertThat(paths).as("%s serves %s", route.controller(), route.path()).containsKey(route.path());
            Set<String> documented = operations(object(paths, route.path()));
            if (route.methods().isEmpty()) {
                assertThat(documented).as("%s (any method)", route.path()).contains("get", "post");
            } else {
                assertThat(documented).as("%s in %s", route.path(), route.controller()).containsAll(route.methods());
            }
        }
    }

    @Test
    void describesNothingThatNoRouteServes() {
        List<Route> routes = routes();
        Map<String, Object> paths = object(document, "paths");
        for (String path : paths.keySet()) {
            for (String method : operations(object(paths, path))) {
                assertThat(routes).as("%s %s is documented but no controller serves it", method.toUpperCase(Locale.ROOT), path)
                        .anySatisfy(r -> {
                            assertThat(r.path()).isEqualTo(path);
                            assertThat(r.methods().isEmpty() || r.methods().contains(method)).isTrue();
                        });
            }
        }
    }

    @Test
    void needsABearerKeyExceptForItselfAndTheWebhooks() {
        assertThat(document.get("security")).isEqualTo(List.of(Map.of("apiKey", List.of())));
        assertThat(object(object(object(document, "components"), "securitySchemes"), "apiKey"))
                .containsEntry("type", "http").containsEntry("scheme", "bearer");
        Map<String, Object> paths = object(document, "paths");
        for (String path : paths.keySet()) {
            Map<String, Object> item = object(paths, path);
            for (String method : operations(item)) {
                Object security = object(item, method).get("security");
                if (path.startsWith("/api/") && !path.equals("/api/v1/openapi.json")) {
                    assertThat(security).as("%s %s", method, path).isNull();
                    assertThat(object(object(item, method), "responses")).as("%s %s", method, path).containsKey("401");
                } else {
                    assertThat(security).as("%s %s", method, path).isEqualTo(List.of());
                }
            }
        }
    }

    @Test
    void everyReferenceResolvesAndEveryPathParameterIsDeclared() {
        Set<String> refs = new TreeSet<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(resolve(ref)).as(ref).isNotNull();
        }
        Map<String, Object> paths = object(document, "paths");
        Set<String> operationIds = new HashSet<>();
        for (String path : paths.keySet()) {
            Map<String, Object> item = object(paths, path);
            Set<String> templated = new LinkedHashSet<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
            while (m.find()) {
                templated.add(m.group(1));
            }
            for (String method : operations(item)) {
                Set<String> declared = new HashSet<>(pathParameters(item.get("parameters")));
                declared.addAll(pathParameters(object(item, method).get("parameters")));
                assertThat(declared).as("path parameters of %s %s", method, path).isEqualTo(templated);
                Object id = object(item, method).get("operationId");
                if (id != null) {
                    assertThat(operationIds.add((String) id)).as("operationId %s is unique", id).isTrue();
                }
            }
        }
    }

    /** The routes of the api package's controllers, read from their mapping annotations. */
    private static List<Route> routes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<Route> routes = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(API_PACKAGE)) {
            Class<?> type;
            try {
                type = Class.forName(candidate.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
            RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
            String[] prefixes = base == null || base.path().length == 0 ? new String[] {""} : base.path();
            for (var method : type.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                Set<String> methods = new TreeSet<>();
                for (RequestMethod m : mapping.method()) {
                    methods.add(m.name().toLowerCase(Locale.ROOT));
                }
                String[] suffixes = mapping.path().length == 0 ? new String[] {""} : mapping.path();
                for (String prefix : prefixes) {
                    for (String suffix : suffixes) {
                        routes.add(new Route(type.getSimpleName(), openApiPath(prefix + suffix), methods));
                    }
                }
            }
        }
        return routes;
    }

    /** Spring's {@code /webhook/**} (the rest of the path) is written {@code /webhook/{path}}. */
    private static String openApiPath(String springPath) {
        return springPath.endsWith("/**") ? springPath.substring(0, springPath.length() - 3) + "/{path}" : springPath;
    }

    private static Set<String> operations(Map<String, Object> pathItem) {
        Set<String> out = new TreeSet<>(pathItem.keySet());
        out.retainAll(OPERATIONS);
        return out;
    }

    private List<String> pathParameters(Object parameters) {
        List<String> names = new ArrayList<>();
        if (parameters instanceof List<?> list) {
            for (Object p : list) {
                Map<?, ?> parameter = (Map<?, ?>) p;
                if (parameter.get("$ref") instanceof String ref) {
                    parameter = (Map<?, ?>) resolve(ref);
                }
                if ("path".equals(parameter.get("in"))) {
                    assertThat(parameter.get("required")).as("path parameter %s", parameter.get("name")).isEqualTo(true);
                    names.add((String) parameter.get("name"));
                }
            }
        }
        return names;
    }

    private static void collectRefs(Object node, Set<String> refs) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if ("$ref".equals(k) && v instanceof String s) {
                    refs.add(s);
                } else {
                    collectRefs(v, refs);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectRefs(v, refs));
        }
    }

    private Object resolve(String ref) {
        Object node = document;
        for (String part : ref.substring(2).split("/")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part.replace("~1", "/").replace("~0", "~"));
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> parent, String key) {
        assertThat(parent.get(key)).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) parent.get(key);
    }
}
