package io.ldist.engine.consolidate;

import io.ldist.engine.decide.DecisionStep;
import io.ldist.engine.decide.Moves;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.HostId;
import io.ldist.engine.model.HostState;
import io.ldist.engine.place.HostSearch;
import io.ldist.engine.place.PlacementOrder;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.plan.DrainHost;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.util.IntList;
import io.ldist.engine.util.StableOrder;

import java.util.Objects;

/**
 * Dynamic VM consolidation as in Beloglazov and Buyya (2012), made of four exchangeable parts:
 * <ol>
 *   <li>an {@link OverloadDetector} finds servers that run too hot;</li>
 *   <li>a {@link VmSelector} picks VMs to take off each of them until it is no longer overloaded;</li>
 *   <li>a {@link PlacementPolicy} finds new servers for those VMs (largest first), never one the detector would
 *       then call overloaded, nor an overloaded one;</li>
 *   <li>an optional {@link UnderloadPolicy}: qualifying servers, least utilised first, are emptied when all
 *       their VMs fit elsewhere, then drained and switched off.</li>
 * </ol>
 * Servers that just received VMs from overloaded ones are not emptied in the same round unless the underload
 * policy says otherwise (a VM moved twice then makes one net move), and an emptied server receives nothing. Switched-off servers may receive VMs from overloaded servers but not from underloaded ones
 * (waking a server to empty another saves nothing).
 */
public final class ConsolidationStep implements DecisionStep {
    private final OverloadDetector detector;
    private final VmSelector selector;
    private final PlacementPolicy placement;
    private final UnderloadPolicy underload;

    /** @param underload null to skip underload consolidation */
    public ConsolidationStep(OverloadDetector detector, VmSelector selector, PlacementPolicy placement,
                             UnderloadPolicy underload) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.selector = Objects.requireNonNull(selector, "selector");
        this.placement = Objects.requireNonNull(placement, "placement");
        this.underload = underload;
    }

    public OverloadDetector detector() {
        return detector;
    }

    @Override
    public boolean respondsTo(Trigger trigger) {
        return trigger == Trigger.TICK;
    }

    @Override
    public void decide(PlanningState plan, Plan.Builder actions) {
        int hosts = plan.hostCount();
        boolean[] overloaded = new boolean[hosts];
        boolean[] received = new boolean[hosts];
        relieveOverloadedHosts(plan, actions, overloaded, received);
        if (underload != null) {
            emptyUnderloadedHosts(plan, actions, overloaded, received);
        }
    }

    private void relieveOverloadedHosts(PlanningState plan, Plan.Builder actions, boolean[] overloaded,
                                        boolean[] received) {
        IntList overloadedHosts = new IntList();
        for (int h = 0; h < plan.hostCount(); h++) {
            if (plan.hostState(h) == HostState.ACTIVE && plan.vmCountOn(h) > 0
                    && detector.isOverloaded(h, plan, -1)) {
                overloaded[h] = true;
                overloadedHosts.add(h);
            }
        }
        for (int i = 0; i < overloadedHosts.size(); i++) {
            plan.closeToVms(overloadedHosts.get(i)); // an overloaded server receives nothing this round
        }
        IntList leaving = new IntList();
        IntList sources = new IntList();
        for (int i = 0; i < overloadedHosts.size(); i++) {
            int h = overloadedHosts.get(i);
            while (true) {
                int vm = selector.select(h, plan);
                if (vm < 0) {
                    break;
                }
                plan.remove(vm);
                leaving.add(vm);
                sources.add(h);
                if (!detector.isOverloaded(h, plan, -1)) {
                    break;
                }
            }
        }
        for (int index : PlacementOrder.of(leaving, placement, plan::vmDemandCpu)) {
            int vm = leaving.get(index);
            int source = sources.get(index);
            int target = plan.mayDisrupt(source) ? HostSearch.best(vm, plan, placement, h -> overloaded[h], detector)
                    : -1; // the disruption budget is spent: it stays, and waits for a later round
            if (target < 0) {
                plan.place(vm, source); // no room anywhere: it stays, and its server stays overloaded
                continue;
            }
            plan.place(vm, source);
            Moves.migrate(vm, target, Reason.OVERLOAD, plan, actions);
            received[target] = true;
        }
    }

    private void emptyUnderloadedHosts(PlanningState plan, Plan.Builder actions, boolean[] overloaded,
                                       boolean[] received) {
        int hosts = plan.hostCount();
        boolean[] noTarget = new boolean[hosts];
        IntList candidates = new IntList();
        for (int h = 0; h < hosts; h++) {
            boolean switchedOff = plan.measuredUtilization(h) == 0;
            noTarget[h] = overloaded[h] || switchedOff;
            boolean spared = received[h] && underload.sparesFreshTargets();
            if (!noTarget[h] && !spared && plan.hostState(h) == HostState.ACTIVE && plan.vmCountOn(h) > 0
                    && !anyMigrating(h, plan) && underload.qualifies(h, plan)) {
                candidates.add(h);
            }
        }
        // Least utilised first, ties by index (candidates are in index order and the sort is stable).
        int[] order = StableOrder.byKey(candidates.size(), i -> plan.measuredUtilization(candidates.get(i)));
        for (int i = 0; i < order.length; i++) {
            order[i] = candidates.get(order[i]);
        }
        // Servers that cannot be targets leave the search for this phase, so no search has to skip them.
        IntList closedForPhase = new IntList();
        for (int h = 0; h < hosts; h++) {
            if (noTarget[h] && !plan.closedToVms(h) && plan.vmCountOn(h) > 0) {
                plan.closeToVms(h);
                closedForPhase.add(h);
            }
        }
        boolean[] becameTarget = new boolean[hosts];
        for (int h : order) {
            if (becameTarget[h] || !plan.mayDisrupt(h) || plan.heldForUpdate(h)) {
                continue;
            }
            noTarget[h] = true;
            plan.closeToVms(h); // tried once: it receives nothing for the rest of the round
            int[] targets = tryToEmpty(h, plan, noTarget);
            if (targets == null) {
                continue;
            }
            for (int i = 0; i < targets.length; i += 2) {
                Moves.migrated(targets[i], targets[i + 1], Reason.UNDERLOAD, plan, actions);
                becameTarget[targets[i + 1]] = true;
            }
            plan.setHostState(h, HostState.DRAINING);
            actions.add(new DrainHost(HostId.of(h), DrainHost.AfterDrain.STOP, Reason.UNDERLOAD));
        }
        for (int i = 0; i < closedForPhase.size(); i++) {
            plan.reopenToVms(closedForPhase.get(i));
        }
    }

    /**
     * Finds a server for every VM of {@code host}, largest first, and leaves them there in the plan when all
     * fit (the caller records the moves); when some VM fits nowhere, puts them all back.
     *
     * @return pairs (vm, target) or null when some VM fits nowhere
     */
    private int[] tryToEmpty(int host, PlanningState plan, boolean[] noTarget) {
        IntList vms = new IntList();
        for (int i = 0, n = plan.vmCountOn(host); i < n; i++) {
            vms.add(plan.vmOn(host, i));
        }
        int[] moves = new int[vms.size() * 2];
        int count = 0;
        for (int index : PlacementOrder.of(vms, placement, plan::vmDemandCpu)) {
            int vm = vms.get(index);
            plan.remove(vm);
            // Switched-off servers are never woken to empty another.
            int target = HostSearch.best(vm, plan, placement, h -> noTarget[h], false, detector);
            if (target < 0) {
                plan.place(vm, host);
                undo(moves, count, host, plan);
                return null;
            }
            plan.place(vm, target);
            moves[count++] = vm;
            moves[count++] = target;
        }
        return moves;
    }

    private static void undo(int[] moves, int count, int host, PlanningState plan) {
        for (int i = 0; i < count; i += 2) {
            plan.remove(moves[i]);
            plan.place(moves[i], host);
        }
    }

    private static boolean anyMigrating(int host, PlanningState plan) {
        for (int i = 0, n = plan.vmCountOn(host); i < n; i++) {
            if (plan.vmMigrating(plan.vmOn(host, i))) {
                return true;
            }
        }
        return false;
    }
}
