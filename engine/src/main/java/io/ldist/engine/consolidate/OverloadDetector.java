package io.ldist.engine.consolidate;

import io.ldist.engine.decide.PlanView;

/** Decides whether a server runs (or would run) too hot, so that VMs should leave it or not be added. */
public interface OverloadDetector {

    /**
     * Whether server {@code host}, holding the VMs the plan gives it, plus VM {@code extraVm} when it is
     * {@code >= 0}, is overloaded.
     */
    boolean isOverloaded(int host, PlanView plan, int extraVm);

    /**
     * A utilisation above which a server is overloaded whatever else holds (1 when there is no such fixed
     * ceiling): lets a search skip servers too full to take a VM without asking the detector about each.
     */
    default double utilizationCeiling() {
        return 1;
    }
}
