package io.ldist.live.state;

import io.ldist.engine.model.TaskRequest;

/** A task a client submitted, from its arrival to its end. */
public final class LiveTask {
    /** Where a task is in its life, as the API names it. */
    public enum Phase {
        QUEUED, RUNNING, DONE, FAILED, EXPIRED;

        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public boolean ended() {
            return this != QUEUED && this != RUNNING;
        }
    }

    final TaskRequest request;
    final double leaseS;
    Phase phase = Phase.QUEUED;
    int vm = -1;
    int host = -1;
    double startedAtS = Double.NaN;
    double endedAtS = Double.NaN;

    LiveTask(TaskRequest request, double leaseS) {
        this.request = request;
        this.leaseS = leaseS;
    }

    public TaskRequest request() {
        return request;
    }

    public long id() {
        return request.id().value();
    }

    public Phase phase() {
        return phase;
    }

    public int vm() {
        return vm;
    }

    public int host() {
        return host;
    }

    public double startedAtS() {
        return startedAtS;
    }

    public double endedAtS() {
        return endedAtS;
    }

    public double leaseS() {
        return leaseS;
    }
}
