package io.ldist.sim.kernel;

import java.util.PriorityQueue;

/**
 * Future events ordered by (time, sequence): events at the same time keep the order they were scheduled in,
 * which makes runs repeatable.
 */
public final class EventQueue {
    private record Entry(double timeS, long sequence, SimEvent event) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = Double.compare(timeS, other.timeS);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final PriorityQueue<Entry> entries = new PriorityQueue<>();
    private long nextSequence;

    public void schedule(double timeS, SimEvent event) {
        if (!(timeS >= 0) || Double.isInfinite(timeS)) {
            throw new IllegalArgumentException("event time must be finite and >= 0, was " + timeS + " for " + event);
        }
        entries.add(new Entry(timeS, nextSequence++, event));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public double nextTimeS() {
        return entries.peek().timeS();
    }

    public SimEvent poll() {
        return entries.poll().event();
    }

    public int size() {
        return entries.size();
    }
}
