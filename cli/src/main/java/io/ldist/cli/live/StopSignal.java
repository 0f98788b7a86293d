package io.ldist.cli.live;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How SIGINT or SIGTERM stops a run gracefully: the shutdown hook {@link #request requests} a stop and waits until
 * the loop has {@link #finished} (its round done, the API stopped, the journal closed), since the JVM exits as soon as
 * its hooks return.
 */
final class StopSignal {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    /** From the shutdown hook: ask the loop to stop, and wait for it (at most {@code patience}). */
    void requestAndAwait(Duration patience) {
        requested.countDown();
        try {
            finished.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits up to {@code pause} between rounds; true when a stop was requested meanwhile. */
    boolean awaitRequest(Duration pause) {
        try {
            return requested.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** The loop is done and everything it held is released. */
    void finished() {
        finished.countDown();
    }
}
