package dev.switchboard.platform.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** AES-256-GCM with a fresh nonce per write, bound to the credential's id and to the key's id. */
class CredentialCipherTest {

    private static final String SECRET = "sk_live_5up3r-s3cr3t";

    private final MasterKey key = MasterKey.generate();
    private final CredentialCipher cipher = new CredentialCipher(key);

    private static Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("apiKey", SECRET);
        data.put("port", 5432L);
        data.put("ssl", true);
        data.put("scopes", List.of("read", "write"));
        data.put("note", "ünïcödé ✓");
        return data;
    }

    private static byte[] raw(String ciphertext) {
        return Base64.getDecoder().decode(ciphertext);
    }

    @Test
    void whatIsEncryptedDecryptsToTheSameData() {
        String sealed = cipher.encrypt("cred-1", data());
        assertThat(cipher.decrypt("cred-1", sealed)).isEqualTo(data());
        assertThat(new String(raw(sealed), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET).doesNotContain("apiKey");
        assertThat(sealed).doesNotContain(Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theOutputIsVersionedAndNamesItsKey() {
        String sealed = cipher.encrypt("cred-1", data());
        byte[] bytes = raw(sealed);
        assertThat(bytes[0]).isEqualTo((byte) 1);
        assertThat(CredentialCipher.keyIdOf("cred-1", sealed)).isEqualTo(key.id()).isEqualTo(cipher.keyId());
        // version + key id + 96-bit nonce + ciphertext + 128-bit tag
        int plaintextLength = dev.switchboard.platform.json.Json.write(data()).getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).hasSize(1 + 8 + 12 + plaintextLength + 16);
    }

    @Test
    void everyWriteTakesAFreshNonce() {
        Set<String> nonces = new HashSet<>();
        Set<String> outputs = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String sealed = cipher.encrypt("cred-1", data());
            outputs.add(sealed);
            nonces.add(Base64.getEncoder().encodeToString(Arrays.copyOfRange(raw(sealed), 9, 21)));
        }
        assertThat(nonces).hasSize(2000);
        assertThat(outputs).hasSize(2000);
    }

    @Test
    void changingAnyByteAfterTheHeaderIsDetected() {
        String sealed = cipher.encrypt("cred-1", Map.of("password", SECRET));
        byte[] bytes = raw(sealed);
        for (int i = 9; i < bytes.length; i++) {
            byte[] tampered = bytes.clone();
            tampered[i] ^= 0x01;
            String text = Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> cipher.decrypt("cred-1", text)).as("byte %d", i)
                    .isInstanceOf(CredentialException.Damaged.class)
                    .hasMessage("credential \"cred-1\" cannot be decrypted: its ciphertext was altered or belongs to another credential");
        }
    }

    @Test
    void aChangedHeaderOrATruncatedCiphertextIsRefused() {
        byte[] bytes = raw(cipher.encrypt("cred-1", Map.of("password", SECRET)));
        byte[] version = bytes.clone();
        version[0] = 2;
        assertThatThrownBy(() -> cipher.decrypt("cred-1", Base64.getEncoder().encodeToString(version)))
                .isInstanceOf(CredentialException.Damaged.class).hasMessageContaining("format 2");
        byte[] keyId = bytes.clone();
        keyId[3] ^= 0x10;
        assertThatThrownBy(() -> cipher.decrypt("cred-1", Base64.getEncoder().encodeToString(keyId)))
                .isInstanceOf(CredentialException.WrongKey.class);
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);
        assertThatThrownBy(() -> cipher.decrypt("cred-1", Base64.getEncoder().encodeToString(truncated)))
                .isInstanceOf(CredentialException.Damaged.class);
        assertThatThrownBy(() -> cipher.decrypt("cred-1", Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, 20))))
                .isInstanceOf(CredentialException.Damaged.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> cipher.decrypt("cred-1", "%%%"))
                .isInstanceOf(CredentialException.Damaged.class).hasMessageContaining("not base64");
    }

    @Test
    void aCiphertextCopiedOntoAnotherCredentialDoesNotOpen() {
        String sealed = cipher.encrypt("cred-1", Map.of("password", SECRET));
        assertThatThrownBy(() -> cipher.decrypt("cred-2", sealed))
                .isInstanceOf(CredentialException.Damaged.class).hasMessageContaining("cred-2");
    }

    @Test
    void anotherKeyIsRefusedWithAMessageNamingBothKeysAndNoSecret() {
        String sealed = cipher.encrypt("cred-1", Map.of("password", SECRET));
        MasterKey other = MasterKey.generate();
        CredentialCipher wrong = new CredentialCipher(other);
        assertThatThrownBy(() -> wrong.decrypt("cred-1", sealed))
                .isInstanceOfSatisfying(CredentialException.WrongKey.class,
                        e -> assertThat(e.storedKeyId()).isEqualTo(key.id()))
                .hasMessageContaining("credential \"cred-1\" is encrypted under master key " + key.id())
                .hasMessageContaining("the master key in use is " + other.id())
                .hasMessageContaining("switchboard rekey")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void nothingPrintedNamesAValue() {
        assertThat(cipher.toString()).contains(key.id());
        SealedData sealed = new SealedData(List.of("password"), key.id(), cipher.encrypt("c", Map.of("password", SECRET)));
        assertThat(sealed.toString()).contains("password").doesNotContain(sealed.ciphertext());
        assertThat(sealed.masked()).containsExactly(Map.entry("password", Credential.MASK));
        assertThat(new CredentialUpdate(null, null, Map.of("password", SECRET)).toString()).doesNotContain(SECRET);
    }
}
