package io.ldist.engine.failover;

import io.ldist.engine.decide.DecisionStep;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.dispatch.HostGate;
import io.ldist.engine.model.ClusterView;
import io.ldist.engine.plan.Plan;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One circuit breaker per server, fed by the task outcomes the view reports. Closed: tasks flow. Open (the
 * error rate over the window crossed the threshold): no new tasks. After {@code openS} it is half-open: one
 * probe task may go; success closes it, failure opens it again.
 *
 * <p>This is the engine's only memory of task outcomes: it sees the cumulative counters at each decision
 * and keeps the differences, so the same views give the same states.
 */
public final class CircuitBreakers implements DecisionStep, HostGate {
    /** Closed: tasks flow; open: none; half-open: one probe may go. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final CircuitBreakerSettings settings;
    private State[] state = new State[0];
    private long[] lastSuccesses = new long[0];
    private long[] lastFailures = new long[0];
    private double[] openedAtS = new double[0];
    private boolean[] probeInFlight = new boolean[0];
    @SuppressWarnings("unchecked")
    private ArrayDeque<double[]>[] window = new ArrayDeque[0];

    public CircuitBreakers(CircuitBreakerSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean respondsTo(Trigger trigger) {
        return true;
    }

    @Override
    public void decide(PlanningState plan, Plan.Builder actions) {
        ClusterView view = plan.view();
        ensureCapacity(view.hostCount());
        double now = view.nowS();
        for (int h = 0; h < view.hostCount(); h++) {
            long successes = view.hostTaskSuccesses(h);
            long failures = view.hostTaskFailures(h);
            long newSuccesses = successes - lastSuccesses[h];
            long newFailures = failures - lastFailures[h];
            lastSuccesses[h] = successes;
            lastFailures[h] = failures;
            if (newSuccesses > 0 || newFailures > 0) {
                window[h].addLast(new double[] {now, newSuccesses, newFailures});
            }
            while (!window[h].isEmpty() && window[h].peekFirst()[0] < now - settings.windowS()) {
                window[h].removeFirst();
            }
            advance(h, now, newSuccesses, newFailures);
        }
    }

    private void advance(int h, double now, long newSuccesses, long newFailures) {
        switch (state[h]) {
            case CLOSED -> {
                double ok = 0;
                double failed = 0;
                for (double[] outcome : window[h]) {
                    ok += outcome[1];
                    failed += outcome[2];
                }
                if (ok + failed >= settings.minTasks() && failed / (ok + failed) >= settings.errorRateThreshold()) {
                    open(h, now);
                }
            }
            case OPEN -> {
                if (now - openedAtS[h] >= settings.openS()) {
                    state[h] = State.HALF_OPEN;
                    probeInFlight[h] = false;
                }
            }
            case HALF_OPEN -> {
                if (newFailures > 0) {
                    open(h, now);
                } else if (newSuccesses > 0 && probeInFlight[h]) {
                    state[h] = State.CLOSED;
                    window[h].clear();
                }
            }
        }
    }

    private void open(int h, double now) {
        state[h] = State.OPEN;
        openedAtS[h] = now;
        window[h].clear();
    }

    @Override
    public boolean admits(int host) {
        if (host >= state.length) {
            return true;
        }
        return state[host] == State.CLOSED || (state[host] == State.HALF_OPEN && !probeInFlight[host]);
    }

    @Override
    public void routed(int host) {
        if (host < state.length && state[host] == State.HALF_OPEN) {
            probeInFlight[host] = true;
        }
    }

    /** The state of the breaker of {@code host} (closed for a server it has not seen yet). */
    public State state(int host) {
        return host < state.length ? state[host] : State.CLOSED;
    }

    /** True when the breaker of {@code host} refuses tasks (open, or half-open with its probe out). */
    public boolean isOpen(int host) {
        return !admits(host);
    }

    @SuppressWarnings("unchecked")
    private void ensureCapacity(int hosts) {
        int old = state.length;
        if (hosts <= old) {
            return;
        }
        state = Arrays.copyOf(state, hosts);
        lastSuccesses = Arrays.copyOf(lastSuccesses, hosts);
        lastFailures = Arrays.copyOf(lastFailures, hosts);
        openedAtS = Arrays.copyOf(openedAtS, hosts);
        probeInFlight = Arrays.copyOf(probeInFlight, hosts);
        window = Arrays.copyOf(window, hosts);
        for (int h = old; h < hosts; h++) {
            state[h] = State.CLOSED;
            window[h] = new ArrayDeque<>();
        }
    }
}
