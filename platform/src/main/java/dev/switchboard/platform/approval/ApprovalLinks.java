package dev.switchboard.platform.approval;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed decision links: a token names the request and the recipient and carries an HMAC-SHA256 of
 * both under the key every instance shares, so it cannot be forged or pointed at another request. It is
 * single-use because the request can be decided once.
 */
public final class ApprovalLinks {

    private final byte[] key;

    public ApprovalLinks(byte[] key) {
        this.key = key.clone();
    }

    /** What a valid token names. */
    public record Target(String requestId, String recipient) {
    }

    public String token(String requestId, String recipient) {
        String payload = requestId + "\n" + recipient;
        return encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + encode(sign(payload));
    }

    /** The request and recipient of a token, or empty when it is malformed or its signature is wrong. */
    public Optional<Target> verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            int newline = payload.indexOf('\n');
            if (newline <= 0 || !MessageDigest.isEqual(signature, sign(payload))) {
                return Optional.empty();
            }
            return Optional.of(new Target(payload.substring(0, newline), payload.substring(newline + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
