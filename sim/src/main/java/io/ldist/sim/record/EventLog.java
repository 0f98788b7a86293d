package io.ldist.sim.record;

/** Where events.csv rows go: streamed to a file, kept for a test, or dropped for a benchmark. */
public interface EventLog extends AutoCloseable {
    EventLog NONE = row -> { };

    void accept(EventRow row);

    @Override
    default void close() {
    }
}
