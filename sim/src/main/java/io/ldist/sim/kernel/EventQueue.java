package io.ldist.sim.kernel;

import java.util.Arrays;

/**
 * Future events ordered by (time, sequence): events at the same time keep the order they were scheduled in,
 * which makes runs repeatable.
 *
 * <p>A binary heap over parallel arrays: a task stream schedules an arrival and an end per task, at times that
 * are nearly all distinct, so nothing is allocated per time and scheduling or taking costs O(log n) in the
 * events pending.
 */
public final class EventQueue {
    private double[] times = new double[64];
    private long[] sequences = new long[64];
    private SimEvent[] events = new SimEvent[64];
    private int size;
    private long nextSequence;

    public void schedule(double timeS, SimEvent event) {
        if (!(timeS >= 0) || Double.isInfinite(timeS)) {
            throw new IllegalArgumentException("event time must be finite and >= 0, was " + timeS + " for " + event);
        }
        if (size == times.length) {
            int capacity = size * 2;
            times = Arrays.copyOf(times, capacity);
            sequences = Arrays.copyOf(sequences, capacity);
            events = Arrays.copyOf(events, capacity);
        }
        long sequence = nextSequence++;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(timeS, sequence, parent)) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        put(i, timeS, sequence, event);
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public double nextTimeS() {
        if (size == 0) {
            throw new java.util.NoSuchElementException("no events");
        }
        return times[0];
    }

    public SimEvent poll() {
        if (size == 0) {
            throw new java.util.NoSuchElementException("no events");
        }
        SimEvent first = events[0];
        int last = --size;
        double time = times[last];
        long sequence = sequences[last];
        SimEvent event = events[last];
        events[last] = null;
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(times[child + 1], sequences[child + 1], child)) {
                child++;
            }
            if (!lessThan(child, time, sequence)) {
                break;
            }
            move(child, i);
            i = child;
        }
        if (size > 0) {
            put(i, time, sequence, event);
        }
        return first;
    }

    public int size() {
        return size;
    }

    /** True when (time, sequence) comes before the event at {@code i}. */
    private boolean before(double time, long sequence, int i) {
        return time < times[i] || (time == times[i] && sequence < sequences[i]);
    }

    /** True when the event at {@code i} comes before (time, sequence). */
    private boolean lessThan(int i, double time, long sequence) {
        return times[i] < time || (times[i] == time && sequences[i] < sequence);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        sequences[to] = sequences[from];
        events[to] = events[from];
    }

    private void put(int i, double time, long sequence, SimEvent event) {
        times[i] = time;
        sequences[i] = sequence;
        events[i] = event;
    }
}
