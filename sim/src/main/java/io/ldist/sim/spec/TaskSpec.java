package io.ldist.sim.spec;

/** One task of a task stream: when it arrives, what it needs, how long it runs, when it is due. */
public record TaskSpec(double arrivalS, double cpuMips, double gpus, double ramMb, double durationS, double deadlineS) {
    public TaskSpec {
        if (!(arrivalS >= 0) || !(cpuMips >= 0) || !(gpus >= 0) || !(ramMb >= 0) || !(durationS > 0)
                || !(deadlineS >= arrivalS)) {
            throw new IllegalArgumentException("task needs arrival >= 0, non-negative demand, duration > 0 and "
                    + "deadline >= arrival: " + this);
        }
    }
}
