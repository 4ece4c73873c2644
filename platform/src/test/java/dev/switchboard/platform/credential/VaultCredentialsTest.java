package dev.switchboard.platform.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.platform.node.CredentialType;
import dev.switchboard.platform.node.HttpAuthentication;
import dev.switchboard.platform.node.NodeCredential;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;
import dev.switchboard.platform.run.CredentialResolver;
import dev.switchboard.platform.store.MongoConnection;
import dev.switchboard.platform.store.MongoCredentialStore;

/** The vault as runs use it: credentials found by id or name, typed, decrypted, with OAuth2 tokens fetched and kept. */
class VaultCredentialsTest {

    static final CredentialType HEADER = CredentialType.of("httpHeaderAuth", "Header Auth",
                    ParameterSpec.of("name", "Name", ParameterType.STRING, ""),
                    ParameterSpec.of("value", "Value", ParameterType.STRING, "").asSecret())
            .authenticates(HttpAuthentication.Generic.header("={{$credentials.name}}", "={{$credentials.value}}"));
    static final CredentialType OAUTH2 = new CredentialType("oAuth2Api", "OAuth2 API", null, List.of(
            ParameterSpec.options("grantType", "Grant type", "clientCredentials", "clientCredentials", "authorizationCode"),
            ParameterSpec.of("accessTokenUrl", "Access token URL", ParameterType.STRING, ""),
            ParameterSpec.of("clientId", "Client ID", ParameterType.STRING, ""),
            ParameterSpec.of("clientSecret", "Client secret", ParameterType.STRING, "").asSecret(),
            ParameterSpec.of("scope", "Scope", ParameterType.STRING, ""),
            ParameterSpec.options("authentication", "Client authentication", "header", "header", "body")),
            new HttpAuthentication.OAuth2(), null);
    static final CredentialTypes TYPES = new CredentialTypes(Map.of("httpHeaderAuth", HEADER, "oAuth2Api", OAUTH2));

    private static final String SECRET = "cl1ent-TOPSECRET";

    private final MongoConnection connection = MongoConnection.inMemory();
    private final MongoCredentialStore store = new MongoCredentialStore(connection,
            new CredentialCipher(MasterKey.generate()), Clock.systemUTC());
    private final VaultCredentials vault = new VaultCredentials(store, TYPES, new OAuth2Tokens(Clock.systemUTC()));
    private LoopbackService provider;
    private int issued;

    @BeforeEach
    void start() throws IOException {
        Map<String, java.util.function.Function<LoopbackService.Received, LoopbackService.Answer>> routes = new HashMap<>();
        routes.put("/token", r -> {
            String basic = "Basic " + Base64.getEncoder().encodeToString(("shop:" + SECRET).getBytes(StandardCharsets.UTF_8));
            boolean ok = basic.equals(r.header("Authorization"))
                    || r.body().contains("client_id=shop") && r.body().contains("client_secret=" + SECRET);
            if (!ok || !r.body().contains("grant_type=client_credentials")) {
                // a provider that quotes what it got
                return new LoopbackService.Answer(401, "application/json", "{\"error\": \"invalid_client\", "
                        + "\"error_description\": \"unknown secret " + r.body() + "\"}");
            }
            issued++;
            return new LoopbackService.Answer(200, "application/json", "{\"access_token\": \"acc3ss-" + issued
                    + "\", \"token_type\": \"bearer\", \"expires_in\": 3600}");
        });
        provider = new LoopbackService(routes);
    }

    @AfterEach
    void stop() {
        provider.close();
        connection.close();
    }

    @Test
    void aCredentialIsFoundByIdDecryptedAndItsSecretFieldsNamed() {
        Credential c = store.create("Shop key", "httpHeaderAuth", Map.of("value", "k3y-TOPSECRET"));
        NodeCredential opened = vault.resolve("httpHeaderAuth", c.id(), "another name");
        assertThat(opened.data()).isEqualTo(Map.of("name", "", "value", "k3y-TOPSECRET"));
        assertThat(opened.secretFields()).containsExactly("value");
        assertThat(opened.declaration()).isEqualTo(HEADER);
        assertThat(opened.toString()).doesNotContain("TOPSECRET");

        Credential other = store.create("Mail", "smtp", Map.of("user", "u", "password", "pw-TOPSECRET"));
        assertThat(vault.resolve("smtp", other.id(), null).secretFields()).containsExactlyInAnyOrder("user", "password");
    }

    @Test
    void anUnknownIdFallsBackToTheNameAsN8nDoesForImportedWorkflows() {
        Credential c = store.create("Shop key", "httpHeaderAuth", Map.of("name", "X-Key", "value", "k3y-TOPSECRET"));
        store.create("Shop key (old)", "httpHeaderAuth", Map.of("value", "v"));
        assertThat(vault.resolve("httpHeaderAuth", "id-from-elsewhere", "Shop key").id()).isEqualTo(c.id());
        assertThat(vault.resolve("httpHeaderAuth", null, "Shop key").id()).isEqualTo(c.id());

        store.create("Twin", "httpHeaderAuth", Map.of("value", "a"));
        store.create("Twin", "httpHeaderAuth", Map.of("value", "b"));
        assertThatThrownBy(() -> vault.resolve("httpHeaderAuth", null, "Twin"))
                .isInstanceOf(CredentialResolver.Unavailable.class)
                .hasMessage("2 httpHeaderAuth credentials are named \"Twin\"; name one by its id");
        assertThatThrownBy(() -> vault.resolve("httpHeaderAuth", "nope", null))
                .hasMessage("there is no credential with id \"nope\"");
        assertThatThrownBy(() -> vault.resolve("httpHeaderAuth", "nope", "Missing"))
                .hasMessage("there is no httpHeaderAuth credential named \"Missing\" (nor one with id \"nope\")");
        assertThatThrownBy(() -> vault.resolve("httpBasicAuth", c.id(), null))
                .hasMessage("credential \"Shop key\" is of type httpHeaderAuth, not httpBasicAuth");
    }

    @Test
    void anOAuth2ClientCredentialsTokenIsFetchedKeptAndRenewedAfterAnEdit() {
        Credential c = store.create("Shop API", "oAuth2Api", Map.of("accessTokenUrl", provider.url("/token"),
                "clientId", "shop", "clientSecret", SECRET, "scope", "orders:read"));
        NodeCredential first = vault.resolve("oAuth2Api", c.id(), null);
        assertThat(first.data().get("oauthTokenData")).isEqualTo(Map.of("access_token", "acc3ss-1", "token_type", "bearer",
                "expires_in", 3600L));
        assertThat(first.secretFields()).containsExactlyInAnyOrder("clientSecret", "oauthTokenData");
        assertThat(provider.last().body()).isEqualTo("grant_type=client_credentials&scope=orders%3Aread");
        assertThat(provider.last().header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");

        assertThat(vault.resolve("oAuth2Api", c.id(), null).data().get("oauthTokenData")).isEqualTo(first.data().get("oauthTokenData"));
        assertThat(provider.received).hasSize(1);

        store.update(c.id(), new CredentialUpdate(null, null, Map.of("authentication", "body")));
        assertThat(((Map<?, ?>) vault.resolve("oAuth2Api", c.id(), null).data().get("oauthTokenData")).get("access_token"))
                .isEqualTo("acc3ss-2");
        assertThat(provider.last().header("Authorization")).isNull();
        assertThat(provider.last().body()).contains("client_id=shop").contains("client_secret=" + SECRET);
    }

    @Test
    void aTokenEndpointThatRefusesIsReportedWithoutTheSecretItEchoes() {
        Credential c = store.create("Shop API", "oAuth2Api", Map.of("accessTokenUrl", provider.url("/token"),
                "clientId", "shop", "clientSecret", "wr0ng-TOPSECRET", "authentication", "body"));
        assertThatThrownBy(() -> vault.resolve("oAuth2Api", c.id(), null))
                .isInstanceOf(CredentialResolver.Unavailable.class)
                .hasMessageStartingWith("OAuth2 credential \"Shop API\": the token endpoint " + provider.url("/token")
                        + " answered 401: invalid_client (unknown secret ")
                .hasMessageNotContaining("TOPSECRET");

        Credential code = store.create("Sign-in", "oAuth2Api", Map.of("grantType", "authorizationCode",
                "clientSecret", SECRET));
        assertThatThrownBy(() -> vault.resolve("oAuth2Api", code.id(), null))
                .hasMessageContaining("uses the grant type \"authorizationCode\", which needs a sign-in in a browser");
    }
}
