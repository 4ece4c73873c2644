package dev.switchboard.platform.credential;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchboard.platform.node.CredentialType;
import dev.switchboard.platform.node.HttpAuthentication;

/**
 * "Test connection": whether a service accepts a credential. An OAuth2 credential with the
 * client-credentials grant is tested by asking its token endpoint for a token. A credential whose type
 * signs HTTP requests is tested with a GET, signed with it, to the type's test address, or to an address
 * the caller gives (generic types such as {@code httpHeaderAuth} belong to no one service): 2xx and 3xx
 * pass, anything else fails. Every other credential cannot be tested, and the result says so and why.
 * Results never quote a secret, even when the service echoes one.
 */
public final class CredentialTester {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** How a test ended. */
    public enum Outcome {
        /** The service accepted the credential. */
        OK,
        /** The service refused it, or could not be asked. */
        FAILED,
        /** Nothing can test a credential of this type (the message says why). */
        UNTESTABLE
    }

    /**
     * @param httpStatus the status the service answered, when it answered
     * @param url        the address asked, when one was
     */
    public record Result(Outcome outcome, String message, Integer httpStatus, String url) {
        static Result ok(String message, Integer status, String url) {
            return new Result(Outcome.OK, message, status, url);
        }

        static Result failed(String message, Integer status, String url) {
            return new Result(Outcome.FAILED, message, status, url);
        }

        static Result untestable(String message) {
            return new Result(Outcome.UNTESTABLE, message, null, null);
        }
    }

    private final CredentialTypes types;
    private final OAuth2Tokens tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public CredentialTester(CredentialTypes types, OAuth2Tokens tokens) {
        this.types = types;
        this.tokens = tokens;
    }

    /**
     * Tests a credential with its data in clear.
     *
     * @param url an address to test against (for types that sign requests); null for the type's own test
     */
    public Result test(Credential credential, Map<String, Object> stored, String url) {
        String type = credential.type();
        CredentialType declared = types.find(type).orElse(null);
        Map<String, Object> data = new LinkedHashMap<>(types.withDefaults(type, stored));
        List<String> secrets = SecretText.values(data, types.secretFields(type, data));
        HttpAuthentication signing = declared == null ? null : declared.authentication();
        if (types.isOAuth2(type)) {
            signing = new HttpAuthentication.OAuth2();
            if (!OAuth2Tokens.clientCredentials(data)) {
                return Result.untestable("OAuth2 credential \"" + credential.name() + "\" uses the grant type \""
                        + data.get("grantType") + "\", which needs a sign-in in a browser that Switchboard does not "
                        + "offer yet; only the client-credentials grant can be tested");
            }
            Map<String, Object> token;
            try {
                token = tokens.fetch(credential.name(), data);
            } catch (OAuth2Tokens.TokenException e) {
                return Result.failed(e.getMessage(), null, String.valueOf(data.get("accessTokenUrl")));
            }
            data.put(OAuth2Tokens.TOKEN_DATA, token);
            secrets = new ArrayList<>(secrets);
            secrets.addAll(SecretText.values(data, Set.of(OAuth2Tokens.TOKEN_DATA)));
            if (url == null && (declared == null || declared.testUrl() == null)) {
                return Result.ok("the token endpoint issued an access token"
                        + (token.get("expires_in") != null ? " valid for " + token.get("expires_in") + " s" : ""),
                        null, String.valueOf(data.get("accessTokenUrl")));
            }
        }
        String target = url != null ? url.strip()
                : declared != null && declared.testUrl() != null ? HttpAuthentication.fill(declared.testUrl(), data) : null;
        if (signing == null) {
            return Result.untestable("credentials of type " + type + " cannot be tested: " + (declared == null
                    ? "no node on this server declares the type, so how to use it is not known"
                    : "the type declares no way to sign a request and no test"));
        }
        if (target == null) {
            return Result.untestable("credentials of type " + type + " are not tied to one service, so there is no "
                    + "address to test them against: give one as {\"url\": \"https://...\"}");
        }
        if (!target.startsWith("http://") && !target.startsWith("https://")) {
            return Result.untestable("the address to test against must start with http:// or https://");
        }
        return send(credential, signing, data, target, secrets);
    }

    private Result send(Credential credential, HttpAuthentication signing, Map<String, Object> data, String target,
            List<String> secrets) {
        HttpAuthentication.Applied applied;
        try {
            applied = signing.apply(data);
        } catch (IllegalArgumentException e) {
            return Result.failed("credential \"" + credential.name() + "\" cannot sign a request: " + e.getMessage(), null,
                    target);
        }
        List<String> masked = new ArrayList<>(secrets);
        masked.addAll(applied.secrets());
        StringBuilder signed = new StringBuilder(target);
        applied.query().forEach((k, v) -> signed.append(signed.indexOf("?") < 0 ? '?' : '&')
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(signed.toString())).timeout(TIMEOUT).GET()
                    .header("Accept", "application/json,text/*;q=0.9,*/*;q=0.8");
            applied.headers().forEach(request::header);
        } catch (IllegalArgumentException e) {
            return Result.failed("GET " + target + " cannot be sent: the address or a header the credential gives is "
                    + "not valid", null, target);
        }
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            return Result.failed("GET " + target + " did not answer within " + TIMEOUT.toSeconds() + " s", null, target);
        } catch (IOException e) {
            String why = e instanceof java.net.ConnectException ? "connection refused"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Result.failed(SecretText.mask("GET " + target + " failed: " + why, masked), null, target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed("the test was interrupted", null, target);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 400) {
            return Result.ok("GET " + target + " answered " + status + " with the credential", status, target);
        }
        String why = status == 401 || status == 403 ? ": the service refused the credential" : "";
        return Result.failed("GET " + target + " answered " + status + why, status, target);
    }
}
