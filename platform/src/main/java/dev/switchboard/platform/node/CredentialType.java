package dev.switchboard.platform.node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kind of credential, declared by the node types that use it, with n8n's name where n8n has one
 * ({@code httpHeaderAuth}, {@code oAuth2Api}). Its fields are {@link ParameterSpec}s: label, help, type,
 * default, and whether the value is secret; the credential form is generated from them.
 *
 * @param name           the type's name, as credentials and a node's {@code credentials} name it
 * @param fields         the credential's fields, in form order
 * @param authentication how a credential of this type signs an HTTP request; null when it does not
 * @param testUrl        an address that answers a GET signed with the credential with 2xx when the service
 *                       accepts it, and 401/403 when not (may name fields: {@code {{$credentials.domain}}});
 *                       null when the type declares no such address
 */
public record CredentialType(
        String name,
        String displayName,
        String description,
        List<ParameterSpec> fields,
        HttpAuthentication authentication,
        String testUrl) {

    public CredentialType {
        fields = fields == null ? List.of() : List.copyOf(fields);
        description = description == null ? "" : description;
    }

    /** A type with these fields, that signs no request and declares no test. */
    public static CredentialType of(String name, String displayName, ParameterSpec... fields) {
        return new CredentialType(name, displayName, "", List.of(fields), null, null);
    }

    public CredentialType description(String text) {
        return new CredentialType(name, displayName, text, fields, authentication, testUrl);
    }

    public CredentialType authenticates(HttpAuthentication how) {
        return new CredentialType(name, displayName, description, fields, how, testUrl);
    }

    public CredentialType testedWith(String url) {
        return new CredentialType(name, displayName, description, fields, authentication, url);
    }

    public Optional<HttpAuthentication> httpAuthentication() {
        return Optional.ofNullable(authentication);
    }

    public Optional<String> test() {
        return Optional.ofNullable(testUrl);
    }

    /** The names of the fields whose values are secret. */
    public List<String> secretFields() {
        return fields.stream().filter(ParameterSpec::secret).map(ParameterSpec::name).toList();
    }

    /** The declared defaults of the fields that have one. */
    public Map<String, Object> defaults() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParameterSpec f : fields) {
            if (f.defaultValue() != null) {
                out.put(f.name(), f.defaultValue());
            }
        }
        return out;
    }
}
