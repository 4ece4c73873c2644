package dev.switchboard.platform.store;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * A database of the embedded server whose collections keep their documents as BSON
 * ({@link BsonDocumentType}) in maps named {@code bson.<db>.<collection>}. A collection written by an
 * earlier Switchboard (map {@code databases.<db>.<collection>}, Java serialization) is copied over
 * the first time it is opened, and the old map removed. Unique indexes are kept in maps named
 * {@code bsonindex.<db>.<collection>.<index>} with {@link IndexKeyType} keys; an index written by an
 * earlier Switchboard (map {@code <db>.<collection>._index_<index>}) is removed and rebuilt from the
 * documents when its collection is opened. The {@code _id} index is the collection's map itself, with a map
 * {@code bsonid.<db>.<collection>} for ids that are neither text nor object ids ({@link BsonIdIndex}).
 */
final class BsonH2Database extends H2Database {

    private static final String PREFIX = "bson.";
    private static final String INDEX_PREFIX = "bsonindex.";
    private static final String ID_PREFIX = "bsonid.";
    private static final String OLD_PREFIX = "databases.";

    /** The store while the superclass constructor opens the existing collections (before {@link #store} is set). */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private BsonH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
    }

    static BsonH2Database open(String name, MVStore store, CursorRegistry cursors) {
        OPENING.set(store);
        try {
            return new BsonH2Database(name, store, cursors);
        } finally {
            OPENING.remove();
        }
    }

    private MVStore store() {
        return store != null ? store : OPENING.get();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String full = getFullCollectionNamespace(collectionName);
        MVStore store = store();
        MVMap<Object, Document> data = documents(full);
        if (data.isEmpty() && store.hasMap(OLD_PREFIX + full)) {
            MVMap<Object, Document> old = store.openMap(OLD_PREFIX + full);
            data.putAll(old);
            store.removeMap(old);
        }
        MVMap<String, Object> meta = store.openMap("meta." + full);
        return new BsonH2Collection(this, collectionName, options, data, meta, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        MVStore store = store();
        String old = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        boolean hadOldIndex = store.hasMap(old);
        if (hadOldIndex) {
            store.removeMap(old);
        }
        if (isIdIndex(indexName, keys)) {
            return openIdIndex(collectionName, indexName, keys, hadOldIndex);
        }
        MVMap<KeyValue, Object> map = store.openMap(indexMapName(collectionName, indexName),
                new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
        return new BsonUniqueIndex(map, indexName, keys, sparse);
    }

    private static boolean isIdIndex(String indexName, List<IndexKey> keys) {
        return "_id_".equals(indexName) && keys.size() == 1 && "_id".equals(keys.get(0).getKey());
    }

    /**
     * The {@code _id} index ({@link BsonIdIndex}): the collection's map, and a map {@code bsonid.<db>.<collection>}
     * for ids of other kinds. A full index map written by an earlier Switchboard (in either of its formats) is
     * removed, and the other ids are gathered from the documents once.
     */
    private Index<Object> openIdIndex(String collectionName, String indexName, List<IndexKey> keys, boolean hadOldIndex) {
        MVStore store = store();
        String full = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> documents = documents(full);
        MVMap<KeyValue, Object> others = store.openMap(ID_PREFIX + full,
                new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
        String earlier = indexMapName(collectionName, indexName);
        boolean hadFullIndex = store.hasMap(earlier);
        if (hadFullIndex) {
            store.removeMap(earlier);
        }
        if (hadFullIndex || hadOldIndex) {
            others.clear();
            for (Object id : documents.keySet()) {
                if (!BsonIdIndex.isDirect(id)) {
                    others.put(new KeyValue(id).normalized(), id);
                }
            }
        }
        return new BsonIdIndex(documents, others, indexName, keys);
    }

    /** A collection's documents by {@code _id}, as BSON. */
    private MVMap<Object, Document> documents(String fullName) {
        return store().openMap(PREFIX + fullName, new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
    }

    private String indexMapName(String collectionName, String indexName) {
        return INDEX_PREFIX + getFullCollectionNamespace(collectionName) + "." + indexName;
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        removeMaps(indexMapName(collection.getCollectionName(), indexName));
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String full = getFullCollectionNamespace(collectionName);
        removeMaps(PREFIX + full);
        removeMaps(ID_PREFIX + full);
        store().getMapNames().stream().filter(name -> name.startsWith(INDEX_PREFIX + full + ".")).toList()
                .forEach(this::removeMaps);
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        store().getMapNames().stream()
                .filter(name -> name.startsWith(PREFIX + getDatabaseName() + ".")
                        || name.startsWith(INDEX_PREFIX + getDatabaseName() + ".")
                        || name.startsWith(ID_PREFIX + getDatabaseName() + "."))
                .toList().forEach(this::removeMaps);
    }

    private void removeMaps(String name) {
        if (store().hasMap(name)) {
            store().removeMap(name);
        }
    }
}
