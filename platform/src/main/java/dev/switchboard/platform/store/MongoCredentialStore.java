package dev.switchboard.platform.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.regex;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;

import dev.switchboard.platform.credential.Credential;
import dev.switchboard.platform.credential.CredentialCipher;
import dev.switchboard.platform.credential.CredentialException;
import dev.switchboard.platform.credential.CredentialRules;
import dev.switchboard.platform.credential.CredentialStore;
import dev.switchboard.platform.credential.CredentialUpdate;
import dev.switchboard.platform.credential.SealedData;
import dev.switchboard.platform.paging.Page;

/**
 * Credentials in MongoDB. Collection {@code credentials}: one document per credential ({@code _id},
 * {@code name}, {@code type}, {@code fields} (the data's field names), {@code ciphertext} (base64, see
 * {@link CredentialCipher}), {@code keyId} (the master key it is encrypted under), {@code createdAt},
 * {@code updatedAt}). No value of the data is ever written in clear. Each change is one conditional
 * write on the document's ciphertext, so concurrent edits and a re-encryption never lose one another.
 */
public final class MongoCredentialStore implements CredentialStore {

    private static final int ATTEMPTS = 5;

    private final MongoCollection<Document> credentials;
    private final CredentialCipher cipher;
    private final Clock clock;

    public MongoCredentialStore(MongoConnection connection, CredentialCipher cipher, Clock clock) {
        this.credentials = connection.database().getCollection("credentials");
        this.cipher = cipher;
        this.clock = clock;
        credentials.createIndex(Indexes.descending("updatedAt"));
        credentials.createIndex(Indexes.ascending("keyId"));
    }

    @Override
    public Credential create(String name, String type, Map<String, Object> data) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> checked = CredentialRules.data(data);
        Instant now = clock.instant();
        Document doc = new Document("_id", id).append("name", CredentialRules.name(name))
                .append("type", CredentialRules.type(type)).append("fields", new ArrayList<>(checked.keySet()))
                .append("ciphertext", cipher.encrypt(id, checked)).append("keyId", cipher.keyId())
                .append("createdAt", Documents.date(now)).append("updatedAt", Documents.date(now));
        credentials.insertOne(doc);
        return read(doc);
    }

    @Override
    public Optional<Credential> get(String id) {
        return Optional.ofNullable(credentials.find(eq("_id", id)).first()).map(MongoCredentialStore::read);
    }

    private Document require(String id) {
        Document doc = credentials.find(eq("_id", id)).first();
        if (doc == null) {
            throw new CredentialException.NotFound("no credential with id \"" + id + "\"");
        }
        return doc;
    }

    @Override
    public Page<Credential> list(String search, String type, Page.Request request) {
        List<Bson> filters = new ArrayList<>();
        if (search != null && !search.isBlank()) {
            filters.add(regex("name", Pattern.quote(search.strip()), "i"));
        }
        if (type != null && !type.isBlank()) {
            filters.add(eq("type", type.strip()));
        }
        Bson filter = filters.isEmpty() ? Filters.empty() : and(filters);
        long total = credentials.countDocuments(filter);
        List<Credential> items = new ArrayList<>();
        credentials.find(filter).sort(Sorts.orderBy(Sorts.descending("updatedAt"), Sorts.ascending("_id")))
                .skip(request.skip()).limit(request.size()).forEach(d -> items.add(read(d)));
        return new Page<>(items, request.page(), request.size(), total);
    }

    @Override
    public Credential update(String id, CredentialUpdate update) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document current = require(id);
            List<Bson> changes = new ArrayList<>();
            if (update.name() != null) {
                changes.add(Updates.set("name", CredentialRules.name(update.name())));
            }
            if (update.type() != null) {
                changes.add(Updates.set("type", CredentialRules.type(update.type())));
            }
            if (update.changesData()) {
                Map<String, Object> stored = cipher.decrypt(id, current.getString("ciphertext"));
                Map<String, Object> data = CredentialRules.data(update.applyTo(stored));
                changes.add(Updates.set("fields", new ArrayList<>(data.keySet())));
                changes.add(Updates.set("ciphertext", cipher.encrypt(id, data)));
                changes.add(Updates.set("keyId", cipher.keyId()));
            } else {
                // only masks sent back: nothing to decrypt, but a mask must stand for a stored field
                update.checkMasks(current.getList("fields", String.class, List.of()));
            }
            changes.add(Updates.set("updatedAt", Documents.date(clock.instant())));
            UpdateResult result = credentials.updateOne(
                    and(eq("_id", id), eq("ciphertext", current.getString("ciphertext"))), Updates.combine(changes));
            if (result.getMatchedCount() == 1) {
                return read(require(id));
            }
        }
        throw new CredentialException.ConcurrentEdit("credential \"" + id + "\" kept changing while it was being "
                + "updated; try again");
    }

    @Override
    public void delete(String id) {
        if (credentials.deleteOne(eq("_id", id)).getDeletedCount() == 0) {
            throw new CredentialException.NotFound("no credential with id \"" + id + "\"");
        }
    }

    @Override
    public Map<String, Object> decrypt(String id) {
        return cipher.decrypt(id, require(id).getString("ciphertext"));
    }

    /** How many credentials are encrypted under another key than the one in use (after an interrupted rekey). */
    public long countUnderOtherKeys() {
        return credentials.countDocuments(ne("keyId", cipher.keyId()));
    }

    @Override
    public RekeyResult reencrypt(CredentialCipher from, CredentialCipher to, RekeyListener listener) {
        if (from.keyId().equals(to.keyId())) {
            throw new IllegalArgumentException("the new master key is the key in use (" + to.keyId() + ")");
        }
        long alreadyDone = credentials.countDocuments(eq("keyId", to.keyId()));
        Bson pending = ne("keyId", to.keyId());
        long total = credentials.countDocuments(pending);
        List<String> ids = new ArrayList<>();
        credentials.find(pending).projection(Projections.include("_id")).sort(Sorts.ascending("_id"))
                .forEach(d -> ids.add(d.getString("_id")));
        long done = 0;
        List<Unreadable> unreadable = new ArrayList<>();
        for (String id : ids) {
            Document doc = credentials.find(eq("_id", id)).first();
            if (doc == null || to.keyId().equals(doc.getString("keyId"))) {
                continue;
            }
            String ciphertext = doc.getString("ciphertext");
            String reencrypted;
            try {
                Map<String, Object> data = from.decrypt(id, ciphertext);
                reencrypted = to.encrypt(id, data);
            } catch (CredentialException e) {
                unreadable.add(new Unreadable(id, doc.getString("name"), e.getMessage()));
                continue;
            }
            UpdateResult result = credentials.updateOne(and(eq("_id", id), eq("ciphertext", ciphertext)),
                    Updates.combine(Updates.set("ciphertext", reencrypted), Updates.set("keyId", to.keyId())));
            if (result.getMatchedCount() == 0) {
                unreadable.add(new Unreadable(id, doc.getString("name"), "it changed during the re-encryption; run again"));
                continue;
            }
            done++;
            listener.reencrypted(id, done, total);
        }
        return new RekeyResult(done, alreadyDone, unreadable);
    }

    private static Credential read(Document d) {
        List<String> fields = d.getList("fields", String.class, List.of());
        return new Credential(d.getString("_id"), d.getString("name"), d.getString("type"),
                Documents.instant(d, "createdAt"), Documents.instant(d, "updatedAt"),
                new SealedData(fields, d.getString("keyId"), d.getString("ciphertext")));
    }
}
