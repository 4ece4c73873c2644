package dev.switchboard.platform.credential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit key that encrypts every credential. It comes from {@code SWITCHBOARD_MASTER_KEY}
 * (32 bytes in base64) or else from {@code <data dir>/master.key}, which is generated on first use
 * with mode 0600. Its {@linkplain #id() id} is a fingerprint (HMAC-SHA-256 of a fixed label, first
 * 8 bytes in hex) that is stored beside each ciphertext, so that a credential tells which key it
 * needs without revealing the key. {@link #toString()} never shows key material.
 */
public final class MasterKey {

    /** The environment variable (and the name used in messages) of the configured key. */
    public static final String ENVIRONMENT = "SWITCHBOARD_MASTER_KEY";
    /** The file under the data directory that holds a generated key. */
    public static final String FILE_NAME = "master.key";
    static final int LENGTH = 32;
    static final int ID_LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] key;
    private final byte[] id;
    private final String source;
    private final boolean generated;

    private MasterKey(byte[] key, String source, boolean generated) {
        this.key = key.clone();
        this.id = fingerprint(key);
        this.source = source;
        this.generated = generated;
    }

    /** A fresh random key (not yet written anywhere). */
    public static MasterKey generate() {
        byte[] key = new byte[LENGTH];
        RANDOM.nextBytes(key);
        return new MasterKey(key, "generated", true);
    }

    /**
     * Reads a key given as base64 (standard or URL-safe alphabet, padding optional).
     *
     * @param source what the text is, for messages (e.g. {@code SWITCHBOARD_MASTER_KEY}); the text itself
     *               never appears in a message
     * @throws InvalidKeyException when the text is not 32 bytes in base64
     */
    public static MasterKey fromBase64(String base64, String source) {
        String text = base64 == null ? "" : base64.strip();
        byte[] key = decode(text);
        if (key == null) {
            throw new InvalidKeyException(source + " is not a valid master key: it is not base64. Expected 32 random bytes "
                    + "in base64 (44 characters), e.g. the output of `openssl rand -base64 32`");
        }
        if (key.length != LENGTH) {
            throw new InvalidKeyException(source + " is not a valid master key: it decodes to " + key.length
                    + " bytes, not 32. Expected 32 random bytes in base64 (44 characters), e.g. the output of "
                    + "`openssl rand -base64 32`");
        }
        try {
            return new MasterKey(key, source, false);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] decode(String text) {
        if (text.isEmpty()) {
            return new byte[0];
        }
        for (Base64.Decoder decoder : new Base64.Decoder[] {Base64.getDecoder(), Base64.getUrlDecoder()}) {
            try {
                return decoder.decode(text);
            } catch (IllegalArgumentException notThisAlphabet) {
                // its message quotes a character of the key: never passed on
            }
        }
        return null;
    }

    /**
     * The server's key: {@code configured} (the value of {@code SWITCHBOARD_MASTER_KEY}) when given,
     * else the key in {@code <dataDir>/master.key}, generated there (mode 0600) when the file does not exist.
     */
    public static MasterKey load(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return fromBase64(configured, ENVIRONMENT);
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return readFile(file);
        }
        MasterKey key = generate();
        try {
            key.writeNew(file);
            return new MasterKey(key.key, file.toString(), true);
        } catch (FileAlreadyExistsException raced) {
            return readFile(file);
        }
    }

    /**
     * The key already in use, without generating one: {@code configured} when given, else the key file.
     *
     * @throws InvalidKeyException when there is neither
     */
    public static MasterKey existing(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return fromBase64(configured, ENVIRONMENT);
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            throw new InvalidKeyException("there is no master key: " + ENVIRONMENT + " is not set and " + file
                    + " does not exist");
        }
        return readFile(file);
    }

    /** Reads a key file (base64 text). */
    public static MasterKey readFile(Path file) {
        try {
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII), "the key file " + file);
        } catch (IOException e) {
            throw new InvalidKeyException("cannot read the key file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    /**
     * Writes this key as base64 into a new file readable by its owner only (mode 0600 where the file
     * system has POSIX modes). The file appears whole or not at all.
     *
     * @throws FileAlreadyExistsException when the file exists (it is left untouched)
     */
    public void writeNew(Path file) throws FileAlreadyExistsException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = ownerOnlyTempFile(dir);
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temp);
            } catch (UnsupportedOperationException noHardLinks) {
                if (Files.exists(file)) {
                    throw new FileAlreadyExistsException(file.toString());
                }
                Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                temp = null;
            }
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidKeyException("cannot write the master key to " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray temporary file holds nothing the key file does not
                }
            }
        }
    }

    private static Path ownerOnlyTempFile(Path dir) throws IOException {
        try {
            return Files.createTempFile(dir, ".master-key-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, ".master-key-", ".tmp");
        }
    }

    /** Whether a key file can be read by others than its owner (false where there are no POSIX modes). */
    public static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> modes = Files.getPosixFilePermissions(file);
            return modes.contains(PosixFilePermission.GROUP_READ) || modes.contains(PosixFilePermission.OTHERS_READ);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    /** The key's fingerprint, 16 hex digits: safe to store, log and show. */
    public String id() {
        return HexFormat.of().formatHex(id);
    }

    byte[] idBytes() {
        return id.clone();
    }

    /** Where the key came from: {@code SWITCHBOARD_MASTER_KEY}, a file path, or "generated". */
    public String source() {
        return source;
    }

    /** Whether the key was made just now (by {@link #generate()} or by {@link #load} writing a new file). */
    public boolean generated() {
        return generated;
    }

    SecretKeySpec secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    private static byte[] fingerprint(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal("switchboard master key id".getBytes(StandardCharsets.UTF_8)), ID_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available in this JDK", e);
        }
    }

    /** Same key material (compared in constant time). */
    @Override
    public boolean equals(Object o) {
        return o instanceof MasterKey other && java.security.MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(id);
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id() + ", from " + source + "]";
    }

    /** A master key that is malformed, missing or unreadable; the message says which and never quotes it. */
    public static final class InvalidKeyException extends IllegalStateException {
        public InvalidKeyException(String message) {
            super(message);
        }
    }
}
