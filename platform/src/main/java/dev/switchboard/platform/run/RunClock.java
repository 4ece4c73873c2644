package dev.switchboard.platform.run;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The time a run sees, and how it waits. Tests use {@link #virtual} to wait without sleeping. */
public interface RunClock {

    Instant now();

    void sleep(long millis) throws InterruptedException;

    static RunClock system() {
        return new RunClock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleep(long millis) throws InterruptedException {
                if (millis > 0) {
                    Thread.sleep(millis);
                }
            }
        };
    }

    /** A clock that starts at {@code start} and moves only when something sleeps. */
    static RunClock virtual(Instant start) {
        AtomicLong millis = new AtomicLong(start.toEpochMilli());
        return new RunClock() {
            @Override
            public Instant now() {
                return Instant.ofEpochMilli(millis.get());
            }

            @Override
            public void sleep(long ms) {
                millis.addAndGet(Math.max(0, ms));
            }
        };
    }
}
