package io.ldist.live.hypervisor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when slept on: timeouts pass at once, and the waits asked for are kept for asserting. */
final class ManualPollClock implements PollClock {
    private long nowNs;
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return nowNs;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        nowNs += duration.toNanos();
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    synchronized Duration elapsed() {
        return Duration.ofNanos(nowNs);
    }
}
