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

    private DurableH2Backend(MVStore store, boolean housekeeping) {
        super(store);
        this.store = store;
        // Every write is committed at once, so old chunks need not be kept for H2's default 45 s (meant for
        // disks that flush late); they are reused after a second, and a pass every second rewrites sparse
        // chunks (see compact), so that the file stays near the size of what it holds.
        store.setRetentionTime(1_000);
        if (housekeeping) {
            maintenance.scheduleWithFixedDelay(this::compact, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
        // the oplog feeds change streams, which Switchboard does not use; keeping it would double every write
        disableOplog();
    }

    /**
     * H2's page cache, in MB (H2's default is 16). Pages of a busy journal are read once and written once, so a
     * big cache mostly moves garbage into the old generation; 4 MB keeps the indexes' upper levels.
     */
    static final int CACHE_MB = Integer.getInteger("switchboard.embedded.cache-mb", 4);

    static DurableH2Backend open(String file) {
        return open(file, true);
    }

    /** @param housekeeping whether a thread of its own compacts the file every second (tests call {@link #compact}) */
    static DurableH2Backend open(String file, boolean housekeeping) {
        // no background writer: every write is committed by the thread that made it, in that thread (H2's
        // writer would serialize and save each commit on two threads of its own while that thread waits)
        return new DurableH2Backend(new MVStore.Builder().fileName(file).autoCommitDisabled().autoCompactFillRate(80)
                .pageSplitSize(4096).cacheSize(CACHE_MB).open(), housekeeping);
    }

    /** The file's store, for tests. */
    MVStore mvStore() {
        return store;
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DurableH2Backend.class);

    @Override
    public Document handleMessage(MongoMessage message) {
        long t0 = System.nanoTime();
        try {
            return super.handleMessage(message);
        } finally {
            if (isWrite(message.getDocument()) && !unjournaled(message.getDocument())) {
                long t1 = System.nanoTime();
                commit();
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} {}: handled in {} µs, committed in {} µs", message.getDocument().keySet().iterator().next(),
                            message.getDocument().values().iterator().next(), (t1 - t0) / 1_000, (System.nanoTime() - t1) / 1_000);
                }
            }
        }
    }

    /**
     * A write whose write concern says {@code j: false} is acknowledged before the file is committed: the
     * next write that asks for the journal (every other one) commits it too, as MongoDB's journal commit
     * covers every write before it. The run journal sends the parts of a batch so, all but the last.
     */
    private static boolean unjournaled(Document command) {
        return command.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"));
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
     * How much a compaction pass rewrites at most while the store is idle (a quarter of it while it is busy).
     * Commits wait while a pass runs: a pass of 1 MB took ~20-30 ms, with 64 callers writing.
     */
    static final int COMPACT_BYTES = Integer.getInteger("switchboard.embedded.compact-bytes", 1 << 20);
    /** Below this share of live data in its chunks, the file is compacted even while it is busy (H2's own threshold). */
    static final int BUSY_COMPACT_BELOW = 28;
    /** The file's reads and writes counted after the last pass: none since, and the store is idle. */
    private long operationsSeen = -1;

    /**
     * Rewrites sparse chunks, as H2's own background housekeeping does: while nothing else read or wrote the
     * file since the last pass (a second ago), whatever is under 80 % live; while it is busy, only once under
     * {@value #BUSY_COMPACT_BELOW} %. A pass holds every commit, so passes every second under load set the
     * slowest percent of saved runs (with 64 webhook callers, 87 % of the slowest 1 % overlapped a pass); under
     * a steady load the file then holds about twice its live data, and is compacted once writes pause.
     * Returns whether it rewrote anything.
     */
    boolean compact() {
        try {
            var file = store.getFileStore();
            boolean idle = file.getWriteCount() + file.getReadCount() == operationsSeen;
            boolean rewrote = store.compact(idle ? 80 : BUSY_COMPACT_BELOW, idle ? COMPACT_BYTES : COMPACT_BYTES / 4);
            operationsSeen = file.getWriteCount() + file.getReadCount();
            return rewrote;
        } catch (RuntimeException e) {
            LOG.warn("compacting the embedded database: {}", e.toString());
            return false;
        }
    }

    /** The share of live data in the file's chunks, in percent (what compaction raises). */
    int chunksFillRate() {
        return store.getFileStore().getChunksFillRate();
    }

    @Override
    public void close() {
        maintenance.shutdownNow();
        commit();
        super.close();
    }
}
