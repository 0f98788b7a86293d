package io.ldist.engine.consolidate;

import io.ldist.engine.decide.PlanningState;

/** Decides whether a server runs (or would run) too hot, so that VMs should leave it or not be added. */
public interface OverloadDetector {

    /**
     * Whether server {@code host}, holding the VMs the plan gives it, plus VM {@code extraVm} when it is
     * {@code >= 0}, is overloaded.
     */
    boolean isOverloaded(int host, PlanningState plan, int extraVm);
}
