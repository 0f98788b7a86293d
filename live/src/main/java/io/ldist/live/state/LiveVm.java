package io.ldist.live.state;

import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;

/** One VM ldist placed: its Hyper-V name (which carries its index), where it runs, and its measured history. */
public final class LiveVm {
    /** Utilisation samples kept per VM, one per observation, newest first (what history-based detectors read). */
    public static final int HISTORY = io.ldist.engine.model.ClusterView.HISTORY_SAMPLES;

    final int index;
    final String name;
    final VmType type;
    VmStatus status = VmStatus.PENDING;
    boolean displaced;
    int host = -1;
    int migrationTarget = -1;
    int runningTasks;
    double taskCpu;
    double taskRam;
    double taskGpu;
    private final double[] history = new double[HISTORY];
    private int historyLength;
    private int newest = -1;

    LiveVm(int index, String name, VmType type) {
        this.index = index;
        this.name = name;
        this.type = type;
    }

    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    public VmType type() {
        return type;
    }

    public VmStatus status() {
        return status;
    }

    public int host() {
        return host;
    }

    public int migrationTarget() {
        return migrationTarget;
    }

    public int runningTasks() {
        return runningTasks;
    }

    void recordUtilization(double fraction) {
        newest = (newest + 1) % HISTORY;
        history[newest] = fraction;
        historyLength = Math.min(HISTORY, historyLength + 1);
    }

    int historyLength() {
        return historyLength;
    }

    double history(int age) {
        if (age < 0 || age >= historyLength) {
            throw new IndexOutOfBoundsException("age " + age + " of " + historyLength);
        }
        return history[Math.floorMod(newest - age, HISTORY)];
    }

    /** The newest measured utilisation, or NaN when none was measured yet. */
    public double lastUtilization() {
        return historyLength == 0 ? Double.NaN : history[newest];
    }
}
