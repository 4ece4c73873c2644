package dev.switchboard.platform.user;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes: PBKDF2 with HMAC-SHA-256, a random 16-byte salt per password, written as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64), so that a later, costlier setting still
 * checks the hashes made before it.
 */
public final class Passwords {

    /** OWASP's figure for PBKDF2-HMAC-SHA256 (2023). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    public static final int MIN_LENGTH = 10;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    public Passwords() {
        this(DEFAULT_ITERATIONS);
    }

    /** @param iterations the work factor for new hashes (tests use a small one) */
    public Passwords(int iterations) {
        this.iterations = iterations;
    }

    /** Refuses a password too short to be one: at least {@value #MIN_LENGTH} characters, not only spaces. */
    public static String check(String password) {
        if (password == null || password.isBlank()) {
            throw new UserException.Invalid("\"password\" is required");
        }
        if (password.length() < MIN_LENGTH) {
            throw new UserException.Invalid("\"password\" must have at least " + MIN_LENGTH + " characters");
        }
        return password;
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /** Whether the password is the one hashed; false for a hash of another form. */
    public boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        String[] parts = hash.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** A random password of 20 letters and digits (for the first admin when none is configured). */
    public static String generate() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder out = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
