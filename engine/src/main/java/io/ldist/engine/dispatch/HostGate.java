package io.ldist.engine.dispatch;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.util.IntList;

/** Whether new tasks may be routed to a server (a circuit breaker closes the gate on a failing one). */
public interface HostGate {
    HostGate ALWAYS_OPEN = new HostGate() {
        @Override
        public boolean admits(int host) {
            return true;
        }

        @Override
        public void routed(int host) {
        }
    };

    boolean admits(int host);

    /** Told each time a task is routed to {@code host}, so a half-open breaker lets only one probe through. */
    void routed(int host);

    /**
     * Between whole decisions, tasks ended on {@code hosts}: the gate reads their outcomes, notes its changes in
     * the plan, and returns the servers whose gate changed. A gate that reads no outcomes changes never.
     */
    default IntList observe(ClusterView view, IntList hosts, Plan.Builder actions) {
        return new IntList();
    }
}
