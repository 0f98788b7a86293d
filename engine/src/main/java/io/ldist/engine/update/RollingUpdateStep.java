package io.ldist.engine.update;

import io.ldist.engine.decide.DecisionStep;
import io.ldist.engine.decide.Moves;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.HostId;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.place.HostSearch;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.plan.LaunchHost;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.plan.ResumeHost;
import io.ldist.engine.plan.UpdateHost;
import io.ldist.engine.plan.UpdateProgress;
import io.ldist.engine.score.Scorer;
import io.ldist.engine.util.IntList;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rolling updates: updates the servers an operator selected, a batch at a time, without an outage. For each
 * batch it first adds as many servers as the batch holds (resumed from the standby pool, else launched, within
 * the fleet's maximum) and waits for them to be in service; then it takes the not-yet-updated servers with the
 * lowest observed load, as many as the batch rule and the disruption budget allow, moves their VMs away (trace
 * fleets; task fleets let running tasks finish) and updates them ({@link UpdateHost}); once all of them are back
 * it waits the pause and starts the next. The added servers stay until the update ends; scale-in then removes
 * what the fleet no longer needs. While an update runs, the servers it relies on are held in service.
 *
 * <p>The abort rule is checked at every tick while capacity is being added or a batch is under way: once
 * breached, no new batch starts and the update ends when the current one is back. Requests queue: one update
 * runs at a time, in the order they were requested.
 */
public final class RollingUpdateStep implements DecisionStep {
    private final Scorer scorer;
    private final PlacementPolicy placement;
    private final int maxHosts;
    private final boolean drainByMigration;
    private final ArrayDeque<UpdateRequest> queued = new ArrayDeque<>();
    private int requested;
    private RollingUpdate current;

    /**
     * @param maxHosts         most running servers the fleet may have (the scaling maximum), added capacity included
     * @param drainByMigration move a batch's VMs to other servers (trace fleets); false lets a task fleet's
     *                         running tasks finish instead (its VMs are the servers' own and go with them)
     */
    public RollingUpdateStep(Scorer scorer, PlacementPolicy placement, int maxHosts, boolean drainByMigration) {
        this.scorer = scorer;
        this.placement = placement;
        this.maxHosts = maxHosts;
        this.drainByMigration = drainByMigration;
    }

    /** Queues an update; it starts at the next decision once the updates requested before it are over. */
    public void request(UpdateRequest request) {
        queued.addLast(request);
    }

    /** Updates queued or under way. */
    public boolean busy() {
        return current != null || !queued.isEmpty();
    }

    /** The queued requests, how many were ever requested, and the update under way (null when none). */
    public record Memory(List<UpdateRequest> queued, int requested, RollingUpdate.Memory current) {
        public Memory {
            queued = List.copyOf(queued);
        }
    }

    @Override
    public Object remember() {
        return new Memory(new ArrayList<>(queued), requested, current == null ? null : current.remember());
    }

    @Override
    public void recall(Object memory) {
        Memory m = (Memory) memory;
        queued.clear();
        queued.addAll(m.queued());
        requested = m.requested();
        current = m.current() == null ? null : RollingUpdate.recall(m.current());
    }

    /** Every whole decision: the holds must be in place whenever a step that retires servers runs. */
    @Override
    public boolean respondsTo(Trigger trigger) {
        return trigger == Trigger.TICK || trigger == Trigger.HEALTH_CHECK || trigger == Trigger.CAPACITY_FREED;
    }

    @Override
    public void decide(PlanningState plan, Plan.Builder actions) {
        if (current == null && !queued.isEmpty()) {
            current = start(queued.pollFirst(), plan, actions);
        }
        if (current == null) {
            return;
        }
        RollingUpdate u = current;
        dropServersThatLeft(u, plan);
        hold(u, plan);
        // Only while a batch is still to start: once none is, stopping early would stop nothing.
        if (plan.trigger() == Trigger.TICK && u.phase != RollingUpdate.Phase.PAUSED && !u.aborted()
                && !u.pending.isEmpty()) {
            String breach = u.request.abortIf().breach(plan);
            if (breach != null) {
                u.abortReason = breach;
                actions.updateProgressed(new UpdateProgress(UpdateProgress.Stage.ABORTED, u.number, u.batchNumber,
                        RollingUpdate.ids(u.batch), "aborted: " + breach + "; the current batch finishes"));
            }
        }
        if (u.phase == RollingUpdate.Phase.IN_BATCH) {
            followBatch(u, plan, actions);
        }
        if (u.phase == RollingUpdate.Phase.ADDING_CAPACITY && u.pending.isEmpty()) {
            u.phase = RollingUpdate.Phase.PAUSED; // what was left to update failed meanwhile: nothing to start
        }
        if (u.phase == RollingUpdate.Phase.PAUSED && (u.aborted() || u.pending.isEmpty())) {
            finish(u, actions);
            return;
        }
        if (u.phase == RollingUpdate.Phase.PAUSED && plan.nowS() >= u.nextBatchAtS) {
            addCapacity(u, plan, actions);
            u.phase = RollingUpdate.Phase.ADDING_CAPACITY;
        }
        if (u.phase == RollingUpdate.Phase.ADDING_CAPACITY && addedCapacityInService(u, plan)) {
            startBatch(u, plan, actions);
        }
    }

    /** Selects the servers in service that the request names; an update that selects none is over at once. */
    private RollingUpdate start(UpdateRequest request, PlanningState plan, Plan.Builder actions) {
        IntList selected = new IntList();
        for (int h = 0; h < plan.hostCount(); h++) {
            if (plan.hostState(h) == HostState.ACTIVE && request.hosts().selects(h, plan.hostType(h))) {
                selected.add(h);
            }
        }
        RollingUpdate u = new RollingUpdate(requested++, request, selected);
        actions.updateProgressed(new UpdateProgress(UpdateProgress.Stage.STARTED, u.number, 0,
                RollingUpdate.ids(selected), String.format(Locale.ROOT, "rolling update of %s: %d servers, %d per "
                        + "batch", request.describe(), u.selected, u.perBatch)));
        if (selected.isEmpty()) {
            finish(u, actions);
            return null;
        }
        return u;
    }

    /** Servers still to update that failed or were retired meanwhile are not updated: they left the fleet. */
    private static void dropServersThatLeft(RollingUpdate u, PlanningState plan) {
        for (int i = u.pending.size() - 1; i >= 0; i--) {
            int h = u.pending.get(i);
            if (RollingUpdate.leftService(plan.hostState(h))) {
                u.pending.removeSorted(h);
                u.leftBeforeUpdate++;
            }
        }
    }

    private static void hold(RollingUpdate u, PlanningState plan) {
        for (IntList hosts : List.of(u.pending, u.batch, u.added)) {
            for (int i = 0; i < hosts.size(); i++) {
                plan.holdForUpdate(hosts.get(i));
            }
        }
    }

    /**
     * Adds servers until those added for the update and still in service can take a whole batch's place, within
     * the fleet's maximum: standby servers first (they resume faster), then launches of the next batch's type.
     */
    private void addCapacity(RollingUpdate u, PlanningState plan, Plan.Builder actions) {
        int inService = 0;
        for (int i = 0; i < u.added.size(); i++) {
            inService += RollingUpdate.leftService(plan.hostState(u.added.get(i))) ? 0 : 1;
        }
        int running = 0;
        for (int h = 0; h < plan.hostCount(); h++) {
            running += plan.hostState(h).isRunning() ? 1 : 0;
        }
        int wanted = Math.min(Math.min(u.perBatch, u.pending.size()) - inService, maxHosts - running);
        for (int h = 0; h < plan.hostCount() && wanted > 0; h++) {
            if (plan.hostState(h) == HostState.STANDBY) {
                plan.setHostState(h, plan.hostType(h).resumeTimeS() == 0 ? HostState.ACTIVE : HostState.BOOTING);
                actions.add(new ResumeHost(HostId.of(h), Reason.ROLLING_UPDATE));
                u.added.add(h);
                plan.holdForUpdate(h);
                wanted--;
            }
        }
        HostType type = plan.hostType(u.pending.get(0));
        for (; wanted > 0; wanted--) {
            HostId launched = actions.nextLaunchedHost(plan.hostCount());
            actions.add(new LaunchHost(launched, type, false, Reason.ROLLING_UPDATE));
            u.added.add(launched.index()); // held from the next decision on, once it is in the view
        }
    }

    private static boolean addedCapacityInService(RollingUpdate u, PlanningState plan) {
        for (int i = 0; i < u.added.size(); i++) {
            int h = u.added.get(i);
            if (h >= plan.hostCount() || plan.hostState(h) == HostState.BOOTING) {
                return false;
            }
        }
        return true;
    }

    /**
     * Takes the pending servers with the lowest observed load out of service, as many as the batch rule allows
     * and the disruption budget has room for; with no room at all it tries again at the next decision.
     */
    private void startBatch(RollingUpdate u, PlanningState plan, Plan.Builder actions) {
        IntList candidates = new IntList();
        for (int i = 0; i < u.pending.size(); i++) {
            int h = u.pending.get(i);
            if (plan.hostState(h) == HostState.ACTIVE) {
                candidates.add(h);
            }
        }
        Integer[] order = new Integer[candidates.size()];
        double[] load = new double[plan.hostCount()];
        for (int i = 0; i < order.length; i++) {
            order[i] = candidates.get(i);
            load[order[i]] = scorer.hostLoad(order[i], plan);
        }
        java.util.Arrays.sort(order, (a, b) -> load[a] != load[b] ? Double.compare(load[a], load[b])
                : Integer.compare(a, b));
        for (int h : order) {
            if (u.batch.size() == u.perBatch || !plan.mayDisrupt(h)) {
                break;
            }
            u.pending.removeSorted(h);
            u.batch.add(h);
            u.batchMembers.add(h);
            plan.setHostState(h, HostState.DRAINING);
            if (drainByMigration) {
                moveVmsOff(h, plan, actions);
            }
            actions.add(new UpdateHost(HostId.of(h), u.request.downtimeS(), Reason.ROLLING_UPDATE));
        }
        if (u.batch.isEmpty()) {
            return;
        }
        u.batchNumber++;
        u.phase = RollingUpdate.Phase.IN_BATCH;
        actions.updateProgressed(new UpdateProgress(UpdateProgress.Stage.BATCH_STARTED, u.number, u.batchNumber,
                RollingUpdate.ids(u.batch), String.format(Locale.ROOT, "batch %d: %d servers out of service, %d "
                        + "to go after it", u.batchNumber, u.batch.size(), u.pending.size())));
    }

    /** Moves what a batch server runs to servers outside the batch; what finds no room waits for the next try. */
    private void moveVmsOff(int host, PlanningState plan, Plan.Builder actions) {
        for (int i = plan.vmCountOn(host) - 1; i >= 0; i--) {
            int vm = plan.vmOn(host, i);
            if (plan.vmMigrating(vm)) {
                continue;
            }
            int target = HostSearch.best(vm, plan, placement, h -> h == host, null);
            if (target >= 0) {
                Moves.migrate(vm, target, Reason.ROLLING_UPDATE, plan, actions);
            }
        }
    }

    /** Servers of the batch come back active (updated) or leave the fleet; those still draining are helped on. */
    private void followBatch(RollingUpdate u, PlanningState plan, Plan.Builder actions) {
        for (int h : u.batch.toArray()) {
            HostState state = plan.hostState(h);
            if (state == HostState.ACTIVE) {
                u.batch.removeValue(h);
                u.updated.add(h);
            } else if (RollingUpdate.leftService(state)) {
                u.batch.removeValue(h);
                u.leftBeforeUpdate++;
            } else if (state == HostState.DRAINING && drainByMigration) {
                moveVmsOff(h, plan, actions);
            }
        }
        if (!u.batch.isEmpty()) {
            return;
        }
        actions.updateProgressed(new UpdateProgress(UpdateProgress.Stage.BATCH_DONE, u.number, u.batchNumber,
                RollingUpdate.ids(u.batchMembers), String.format(Locale.ROOT, "batch %d back in service: %d of %d "
                        + "servers updated", u.batchNumber, u.updated.size(), u.selected)));
        u.batchMembers.clear();
        u.phase = RollingUpdate.Phase.PAUSED;
        u.nextBatchAtS = plan.nowS() + u.request.pauseS();
    }

    private void finish(RollingUpdate u, Plan.Builder actions) {
        String how = u.aborted() ? "aborted" : "done";
        actions.updateProgressed(new UpdateProgress(UpdateProgress.Stage.FINISHED, u.number, u.batchNumber,
                RollingUpdate.ids(u.updated), String.format(Locale.ROOT, "rolling update %s: %d of %d servers "
                        + "updated in %d batches, %d failed or left before their update, %d not started", how,
                        u.updated.size(), u.selected, u.batchNumber, u.leftBeforeUpdate, u.pending.size())));
        current = null;
    }
}
