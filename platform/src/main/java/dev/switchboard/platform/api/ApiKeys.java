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
        return generate(label, null);
    }

    /** Makes a new key for {@code createdBy}, stores its hash with a label, and returns the key (shown once). */
    public String generate(String label, String createdBy) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = "sb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Document doc = new Document("_id", HexFormat.of().formatHex(sha256(key))).append("label", label)
                .append("createdAt", Date.from(Instant.now()));
        if (createdBy != null) {
            doc.append("createdBy", createdBy);
        }
        keys.insertOne(doc);
        return key;
    }

    /**
     * A stored key as an admin sees it: never the key itself, only the start of its hash to tell keys apart.
     *
     * @param id the key's SHA-256 hash in hex, which names it for revoking
     */
    public record ApiKey(String id, String label, Instant createdAt, String createdBy) {
        public String fingerprint() {
            return id.substring(0, 12);
        }
    }

    /** The stored keys, newest first, a page at a time (the bootstrap key from the environment is not stored). */
    public dev.switchboard.platform.paging.Page<ApiKey> list(dev.switchboard.platform.paging.Page.Request request) {
        java.util.List<ApiKey> page = new java.util.ArrayList<>();
        for (Document d : keys.find().sort(new Document("createdAt", -1)).skip(request.skip()).limit(request.size())) {
            Date created = d.getDate("createdAt");
            page.add(new ApiKey(d.getString("_id"), d.getString("label"), created == null ? null : created.toInstant(),
                    d.getString("createdBy")));
        }
        return new dev.switchboard.platform.paging.Page<>(page, request.page(), request.size(), keys.countDocuments());
    }

    /** Revokes a stored key; false when there is no such key. */
    public boolean revoke(String id) {
        return keys.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
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
