package dev.switchboard.platform.run;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids of new runs: UUIDs of version 7 (RFC 9562), whose text sorts by creation time. Stores keep
 * documents in order of their ids, so runs created one after another land side by side instead of
 * at random places of the whole history: a B-tree store rewrites a few pages per write instead of
 * one per run in flight. Ids made in the same millisecond by this process still sort in the order
 * they were made (a counter in the 12 bits after the time); the last 62 bits are random.
 */
public final class RunIds {

    /**
     * One generator per thread: runs start on many threads at once, and one shared generator made them queue
     * on its lock (the default one also reads {@code /dev/urandom} on every call while holding it).
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(RunIds::generator);
    /** Milliseconds since the epoch shifted left by 12, plus the sequence within that millisecond. */
    private static final AtomicLong LAST = new AtomicLong();

    private RunIds() {
    }

    /** A new run id, greater than every id this process made before. */
    public static String next() {
        long now = System.currentTimeMillis() << 12;
        long stamp = LAST.updateAndGet(last -> Math.max(last + 1, now));
        long millis = stamp >>> 12;
        long sequence = stamp & 0xFFF;
        long high = (millis << 16) | 0x7000L | sequence;
        long low = (RANDOM.get().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** A generator seeded from the system's entropy, drawing from its own state afterwards (NIST SP 800-90A). */
    private static SecureRandom generator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
