package dev.switchboard.nodes.connector;

import java.util.List;

import dev.switchboard.platform.node.CredentialType;
import dev.switchboard.platform.node.HttpAuthentication;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * n8n's generic HTTP credential types, with n8n's names and fields: what the HTTP Request node signs
 * requests with, and what the Webhook node checks callers against.
 */
public final class HttpCredentialTypes {

    private HttpCredentialTypes() {
    }

    public static final CredentialType BASIC = CredentialType.of("httpBasicAuth", "Basic Auth",
                    ParameterSpec.of("user", "User", ParameterType.STRING, ""),
                    ParameterSpec.of("password", "Password", ParameterType.STRING, "").asSecret())
            .description("A user name and password, sent as an Authorization: Basic header.")
            .authenticates(new HttpAuthentication.Basic("user", "password"));

    public static final CredentialType HEADER = CredentialType.of("httpHeaderAuth", "Header Auth",
                    ParameterSpec.of("name", "Name", ParameterType.STRING, "")
                            .help("The header's name, e.g. X-API-Key or Authorization."),
                    ParameterSpec.of("value", "Value", ParameterType.STRING, "").asSecret())
            .description("One header sent with every request, e.g. an API key.")
            .authenticates(HttpAuthentication.Generic.header("={{$credentials.name}}", "={{$credentials.value}}"));

    public static final CredentialType QUERY = CredentialType.of("httpQueryAuth", "Query Auth",
                    ParameterSpec.of("name", "Name", ParameterType.STRING, "")
                            .help("The query parameter's name, e.g. api_key."),
                    ParameterSpec.of("value", "Value", ParameterType.STRING, "").asSecret())
            .description("One query parameter added to every request's URL.")
            .authenticates(HttpAuthentication.Generic.query("={{$credentials.name}}", "={{$credentials.value}}"));

    public static final CredentialType BEARER = CredentialType.of("httpBearerAuth", "Bearer Auth",
                    ParameterSpec.of("token", "Bearer token", ParameterType.STRING, "").asSecret())
            .description("A token sent as an Authorization: Bearer header.")
            .authenticates(HttpAuthentication.Generic.header("Authorization", "=Bearer {{$credentials.token}}"));

    public static final CredentialType CUSTOM = CredentialType.of("httpCustomAuth", "Custom Auth",
                    ParameterSpec.of("json", "JSON", ParameterType.JSON, "").asSecret()
                            .help("{\"headers\": {...}, \"qs\": {...}, \"body\": {...}}: added to every request."))
            .description("Headers, query parameters and body fields given as JSON.")
            .authenticates(new HttpAuthentication.CustomJson("json"));

    public static final CredentialType OAUTH2 = new CredentialType("oAuth2Api", "OAuth2 API",
            "An OAuth2 client: with the client-credentials grant, Switchboard asks the token endpoint for an access "
                    + "token and sends it as an Authorization: Bearer header.",
            List.of(ParameterSpec.options("grantType", "Grant type", "clientCredentials", "clientCredentials",
                            "authorizationCode", "pkce")
                            .help("Only the client-credentials grant fetches tokens by itself; the others need a "
                                    + "sign-in in a browser, which Switchboard does not offer yet."),
                    ParameterSpec.of("accessTokenUrl", "Access token URL", ParameterType.STRING, ""),
                    ParameterSpec.of("clientId", "Client ID", ParameterType.STRING, ""),
                    ParameterSpec.of("clientSecret", "Client secret", ParameterType.STRING, "").asSecret(),
                    ParameterSpec.of("scope", "Scope", ParameterType.STRING, "")
                            .help("Space-separated scopes, as the service names them."),
                    ParameterSpec.options("authentication", "Client authentication", "header", "header", "body")
                            .help("header: the client ID and secret as Basic authentication; body: in the form."),
                    ParameterSpec.of("sendAdditionalBodyProperties", "Send additional body properties",
                            ParameterType.BOOLEAN, false).showWhen("authentication", "body"),
                    ParameterSpec.of("additionalBodyProperties", "Additional body properties", ParameterType.JSON, "")
                            .showWhen("sendAdditionalBodyProperties", true)),
            new HttpAuthentication.OAuth2(), null);

    /** The types the HTTP Request node offers as generic authentication, by n8n's {@code genericAuthType}. */
    public static final List<CredentialType> GENERIC = List.of(BASIC, HEADER, QUERY, BEARER, CUSTOM, OAUTH2);
}
