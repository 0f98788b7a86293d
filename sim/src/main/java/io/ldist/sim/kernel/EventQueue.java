package io.ldist.sim.kernel;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;

/**
 * Future events ordered by (time, sequence): events at the same time keep the order they were scheduled in,
 * which makes runs repeatable.
 *
 * <p>Events come in bursts at few distinct times (every migration of a decision ends at one of a handful of
 * instants set by VM sizes), so they are kept in one first-in-first-out queue per time: scheduling and taking
 * cost a lookup among the distinct times, not among all pending events as in a heap.
 */
public final class EventQueue {
    private final TreeMap<Double, ArrayDeque<SimEvent>> byTime = new TreeMap<>();
    private int size;

    public void schedule(double timeS, SimEvent event) {
        if (!(timeS >= 0) || Double.isInfinite(timeS)) {
            throw new IllegalArgumentException("event time must be finite and >= 0, was " + timeS + " for " + event);
        }
        byTime.computeIfAbsent(timeS, t -> new ArrayDeque<>()).add(event);
        size++;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public double nextTimeS() {
        return byTime.firstKey();
    }

    public SimEvent poll() {
        Map.Entry<Double, ArrayDeque<SimEvent>> first = byTime.firstEntry();
        SimEvent event = first.getValue().poll();
        if (first.getValue().isEmpty()) {
            byTime.pollFirstEntry();
        }
        size--;
        return event;
    }

    public int size() {
        return size;
    }
}
