package dev.switchboard.platform.credential;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.platform.json.Json;

/**
 * Access tokens for OAuth2 credentials (n8n's {@code oAuth2Api} fields: {@code grantType},
 * {@code accessTokenUrl}, {@code clientId}, {@code clientSecret}, {@code scope}, {@code authentication}
 * {@code header} or {@code body}). The client-credentials grant is asked of the token endpoint, and the
 * token kept in memory until shortly before it expires (or for {@link #UNDATED} when the endpoint gives
 * no lifetime), keyed by the credential and its ciphertext, so an edit fetches a new one. Other grants
 * need a sign-in in a browser, which Switchboard does not offer: a token stored with the credential
 * ({@code oauthTokenData}) is used as it is. Messages never quote the client secret or a token.
 */
public final class OAuth2Tokens {

    /** How long a token without {@code expires_in} is kept. */
    static final Duration UNDATED = Duration.ofMinutes(5);
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String TOKEN_DATA = dev.switchboard.platform.node.HttpAuthentication.OAuth2.TOKEN_DATA;

    private record Cached(String version, Map<String, Object> token, Instant until) {
    }

    private final HttpClient http;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public OAuth2Tokens(Clock clock) {
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Why a token cannot be had; names the credential and the endpoint, never a secret. */
    public static final class TokenException extends RuntimeException {
        TokenException(String message) {
            super(message);
        }
    }

    /**
     * The token data ({@code access_token}, {@code token_type}, {@code expires_in}, ...) for a credential,
     * from the cache when it is still good.
     */
    public Map<String, Object> token(Credential credential, Map<String, Object> data) {
        if (!clientCredentials(data)) {
            return stored(credential, data);
        }
        String version = Integer.toHexString(credential.data().ciphertext().hashCode());
        Cached cached = cache.get(credential.id());
        Instant now = clock.instant();
        if (cached != null && cached.version().equals(version) && now.isBefore(cached.until())) {
            return cached.token();
        }
        Map<String, Object> token = fetch(credential.name(), data);
        Instant until = token.get("expires_in") instanceof Number n && n.longValue() > 0
                ? now.plusSeconds(n.longValue()).minus(MARGIN) : now.plus(UNDATED);
        cache.put(credential.id(), new Cached(version, token, until));
        return token;
    }

    /** Forgets the cached token of a credential (after it changed or was deleted). */
    public void forget(String credentialId) {
        cache.remove(credentialId);
    }

    static boolean clientCredentials(Map<String, Object> data) {
        return "clientCredentials".equals(data.get("grantType"));
    }

    private static Map<String, Object> stored(Credential credential, Map<String, Object> data) {
        if (data.get(TOKEN_DATA) instanceof Map<?, ?> m && m.get("access_token") != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> token = (Map<String, Object>) m;
            return token;
        }
        throw new TokenException("OAuth2 credential \"" + credential.name() + "\" uses the grant type \""
                + data.get("grantType") + "\", which needs a sign-in in a browser that Switchboard does not offer yet; "
                + "use the client-credentials grant (grantType \"clientCredentials\")");
    }

    /** Asks the token endpoint for a token with the client-credentials grant, bypassing the cache. */
    public Map<String, Object> fetch(String credentialName, Map<String, Object> data) {
        List<String> secrets = SecretText.values(data, List.of("clientSecret", TOKEN_DATA));
        String url = text(data.get("accessTokenUrl")).strip();
        String where = "OAuth2 credential \"" + credentialName + "\": the token endpoint";
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new TokenException(where + " (field \"accessTokenUrl\") must be an http:// or https:// address"
                    + (url.isEmpty() ? ", and is empty" : ""));
        }
        String clientId = text(data.get("clientId"));
        String clientSecret = text(data.get("clientSecret"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        String scope = text(data.get("scope")).strip();
        if (!scope.isEmpty()) {
            form.put("scope", scope);
        }
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        } catch (IllegalArgumentException e) {
            throw new TokenException(where + " " + url + " is not a valid address");
        }
        if ("body".equals(data.get("authentication"))) {
            form.put("client_id", clientId);
            form.put("client_secret", clientSecret);
            if (Boolean.TRUE.equals(data.get("sendAdditionalBodyProperties"))) {
                additional(data.get("additionalBodyProperties"), form, where);
            }
        } else {
            String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + basic);
        }
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> response;
        try {
            response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new TokenException(where + " " + url + " did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw new TokenException(where + " " + url + " could not be reached: "
                    + (e instanceof java.net.ConnectException ? "connection refused" : SecretText.mask(
                            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), secrets)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException(where + " " + url + ": interrupted while waiting for the token");
        }
        Object json;
        try {
            json = Json.parse(response.body());
        } catch (RuntimeException e) {
            json = null;
        }
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            StringBuilder why = new StringBuilder(where).append(' ').append(url).append(" answered ")
                    .append(response.statusCode());
            if (json instanceof Map<?, ?> m && m.get("error") != null) {
                why.append(": ").append(text(m.get("error")));
                if (m.get("error_description") != null) {
                    why.append(" (").append(text(m.get("error_description"))).append(')');
                }
            }
            throw new TokenException(SecretText.mask(why.toString(), secrets));
        }
        if (!(json instanceof Map<?, ?> m) || !(m.get("access_token") instanceof String token) || token.isBlank()) {
            throw new TokenException(where + " " + url + " answered " + response.statusCode()
                    + " without an access_token in a JSON object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return java.util.Collections.unmodifiableMap(out);
    }

    private static void additional(Object raw, Map<String, String> form, String where) {
        Object parsed;
        try {
            parsed = raw instanceof String s ? (s.isBlank() ? Map.of() : Json.parse(s)) : raw;
        } catch (RuntimeException e) {
            throw new TokenException(where + ": the field \"additionalBodyProperties\" is not valid JSON");
        }
        if (parsed instanceof Map<?, ?> extra) {
            extra.forEach((k, v) -> form.put(String.valueOf(k), text(v)));
        }
    }

    private static String text(Object v) {
        return v == null ? "" : v instanceof String s ? s : Json.toText(v);
    }
}
