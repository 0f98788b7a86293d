package io.ldist.live.loop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The distributor's counters, by name, in the order GET /metrics and the round log show them. Every name is declared
 * here once; counting a name not declared is a bug, and fails. Read from any thread, counted under the lock.
 */
final class LiveCounters {
    private static final List<String> NAMES = List.of("tasks_submitted", "tasks_assigned", "tasks_queued",
            "tasks_finished", "tasks_failed", "tasks_expired", "plans_applied", "plans_shown", "plans_refused",
            "actions_applied", "actions_skipped", "actions_failed", "boots_abandoned", "observations",
            "observation_errors");

    /** Filled once here and never changed in shape, so reading it needs no lock. */
    private final Map<String, AtomicLong> counters = new LinkedHashMap<>();

    LiveCounters() {
        for (String name : NAMES) {
            counters.put(name, new AtomicLong());
        }
    }

    void count(String name) {
        counters.get(name).incrementAndGet();
    }

    /** Every counter's value now, in declaration order. */
    Map<String, Long> snapshot() {
        Map<String, Long> copy = new LinkedHashMap<>();
        counters.forEach((name, value) -> copy.put(name, value.get()));
        return copy;
    }
}
