package dev.switchboard.platform.store;

import java.util.Set;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;

/**
 * The embedded server's storage: an H2 MVStore file that is committed before a write is
 * acknowledged. H2's own default commits once a second in the background, so a killed process
 * would lose the last second of acknowledged writes; here a write command returns only after the
 * file holds it (in the operating system's cache: it survives a killed process, not a power cut).
 * Concurrent writers share commits: one commit covers every change made before it.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "drop", "dropindexes", "create", "dropdatabase", "renamecollection");

    private final MVStore store;
    private final Object commitLock = new Object();

    private final java.util.concurrent.ScheduledExecutorService maintenance =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    r -> Thread.ofPlatform().daemon().name("switchboard-embedded-compact").unstarted(r));

    private DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
        // Every write is committed at once, so old chunks need not be kept for H2's default 45 s (meant for
        // disks that flush late); they are reused after a second, and a pass every few seconds rewrites
        // sparse chunks, so that the file stays near the size of what it holds.
        store.setRetentionTime(1_000);
        maintenance.scheduleWithFixedDelay(this::compact, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        // the oplog feeds change streams, which Switchboard does not use; keeping it would double every write
        disableOplog();
    }

    /**
     * H2's page cache, in MB (H2's default is 16). Pages of a busy journal are read once and written once, so a
     * big cache mostly moves garbage into the old generation; 4 MB keeps the indexes' upper levels.
     */
    static final int CACHE_MB = Integer.getInteger("switchboard.embedded.cache-mb", 4);

    static DurableH2Backend open(String file) {
        // no background writer: every write is committed by the thread that made it, in that thread (H2's
        // writer would serialize and save each commit on two threads of its own while that thread waits)
        return new DurableH2Backend(new MVStore.Builder().fileName(file).autoCommitDisabled().autoCompactFillRate(80)
                .pageSplitSize(4096).cacheSize(CACHE_MB).open());
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DurableH2Backend.class);

    @Override
    public Document handleMessage(MongoMessage message) {
        long t0 = System.nanoTime();
        try {
            return super.handleMessage(message);
        } finally {
            if (isWrite(message.getDocument())) {
                long t1 = System.nanoTime();
                commit();
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} {}: handled in {} µs, committed in {} µs", message.getDocument().keySet().iterator().next(),
                            message.getDocument().values().iterator().next(), (t1 - t0) / 1_000, (System.nanoTime() - t1) / 1_000);
                }
            }
        }
    }

    private static boolean isWrite(Document command) {
        return !command.isEmpty() && WRITES.contains(command.keySet().iterator().next().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public void commit() {
        synchronized (commitLock) {
            if (store.hasUnsavedChanges()) {
                store.commit();
            }
        }
    }

    @Override
    protected de.bwaldvogel.mongo.MongoDatabase openOrCreateDatabase(String databaseName) {
        return BsonH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * How much a compaction pass rewrites at most. Commits wait while a pass runs, so it is kept small and
     * frequent: a pass of 16 MB every 5 s held commits up to 3 s under load.
     */
    static final int COMPACT_BYTES = Integer.getInteger("switchboard.embedded.compact-bytes", 1 << 20);

    private void compact() {
        try {
            store.compact(80, COMPACT_BYTES);
        } catch (RuntimeException e) {
            LOG.warn("compacting the embedded database: {}", e.toString());
        }
    }

    @Override
    public void close() {
        maintenance.shutdownNow();
        commit();
        super.close();
    }
}
