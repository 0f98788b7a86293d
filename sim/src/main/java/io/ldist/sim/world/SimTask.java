package io.ldist.sim.world;

import io.ldist.engine.model.Resources;
import io.ldist.engine.model.TaskId;
import io.ldist.engine.model.TaskRequest;
import io.ldist.scenario.spec.TaskSpec;

/** A task as the simulator tracks it through queueing, runs, failures and failovers. */
public final class SimTask {
    public enum Status { QUEUED, RUNNING, COMPLETED, DROPPED }

    private final long id;
    private final TaskSpec spec;
    private final Resources demand;
    /** Whether the engine is told its tier and wait objective, or serves it in arrival order like any other. */
    private final boolean servedByTier;
    private Status status = Status.QUEUED;
    private double remainingWorkS;
    private int attempts;
    private TaskRequest request;
    private int vm = -1;
    private double startedS = Double.NaN;
    private double firstStartS = Double.NaN;
    private double queuedSinceS;
    private long runSerial;

    public SimTask(long id, TaskSpec spec) {
        this(id, spec, true);
    }

    public SimTask(long id, TaskSpec spec, boolean servedByTier) {
        this.id = id;
        this.servedByTier = servedByTier;
        this.spec = spec;
        this.demand = new Resources(spec.cpuMips(), spec.gpus(), spec.ramMb(), 0);
        this.remainingWorkS = spec.durationS();
        this.queuedSinceS = spec.arrivalS();
    }

    public long id() {
        return id;
    }

    public TaskSpec spec() {
        return spec;
    }

    public Resources demand() {
        return demand;
    }

    public Status status() {
        return status;
    }

    public int vm() {
        return vm;
    }

    public int attempts() {
        return attempts;
    }

    public double remainingWorkS() {
        return remainingWorkS;
    }

    public double firstStartS() {
        return firstStartS;
    }

    public double queuedSinceS() {
        return queuedSinceS;
    }

    /** Identifies the current run, so that the finish event of an abandoned run is recognised as stale. */
    public long runSerial() {
        return runSerial;
    }

    public TaskRequest asRequest() {
        // Made once per attempt: a long queue is read at every whole decision.
        if (request == null || request.attempts() != attempts) {
            request = servedByTier ? new TaskRequest(new TaskId(id), demand, spec.arrivalS(), spec.deadlineS(),
                    attempts, spec.tier(), spec.startByS())
                    : new TaskRequest(new TaskId(id), demand, spec.arrivalS(), spec.deadlineS(), attempts);
        }
        return request;
    }

    void start(int onVm, double now) {
        status = Status.RUNNING;
        vm = onVm;
        startedS = now;
        if (Double.isNaN(firstStartS)) {
            firstStartS = now;
        }
        attempts++;
        runSerial++;
    }

    /** Ends the current run, putting the task back in the queue; keeps its progress when {@code keepProgress}. */
    void requeue(double now, boolean keepProgress) {
        if (!keepProgress) {
            remainingWorkS = spec.durationS();
        } else if (status == Status.RUNNING && !isFrozen()) {
            remainingWorkS = Math.max(0, remainingWorkS - (now - startedS));
        }
        status = Status.QUEUED;
        vm = -1;
        queuedSinceS = now;
        runSerial++;
    }

    /** Stops counting progress at {@code now} (its server crashed): progress so far is kept for a resume. */
    void freeze(double now) {
        if (status == Status.RUNNING && !isFrozen()) {
            remainingWorkS = Math.max(0, remainingWorkS - (now - startedS));
            startedS = Double.NaN;
            runSerial++; // its pending finish will not happen
        }
    }

    boolean isFrozen() {
        return Double.isNaN(startedS);
    }

    void complete() {
        status = Status.COMPLETED;
        vm = -1;
    }

    void drop() {
        status = Status.DROPPED;
        vm = -1;
    }
}
