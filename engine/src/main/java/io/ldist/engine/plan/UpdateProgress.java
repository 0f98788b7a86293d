package io.ldist.engine.plan;

import io.ldist.engine.model.HostId;

import java.util.List;
import java.util.Objects;

/**
 * A note in a plan, not an action: how a rolling update advanced at this decision. Drivers log it (the
 * simulator's events.csv, and its update metrics from them), so that an update's batches can be followed.
 *
 * @param update  which update, counted from 0 in the order they were requested
 * @param batch   the batch this note is about, counted from 1 (0 for notes about the whole update)
 * @param hosts   the servers concerned (a batch's, or those selected when the update starts)
 * @param detail  one sentence for the log
 */
public record UpdateProgress(Stage stage, int update, int batch, List<HostId> hosts, String detail) {
    public enum Stage {
        /** The update chose its servers. */
        STARTED,
        /** A batch was taken out of service (drained, then updated). */
        BATCH_STARTED,
        /** Every server of a batch is back in service (or left the fleet meanwhile). */
        BATCH_DONE,
        /** The abort rule was breached: no new batch starts, the current one finishes. */
        ABORTED,
        /** The last batch is back: the update is over. */
        FINISHED
    }

    public UpdateProgress {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(detail, "detail");
        hosts = List.copyOf(hosts);
    }
}
