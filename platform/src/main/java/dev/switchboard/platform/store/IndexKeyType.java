package dev.switchboard.platform.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * How the keys of the embedded server's unique indexes are ordered and written. H2's default type
 * orders keys it does not know by their Java serialization, serializing both sides of every
 * comparison of a B-tree search: that was most of the cost of a write. Keys are compared here as
 * MongoDB compares values, field by field, and written as BSON.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();

    private IndexKeyType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int c = VALUES.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        return 48 + 32 * key.size();
    }

    /** One BSON document per key: {@code n} values, value {@code i} under {@code v<i>}, or {@code m<i>} when missing. */
    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        Document document = new Document("n", key.size());
        for (int i = 0; i < key.size(); i++) {
            Object value = key.get(i);
            if (value instanceof Missing) {
                document.put("m" + i, true);
            } else {
                document.put("v" + i, value);
            }
        }
        BsonDocumentType.writeBson(buffer, document);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        Document document = BsonDocumentType.readBson(buffer);
        int size = ((Number) document.get("n")).intValue();
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(document.containsKey("m" + i) ? Missing.getInstance() : document.get("v" + i));
        }
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
