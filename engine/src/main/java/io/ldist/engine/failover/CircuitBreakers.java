package io.ldist.engine.failover;

import io.ldist.engine.decide.DecisionStep;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.dispatch.HostGate;
import io.ldist.engine.model.BreakerState;
import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostId;
import io.ldist.engine.plan.BreakerChanged;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.util.IntList;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One circuit breaker per server, fed by the task outcomes the view reports. Closed: tasks flow. Open (the
 * error rate over the window crossed the threshold): no new tasks. After {@code openS} it is half-open: one
 * probe task may go; success closes it, failure opens it again.
 *
 * <p>This is the engine's only memory of task outcomes: it sees the cumulative counters at each decision
 * and keeps the differences, so the same views give the same states. The work per decision is proportional
 * to the servers whose outcomes changed, not to the fleet: each server keeps the sums of its window, outcomes
 * leave the windows through one queue in time order, and open breakers wait in another in the order they
 * opened, so only servers whose window or clock moved are looked at again.
 */
public final class CircuitBreakers implements DecisionStep, HostGate {
    private final CircuitBreakerSettings settings;
    private BreakerState[] state = new BreakerState[0];
    /** The state last noted in a plan, so that each change is noted once. */
    private BreakerState[] reported = new BreakerState[0];
    private long[] lastSuccesses = new long[0];
    private long[] lastFailures = new long[0];
    private boolean[] probeInFlight = new boolean[0];
    /** Outcomes in each server's window, summed; a window's generation changes when it is cleared. */
    private long[] windowSuccesses = new long[0];
    private long[] windowFailures = new long[0];
    private int[] generation = new int[0];
    /** Every window's outcomes in time order: {time, host, generation, successes, failures}. */
    private final ArrayDeque<double[]> outcomes = new ArrayDeque<>();
    /** Breakers as they opened, oldest first: {opened at, host, generation when opened}. */
    private final ArrayDeque<double[]> opened = new ArrayDeque<>();
    private boolean[] touched = new boolean[0];
    private final IntList touchedHosts = new IntList();
    /** The servers whose breaker changed in the last call (read by the caller before the next). */
    private final IntList changed = new IntList();

    public CircuitBreakers(CircuitBreakerSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean respondsTo(Trigger trigger) {
        return true;
    }

    /** In a whole decision every server's counters are read. */
    @Override
    public void decide(PlanningState plan, Plan.Builder actions) {
        ClusterView view = plan.view();
        ensureCapacity(view.hostCount());
        double now = view.nowS();
        for (int h = 0; h < view.hostCount(); h++) {
            readOutcomes(view, h, now);
        }
        settle(now, actions);
    }

    /**
     * Between whole decisions, only the counters of {@code hosts} (where tasks ended) changed. Returns the
     * servers whose gate may have changed (their breaker changed state), for the dispatch index: a list this
     * object reuses, valid until its next call.
     */
    @Override
    public IntList observe(ClusterView view, IntList hosts, Plan.Builder actions) {
        ensureCapacity(view.hostCount());
        double now = view.nowS();
        for (int i = 0; i < hosts.size(); i++) {
            readOutcomes(view, hosts.get(i), now);
        }
        return settle(now, actions);
    }

    private void readOutcomes(ClusterView view, int h, double now) {
        long successes = view.hostTaskSuccesses(h);
        long failures = view.hostTaskFailures(h);
        long newSuccesses = successes - lastSuccesses[h];
        long newFailures = failures - lastFailures[h];
        if (newSuccesses == 0 && newFailures == 0) {
            return;
        }
        lastSuccesses[h] = successes;
        lastFailures[h] = failures;
        windowSuccesses[h] += newSuccesses;
        windowFailures[h] += newFailures;
        outcomes.addLast(new double[] {now, h, generation[h], newSuccesses, newFailures});
        touch(h);
        if (state[h] == BreakerState.HALF_OPEN) {
            if (newFailures > 0) {
                open(h, now);
            } else if (newSuccesses > 0 && probeInFlight[h]) {
                state[h] = BreakerState.CLOSED;
                clearWindow(h);
            }
        }
    }

    /** Ages the windows, lets due breakers half-open, checks the closed ones that changed; notes every change. */
    private IntList settle(double now, Plan.Builder actions) {
        while (!outcomes.isEmpty() && outcomes.peekFirst()[0] < now - settings.windowS()) {
            double[] old = outcomes.removeFirst();
            int h = (int) old[1];
            if ((int) old[2] == generation[h]) {
                windowSuccesses[h] -= (long) old[3];
                windowFailures[h] -= (long) old[4];
                touch(h);
            }
        }
        while (!opened.isEmpty() && now - opened.peekFirst()[0] >= settings.openS()) {
            double[] due = opened.removeFirst();
            int h = (int) due[1];
            if (state[h] == BreakerState.OPEN && (int) due[2] == generation[h]) {
                state[h] = BreakerState.HALF_OPEN;
                probeInFlight[h] = false;
                touch(h);
            }
        }
        IntList changed = this.changed;
        changed.clear();
        for (int i = 0; i < touchedHosts.size(); i++) {
            int h = touchedHosts.get(i);
            touched[h] = false;
            if (state[h] == BreakerState.CLOSED) {
                long ok = windowSuccesses[h];
                long failed = windowFailures[h];
                if (ok + failed >= settings.minTasks()
                        && (double) failed / (ok + failed) >= settings.errorRateThreshold()) {
                    open(h, now);
                }
            }
            if (state[h] != reported[h]) {
                actions.breakerChanged(new BreakerChanged(HostId.of(h), reported[h], state[h]));
                reported[h] = state[h];
                changed.add(h);
            }
        }
        touchedHosts.clear();
        return changed;
    }

    private void open(int h, double now) {
        state[h] = BreakerState.OPEN;
        clearWindow(h);
        opened.addLast(new double[] {now, h, generation[h]});
    }

    private void clearWindow(int h) {
        generation[h]++;
        windowSuccesses[h] = 0;
        windowFailures[h] = 0;
    }

    private void touch(int h) {
        if (!touched[h]) {
            touched[h] = true;
            touchedHosts.add(h);
        }
    }

    /**
     * Every breaker's state, counters and windows, and the queues of outcomes and opened breakers, copied.
     * (Records of arrays compare by identity: compare memories by their parts.)
     */
    public record Memory(BreakerState[] state, BreakerState[] reported, long[] lastSuccesses, long[] lastFailures,
                         boolean[] probeInFlight, long[] windowSuccesses, long[] windowFailures,
                         int[] generation, double[][] outcomes, double[][] opened) {
    }

    @Override
    public Object remember() {
        return new Memory(state.clone(), reported.clone(), lastSuccesses.clone(), lastFailures.clone(),
                probeInFlight.clone(), windowSuccesses.clone(), windowFailures.clone(),
                generation.clone(), copy(outcomes.toArray(new double[0][])), copy(opened.toArray(new double[0][])));
    }

    @Override
    public void recall(Object memory) {
        Memory m = (Memory) memory;
        state = m.state().clone();
        reported = m.reported().clone();
        lastSuccesses = m.lastSuccesses().clone();
        lastFailures = m.lastFailures().clone();
        probeInFlight = m.probeInFlight().clone();
        windowSuccesses = m.windowSuccesses().clone();
        windowFailures = m.windowFailures().clone();
        generation = m.generation().clone();
        touched = new boolean[state.length];
        touchedHosts.clear();
        outcomes.clear();
        for (double[] outcome : copy(m.outcomes())) {
            outcomes.addLast(outcome);
        }
        opened.clear();
        for (double[] open : copy(m.opened())) {
            opened.addLast(open);
        }
    }

    private static double[][] copy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    @Override
    public boolean admits(int host) {
        if (host >= state.length) {
            return true;
        }
        return state[host] == BreakerState.CLOSED || (state[host] == BreakerState.HALF_OPEN && !probeInFlight[host]);
    }

    @Override
    public void routed(int host) {
        if (host < state.length && state[host] == BreakerState.HALF_OPEN) {
            probeInFlight[host] = true;
        }
    }

    /** The state of the breaker of {@code host} (closed for a server it has not seen yet). */
    public BreakerState state(int host) {
        return host < state.length ? state[host] : BreakerState.CLOSED;
    }

    /** True when the breaker of {@code host} refuses tasks (open, or half-open with its probe out). */
    public boolean isOpen(int host) {
        return !admits(host);
    }

    private void ensureCapacity(int hosts) {
        int old = state.length;
        if (hosts <= old) {
            return;
        }
        int capacity = Math.max(hosts, old * 2);
        state = Arrays.copyOf(state, capacity);
        reported = Arrays.copyOf(reported, capacity);
        lastSuccesses = Arrays.copyOf(lastSuccesses, capacity);
        lastFailures = Arrays.copyOf(lastFailures, capacity);
        probeInFlight = Arrays.copyOf(probeInFlight, capacity);
        windowSuccesses = Arrays.copyOf(windowSuccesses, capacity);
        windowFailures = Arrays.copyOf(windowFailures, capacity);
        generation = Arrays.copyOf(generation, capacity);
        touched = Arrays.copyOf(touched, capacity);
        Arrays.fill(state, old, capacity, BreakerState.CLOSED);
        Arrays.fill(reported, old, capacity, BreakerState.CLOSED);
    }
}
