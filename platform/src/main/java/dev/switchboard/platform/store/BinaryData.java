package dev.switchboard.platform.store;

import static com.mongodb.client.model.Filters.eq;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.BsonString;
import org.bson.Document;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;

/**
 * Binary data of items kept in GridFS (bucket {@code binary}) instead of inside run and step
 * documents. An item's binary property whose base64 {@code data} is longer than {@link #INLINE_MAX}
 * characters is stored as a GridFS file with id {@code <runId>/<sha-256>} (so the same file flowing
 * through many steps of a run is stored once) and the item keeps {@code "data": "gridfs"} and
 * {@code "id": "gridfs:<file id>"} beside its mime type, file name and size, as n8n's file system
 * mode keeps a reference. Reading a step or a run puts the data back.
 */
final class BinaryData {

    static final int INLINE_MAX = 16 * 1024;
    private static final String PREFIX = "gridfs:";

    private final GridFSBucket bucket;

    BinaryData(MongoConnection connection) {
        this.bucket = GridFSBuckets.create(connection.database(), "binary");
    }

    /** The item (n8n's map form) with its large binary data moved to GridFS. */
    @SuppressWarnings("unchecked")
    Map<String, Object> store(String runId, Map<String, Object> item) {
        if (!(item.get("binary") instanceof Map<?, ?> binary) || binary.isEmpty()) {
            return item;
        }
        Map<String, Object> out = null;
        for (Map.Entry<?, ?> e : binary.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> file && file.get("data") instanceof String data && data.length() > INLINE_MAX) {
                byte[] bytes = Base64.getMimeDecoder().decode(data);
                String id = runId + "/" + sha256(bytes);
                if (bucket.find(eq("_id", id)).first() == null) {
                    bucket.uploadFromStream(new BsonString(id), runId, new ByteArrayInputStream(bytes),
                            new GridFSUploadOptions().metadata(new Document("runId", runId)));
                }
                Map<String, Object> reference = new LinkedHashMap<>((Map<String, Object>) file);
                reference.put("data", "gridfs");
                reference.put("id", PREFIX + id);
                reference.putIfAbsent("fileSize", bytes.length);
                if (out == null) {
                    out = new LinkedHashMap<>(item);
                    out.put("binary", new LinkedHashMap<>((Map<String, Object>) binary));
                }
                ((Map<String, Object>) out.get("binary")).put(String.valueOf(e.getKey()), reference);
            }
        }
        return out == null ? item : out;
    }

    /** The item with the data of its GridFS references read back (base64, as n8n holds it in memory). */
    @SuppressWarnings("unchecked")
    Map<String, Object> load(Map<String, Object> item) {
        if (!(item.get("binary") instanceof Map<?, ?> binary) || binary.isEmpty()) {
            return item;
        }
        Map<String, Object> out = null;
        for (Map.Entry<?, ?> e : binary.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> file && "gridfs".equals(file.get("data"))
                    && file.get("id") instanceof String ref && ref.startsWith(PREFIX)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                bucket.downloadToStream(new BsonString(ref.substring(PREFIX.length())), bytes);
                Map<String, Object> restored = new LinkedHashMap<>((Map<String, Object>) file);
                restored.put("data", Base64.getEncoder().encodeToString(bytes.toByteArray()));
                restored.remove("id");
                if (out == null) {
                    out = new LinkedHashMap<>(item);
                    out.put("binary", new LinkedHashMap<>((Map<String, Object>) binary));
                }
                ((Map<String, Object>) out.get("binary")).put(String.valueOf(e.getKey()), restored);
            }
        }
        return out == null ? item : out;
    }

    /** Deletes the files of a run. */
    void deleteRun(String runId) {
        List<BsonString> ids = new ArrayList<>();
        for (GridFSFile f : bucket.find(eq("filename", runId))) {
            ids.add(f.getId().asString());
        }
        ids.forEach(bucket::delete);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
