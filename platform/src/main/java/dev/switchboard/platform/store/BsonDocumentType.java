package dev.switchboard.platform.store;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * How the embedded server's documents are written in the H2 file: as BSON, the bytes MongoDB
 * itself uses, instead of H2's default Java serialization, which costs several times more on every
 * write of a page.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private BsonDocumentType() {
    }

    /**
     * What a document takes on the heap once read, for H2's page cache, which holds as many pages as fit its
     * budget by this count. Counting fields only (a step's document is a few fields, one of them kilobytes of
     * JSON text) let the cache hold several times its budget: a 192 MB server spent its time in full collections.
     */
    @Override
    public int getMemory(Document document) {
        return (int) Math.min(Integer.MAX_VALUE, memoryOf(document));
    }

    static long memoryOf(Object value) {
        if (value instanceof Document d) {
            long sum = 64;
            for (var e : d.entrySet()) {
                sum += 48 + memoryOf(e.getKey()) + memoryOf(e.getValue());
            }
            return sum;
        }
        if (value instanceof CharSequence text) {
            return 48 + text.length();
        }
        if (value instanceof java.util.Collection<?> list) {
            long sum = 40 + 8L * list.size();
            for (Object o : list) {
                sum += memoryOf(o);
            }
            return sum;
        }
        if (value instanceof byte[] bytes) {
            return 24 + bytes.length;
        }
        return 24;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        writeBson(buffer, document, 256);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        return readBson(buffer);
    }

    /** Writes a document as its BSON length (a var-int) and bytes. */
    static void writeBson(WriteBuffer buffer, Document document, int expectedSize) {
        ByteBuf bytes = Unpooled.buffer(expectedSize);
        try {
            BsonEncoder.encodeDocument(document, bytes);
            int length = bytes.readableBytes();
            buffer.putVarInt(length);
            byte[] array = new byte[length];
            bytes.readBytes(array);
            buffer.put(array);
        } finally {
            bytes.release();
        }
    }

    /** Reads what {@link #writeBson} wrote. */
    static Document readBson(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        byte[] array = new byte[length];
        buffer.get(array);
        ByteBuf bytes = Unpooled.wrappedBuffer(array);
        try {
            return BsonDecoder.decodeBson(bytes);
        } finally {
            bytes.release();
        }
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
