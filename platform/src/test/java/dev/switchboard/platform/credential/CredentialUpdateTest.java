package dev.switchboard.platform.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How an update's data meets the stored data, and what the vault refuses. */
class CredentialUpdateTest {

    private static final Map<String, Object> STORED = Map.of("user", "ada", "password", "pw-1", "host", "db.local");

    @Test
    void absentFieldsAndMaskedFieldsKeepTheirValuesGivenOnesReplaceAndNullRemoves() {
        Map<String, Object> data = new HashMap<>();
        data.put("password", "pw-2");
        data.put("user", Credential.MASK);
        data.put("host", null);
        data.put("port", 5432L);
        assertThat(new CredentialUpdate(null, null, data).applyTo(STORED))
                .containsOnly(Map.entry("user", "ada"), Map.entry("password", "pw-2"), Map.entry("port", 5432L));
    }

    @Test
    void onlyMasksSentBackChangeNoData() {
        CredentialUpdate update = new CredentialUpdate("renamed", null, Map.of("password", Credential.MASK));
        assertThat(update.changesData()).isFalse();
        assertThat(update.applyTo(STORED)).isEqualTo(STORED);
        assertThat(new CredentialUpdate(null, null, null).changesData()).isFalse();
    }

    @Test
    void aMaskForAFieldThatIsNotStoredIsRefused() {
        CredentialUpdate update = new CredentialUpdate(null, null, Map.of("token", Credential.MASK));
        assertThatThrownBy(() -> update.applyTo(STORED)).isInstanceOf(CredentialException.Invalid.class)
                .hasMessageContaining("data field \"token\" is new but holds the mask");
    }

    @Test
    void namesTypesAndDataAreChecked() {
        assertThat(CredentialRules.name("  Stripe live  ")).isEqualTo("Stripe live");
        assertThatThrownBy(() -> CredentialRules.name(" ")).hasMessage("a credential needs a name");
        assertThatThrownBy(() -> CredentialRules.name("x".repeat(201))).hasMessageContaining("at most 200");
        assertThat(CredentialRules.type("httpHeaderAuth")).isEqualTo("httpHeaderAuth");
        assertThatThrownBy(() -> CredentialRules.type(null)).hasMessageContaining("needs a type");
        assertThatThrownBy(() -> CredentialRules.type("bad type!")).hasMessageContaining("is not a type name");
        assertThatThrownBy(() -> CredentialRules.data(null)).hasMessageContaining("needs data");
        assertThatThrownBy(() -> CredentialRules.data(Map.of("", "x"))).hasMessageContaining("empty name");
        assertThatThrownBy(() -> CredentialRules.data(Map.of("password", Credential.MASK)))
                .hasMessageContaining("\"password\" holds the mask");
        assertThatThrownBy(() -> CredentialRules.data(Map.of("pem", "s3cret".repeat(12000))))
                .isInstanceOf(CredentialException.Invalid.class).hasMessageContaining("at most 65536")
                .hasMessageNotContaining("s3cret");
    }
}
