package dev.switchboard.platform.credential;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import dev.switchboard.platform.json.Json;

/**
 * Encrypts a credential's data with AES-256-GCM under a {@link MasterKey}. Every write takes a fresh
 * random 96-bit nonce; the credential's id is bound in as associated data, so a ciphertext copied onto
 * another credential does not open. The output (base64) is versioned:
 *
 * <pre>
 * byte 0       format version (1)
 * bytes 1-8    id of the master key (its fingerprint)
 * bytes 9-20   nonce
 * bytes 21-    AES-GCM ciphertext of the data as JSON, then the 128-bit tag
 * </pre>
 *
 * The version byte and key id are authenticated too (they precede the credential id in the
 * associated data). A ciphertext under another key is refused by its key id before any decryption.
 */
public final class CredentialCipher {

    static final byte FORMAT_V1 = 1;
    static final int HEADER_LENGTH = 1 + MasterKey.ID_LENGTH;
    static final int NONCE_LENGTH = 12;
    static final int TAG_BITS = 128;
    private static final int MIN_LENGTH = HEADER_LENGTH + NONCE_LENGTH + TAG_BITS / 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasterKey key;

    public CredentialCipher(MasterKey key) {
        this.key = key;
    }

    /** The id of the key this cipher writes with and reads. */
    public String keyId() {
        return key.id();
    }

    /** Encrypts {@code data} (a JSON object) for the credential {@code credentialId}; base64 out. */
    public String encrypt(String credentialId, Map<String, Object> data) {
        byte[] plaintext = Json.write(data).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] nonce = new byte[NONCE_LENGTH];
            RANDOM.nextBytes(nonce);
            byte[] header = header(key.idBytes());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(header, credentialId));
            byte[] sealed = cipher.doFinal(plaintext);
            ByteBuffer out = ByteBuffer.allocate(HEADER_LENGTH + NONCE_LENGTH + sealed.length);
            out.put(header).put(nonce).put(sealed);
            return Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JDK: " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Decrypts what {@link #encrypt} wrote for the same credential id.
     *
     * @throws CredentialException.WrongKey when it was written under another master key
     * @throws CredentialException.Damaged  when it was altered, truncated, or written for another credential
     */
    public Map<String, Object> decrypt(String credentialId, String ciphertext) {
        byte[] bytes = bytes(credentialId, ciphertext);
        byte[] header = Arrays.copyOfRange(bytes, 0, HEADER_LENGTH);
        String storedKey = HexFormat.of().formatHex(header, 1, HEADER_LENGTH);
        if (!storedKey.equals(key.id())) {
            throw new CredentialException.WrongKey("credential \"" + credentialId + "\" is encrypted under master key "
                    + storedKey + ", but the master key in use is " + key.id() + " (from " + key.source() + "): "
                    + "configure the key it was written with, or finish the key rotation with `switchboard rekey`",
                    storedKey);
        }
        byte[] plaintext = null;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(),
                    new GCMParameterSpec(TAG_BITS, bytes, HEADER_LENGTH, NONCE_LENGTH));
            cipher.updateAAD(associatedData(header, credentialId));
            plaintext = cipher.doFinal(bytes, HEADER_LENGTH + NONCE_LENGTH, bytes.length - HEADER_LENGTH - NONCE_LENGTH);
            return Json.parseObject(new String(plaintext, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new CredentialException.Damaged("credential \"" + credentialId + "\" cannot be decrypted: its "
                    + "ciphertext was altered or belongs to another credential");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JDK: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            // a parse error could quote the plaintext: say only what happened
            throw new CredentialException.Damaged("credential \"" + credentialId + "\" decrypts to something that is "
                    + "not a JSON object");
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    /** The id of the master key a ciphertext was written under. */
    public static String keyIdOf(String credentialId, String ciphertext) {
        return HexFormat.of().formatHex(bytes(credentialId, ciphertext), 1, HEADER_LENGTH);
    }

    private static byte[] bytes(String credentialId, String ciphertext) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(ciphertext == null ? "" : ciphertext);
        } catch (IllegalArgumentException e) {
            throw new CredentialException.Damaged("credential \"" + credentialId + "\" has a ciphertext that is not base64");
        }
        if (bytes.length < MIN_LENGTH) {
            throw new CredentialException.Damaged("credential \"" + credentialId + "\" has a truncated ciphertext ("
                    + bytes.length + " bytes)");
        }
        if (bytes[0] != FORMAT_V1) {
            throw new CredentialException.Damaged("credential \"" + credentialId + "\" has a ciphertext of format "
                    + bytes[0] + ", which this version does not know (it knows format " + FORMAT_V1 + ")");
        }
        return bytes;
    }

    private static byte[] header(byte[] keyId) {
        byte[] header = new byte[HEADER_LENGTH];
        header[0] = FORMAT_V1;
        System.arraycopy(keyId, 0, header, 1, MasterKey.ID_LENGTH);
        return header;
    }

    private static byte[] associatedData(byte[] header, String credentialId) {
        byte[] id = credentialId.getBytes(StandardCharsets.UTF_8);
        byte[] aad = Arrays.copyOf(header, header.length + id.length);
        System.arraycopy(id, 0, aad, header.length, id.length);
        return aad;
    }

    @Override
    public String toString() {
        return "CredentialCipher[AES-256-GCM, key " + key.id() + "]";
    }
}
