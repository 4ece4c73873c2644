package dev.switchboard.platform.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import dev.switchboard.platform.server.ServerSettings;
import dev.switchboard.platform.store.MongoConnection;

/**
 * API keys, stored as SHA-256 hashes in the {@code api_keys} collection ({@code _id} = the hash).
 * The bootstrap key from {@code SWITCHBOARD_API_KEY} is accepted too. When there is neither, one is
 * generated at start-up and written to {@code <data dir>/initial-api-key} (mode 0600), never logged.
 */
public final class ApiKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

    private final MongoCollection<Document> keys;
    private final byte[] bootstrapHash;

    public ApiKeys(MongoConnection connection, ServerSettings settings) {
        this.keys = connection.database().getCollection("api_keys");
        this.bootstrapHash = settings.apiKey() == null ? null : sha256(settings.apiKey());
        if (bootstrapHash == null && keys.countDocuments() == 0) {
            String key = generate("initial");
            Path file = settings.dataDir().resolve("initial-api-key");
            try {
                Files.createDirectories(settings.dataDir());
                Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                LOG.info("no API key was configured: one was generated and written to {}", file.toAbsolutePath());
            } catch (IOException e) {
                LOG.warn("no API key was configured and {} cannot be written ({}); set SWITCHBOARD_API_KEY", file,
                        e.getMessage());
            }
        }
    }

    /** Makes a new key, stores its hash with a label, and returns the key (shown once). */
    public String generate(String label) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = "sb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        keys.insertOne(new Document("_id", HexFormat.of().formatHex(sha256(key))).append("label", label)
                .append("createdAt", Date.from(Instant.now())));
        return key;
    }

    /** Whether the key is valid. */
    public boolean accepts(String key) {
        if (key == null || key.isBlank()) {
            return false;
        }
        byte[] hash = sha256(key);
        if (bootstrapHash != null && MessageDigest.isEqual(hash, bootstrapHash)) {
            return true;
        }
        return keys.find(Filters.eq("_id", HexFormat.of().formatHex(hash))).first() != null;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
