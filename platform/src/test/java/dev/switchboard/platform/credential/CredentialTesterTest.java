package dev.switchboard.platform.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.platform.credential.CredentialTester.Outcome;
import dev.switchboard.platform.credential.CredentialTester.Result;
import dev.switchboard.platform.node.CredentialType;
import dev.switchboard.platform.node.HttpAuthentication;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/** "Test connection" against a real HTTP service on loopback: honest about what passed, failed, or cannot be tested. */
class CredentialTesterTest {

    private static final String KEY = "k3y-TOPSECRET";

    private LoopbackService service;
    private CredentialTester tester;

    @BeforeEach
    void start() throws IOException {
        Map<String, java.util.function.Function<LoopbackService.Received, LoopbackService.Answer>> routes = new HashMap<>();
        routes.put("/me", r -> KEY.equals(r.header("X-Key")) || ("Bearer acc3ss").equals(r.header("Authorization"))
                ? new LoopbackService.Answer(200, "application/json", "{\"me\": \"shop\"}")
                : new LoopbackService.Answer(401, "application/json", "{\"error\": \"bad key " + r.header("X-Key") + "\"}"));
        routes.put("/token", r -> r.body().contains("client_secret=" + KEY)
                ? new LoopbackService.Answer(200, "application/json", "{\"access_token\": \"acc3ss\", \"expires_in\": 3600}")
                : new LoopbackService.Answer(400, "application/json", "{\"error\": \"invalid_client\"}"));
        service = new LoopbackService(routes);
        CredentialType shop = CredentialType.of("shopApi", "Shop API",
                        ParameterSpec.of("host", "Host", ParameterType.STRING, ""),
                        ParameterSpec.of("key", "Key", ParameterType.STRING, "").asSecret())
                .authenticates(HttpAuthentication.Generic.header("X-Key", "={{$credentials.key}}"))
                .testedWith("={{$credentials.host}}/me");
        tester = new CredentialTester(new CredentialTypes(Map.of("httpHeaderAuth", VaultCredentialsTest.HEADER,
                "oAuth2Api", VaultCredentialsTest.OAUTH2, "shopApi", shop)), new OAuth2Tokens(Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private static Credential credential(String name, String type) {
        return new Credential("c1", name, type, Instant.now(), Instant.now(), new SealedData(List.of(), "k", "x"));
    }

    @Test
    void aGenericHttpCredentialIsTestedAgainstTheAddressGiven() {
        Result ok = tester.test(credential("Shop key", "httpHeaderAuth"), Map.of("name", "X-Key", "value", KEY),
                service.url("/me"));
        assertThat(ok).isEqualTo(new Result(Outcome.OK, "GET " + service.url("/me") + " answered 200 with the credential",
                200, service.url("/me")));
        assertThat(service.last().header("X-Key")).isEqualTo(KEY);

        Result refused = tester.test(credential("Shop key", "httpHeaderAuth"), Map.of("name", "X-Key", "value", "wr0ng-TOPSECRET"),
                service.url("/me"));
        assertThat(refused.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(refused.message()).isEqualTo("GET " + service.url("/me") + " answered 401: the service refused the credential");
        assertThat(refused.httpStatus()).isEqualTo(401);

        Result nowhere = tester.test(credential("Shop key", "httpHeaderAuth"), Map.of("name", "X-Key", "value", KEY), null);
        assertThat(nowhere.outcome()).isEqualTo(Outcome.UNTESTABLE);
        assertThat(nowhere.message()).contains("not tied to one service").contains("{\"url\": \"https://...\"}");
    }

    @Test
    void aTypeWithATestAddressIsTestedThereWithoutAskingForOne() {
        Result ok = tester.test(credential("Shop", "shopApi"), Map.of("host", service.url(""), "key", KEY), null);
        assertThat(ok.outcome()).isEqualTo(Outcome.OK);
        assertThat(ok.url()).isEqualTo(service.url("/me"));
    }

    @Test
    void anOAuth2ClientIsTestedByAskingForAToken() {
        Map<String, Object> data = Map.of("accessTokenUrl", service.url("/token"), "clientId", "shop", "clientSecret", KEY,
                "authentication", "body");
        assertThat(tester.test(credential("Shop API", "oAuth2Api"), data, null))
                .isEqualTo(new Result(Outcome.OK, "the token endpoint issued an access token valid for 3600 s", null,
                        service.url("/token")));
        assertThat(tester.test(credential("Shop API", "oAuth2Api"), data, service.url("/me")).outcome()).isEqualTo(Outcome.OK);
        assertThat(service.last().header("Authorization")).isEqualTo("Bearer acc3ss");

        Result refused = tester.test(credential("Shop API", "oAuth2Api"), Map.of("accessTokenUrl", service.url("/token"),
                "clientSecret", "wr0ng-TOPSECRET", "authentication", "body"), null);
        assertThat(refused.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(refused.message()).endsWith("answered 400: invalid_client");

        assertThat(tester.test(credential("Sign-in", "oAuth2Api"), Map.of("grantType", "authorizationCode"), null).outcome())
                .isEqualTo(Outcome.UNTESTABLE);
    }

    @Test
    void whatCannotBeTestedSaysSoAndWhy() {
        Result smtp = tester.test(credential("Mail", "smtp"), Map.of("password", KEY), service.url("/me"));
        assertThat(smtp).isEqualTo(new Result(Outcome.UNTESTABLE, "credentials of type smtp cannot be tested: no node on this "
                + "server declares the type, so how to use it is not known", null, null));
        assertThat(service.received).isEmpty();
    }

    @Test
    void anUnreachableServiceFailsTheTest() throws IOException {
        String url;
        try (var socket = new java.net.ServerSocket(0)) {
            url = "http://127.0.0.1:" + socket.getLocalPort() + "/me";
        }
        Result r = tester.test(credential("Shop key", "httpHeaderAuth"), Map.of("name", "X-Key", "value", KEY), url);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).isEqualTo("GET " + url + " failed: connection refused");
    }
}
