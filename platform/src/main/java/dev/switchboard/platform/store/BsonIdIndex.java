package dev.switchboard.platform.store;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * The {@code _id} index of a collection of the embedded server. The collection's own map is already
 * keyed by {@code _id}, so for the ids Switchboard makes (text and object ids, which index as
 * themselves) that map is the index: no second map is written on every insert. Other ids (numbers,
 * which the index compares as doubles, documents) are kept in a map of their own.
 */
final class BsonIdIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<Object, Document> documents;
    private final MVMap<KeyValue, Object> others;

    BsonIdIndex(MVMap<Object, Document> documents, MVMap<KeyValue, Object> others, String name, List<IndexKey> keys) {
        super(name, keys, false);
        this.documents = documents;
        this.others = others;
    }

    /** An id that is its own index key and its document's key in the collection's map. */
    static boolean isDirect(Object id) {
        return id instanceof String || id instanceof ObjectId;
    }

    private static Object direct(KeyValue key) {
        return key.size() == 1 && isDirect(key.get(0)) ? key.get(0) : null;
    }

    /**
     * A direct id is in the index once its document is in the collection's map (the collection checked it
     * before putting it there); the superclass would check it again, and find the document itself.
     */
    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (!isDirect(document.get("_id"))) {
            super.add(document, position, collection);
        }
    }

    /**
     * A direct id is checked against the collection's map itself. The superclass gathers the keys of any
     * index through a generic path walk (sets, maps and streams per document): the most part of the
     * embedded server's own work on an insert.
     */
    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Object> collection) {
        Object id = document.get("_id");
        if (!isDirect(id)) {
            super.checkAdd(document, collection);
        } else if (documents.containsKey(id)) {
            throw new DuplicateKeyError(this, collection, getKeys(), new KeyValue(id));
        }
    }

    /** An update that keeps a direct id changes nothing here (the superclass finds that out the long way). */
    @Override
    public synchronized void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        if (!sameDirectId(oldDocument, newDocument)) {
            super.checkUpdate(oldDocument, newDocument, collection);
        }
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) throws KeyConstraintError {
        if (!sameDirectId(oldDocument, newDocument)) {
            super.updateInPlace(oldDocument, newDocument, position, collection);
        }
    }

    private static boolean sameDirectId(Document a, Document b) {
        Object id = a.get("_id");
        return isDirect(id) && id.equals(b.get("_id"));
    }

    /** The position of a stored document (or of a query by a plain id): for a direct id, the id itself. */
    @Override
    public Object getPosition(Document document) {
        Object id = document.get("_id");
        if (isDirect(id)) {
            return documents.containsKey(id) ? id : null;
        }
        return super.getPosition(document);
    }

    /** A query that is exactly {@code {_id: <direct id>}}: the commonest of all, answered by one lookup. */
    @Override
    public synchronized boolean canHandle(Document query) {
        return query.size() == 1 && isDirect(query.get("_id")) || super.canHandle(query);
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        Object id = query.size() == 1 ? query.get("_id") : null;
        if (isDirect(id)) {
            return documents.containsKey(id) ? List.of(id) : List.of();
        }
        return super.getPositions(query);
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        Object id = direct(key);
        return id != null ? id : others.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        // a direct id was put in the collection's map by the insert itself (checked unique before that)
        return direct(key) != null || others.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Object getPosition(KeyValue key) {
        Object id = direct(key);
        if (id != null) {
            return documents.containsKey(id) ? id : null;
        }
        return others.get(key);
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> Stream.concat(
                documents.keySet().stream().filter(BsonIdIndex::isDirect)
                        .map(id -> (Map.Entry<KeyValue, Object>) new AbstractMap.SimpleImmutableEntry<>(new KeyValue(id), id)),
                others.entrySet().stream()).iterator();
    }

    @Override
    public long getCount() {
        return documents.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
