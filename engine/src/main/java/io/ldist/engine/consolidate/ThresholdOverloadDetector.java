package io.ldist.engine.consolidate;

import io.ldist.engine.decide.PlanView;

/** Static threshold (THR): overloaded when the CPU its VMs ask for exceeds a fixed share of its capacity. */
public final class ThresholdOverloadDetector implements OverloadDetector {
    private final double threshold;

    public ThresholdOverloadDetector(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("overload threshold must be in (0, 1], was " + threshold);
        }
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public double utilizationCeiling() {
        return threshold;
    }

    @Override
    public boolean isOverloaded(int host, PlanView plan, int extraVm) {
        double demand = plan.demandCpu(host) + (extraVm >= 0 ? plan.vmDemandCpu(extraVm) : 0);
        return demand / plan.capacityMips(host) > threshold;
    }
}
