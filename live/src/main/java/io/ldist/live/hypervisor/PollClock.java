package io.ldist.live.hypervisor;

import java.time.Duration;

/** Time as a poller needs it; injected so that tests of timeouts and backoff run without sleeping. */
public interface PollClock {

    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;

    /** The JVM's monotonic clock and {@link Thread#sleep}. */
    static PollClock system() {
        return new PollClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
