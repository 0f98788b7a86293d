package io.ldist.engine.dispatch;

import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.TaskPath;
import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.TaskChanges;
import io.ldist.engine.model.TaskId;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.model.VmId;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.plan.AssignTask;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.pool.FleetPools;
import io.ldist.engine.util.IntList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Gives queued tasks, higher service tiers first ({@link TaskRequest#tier()}) and within a tier oldest first, to
 * a VM on the server the placement policy ranks best among those that have a VM with a free slot and room for
 * the task (the least-loaded server by default; first fit packs tasks onto the lowest-numbered servers); on that
 * server the VM with the most free CPU takes it. A task that fits nowhere stays queued and younger tasks, or tasks
 * of lower tiers, may pass it (backfilling), so one large task does not hold up the whole queue.
 *
 * <p>It serves both speeds of decision from one {@link DispatchIndex}. In a whole decision
 * ({@link #dispatchQueue}) it loads the index from the plan and tries every queued task. Between whole
 * decisions ({@link #dispatchChanges}) it updates the index only for the servers that changed and tries the
 * new tasks, and of the tasks that were already waiting only those that might fit the room just freed: they
 * found no room anywhere when last tried, and room elsewhere has only shrunk since (anything that adds room
 * other than a task ending, a server or VM starting for instance, comes with a whole decision; after a whole
 * decision that changed servers, every waiting task that may fit is tried once more).
 */
public final class TaskDispatcher implements TaskPath {
    private final PlacementPolicy placement;
    private final HostGate gate;
    private final PooledDispatchIndex index;
    private final TieredWaitingTasks waiting = new TieredWaitingTasks();
    /** False once a whole decision's plan may change servers behind the index's back. */
    private boolean indexCurrent;
    /** Servers this path gave tasks to: the driver's figures for them are read again next time. */
    private final IntList assignedHosts = new IntList();
    private final IntList freed = new IntList();
    /**
     * False until the waiting tasks were last read from a view (at the start, and after the engine's memory was
     * replaced): the per-task path then reads the whole queue once, as a whole decision would.
     */
    private boolean waitingKnown;
    /** Actions the whole decision in progress had planned when dispatch began. */
    private int actionsBeforeDispatch;

    public TaskDispatcher(PlacementPolicy placement, HostGate gate) {
        this(placement, gate, FleetPools.NONE);
    }

    /** A dispatcher that gives each task a VM of the pools it is routed to ({@link FleetPools#routesOf}). */
    public TaskDispatcher(PlacementPolicy placement, HostGate gate, FleetPools pools) {
        this.placement = placement;
        this.gate = gate;
        this.index = new PooledDispatchIndex(placement, pools);
    }

    public PlacementPolicy placement() {
        return placement;
    }

    /**
     * Every queued task of the view, over the plan as the earlier steps of a whole decision left it. Any server
     * may have more room than when the tasks were last tried, so each task that might fit the most room any
     * VM has (per resource) is tried, oldest first; the others cannot fit anywhere and are passed over.
     */
    public void dispatchQueue(PlanningState plan, Plan.Builder actions) {
        actionsBeforeDispatch = actions.actions().size();
        assignedHosts.clear();
        index.load(plan, gate);
        retryWholeQueue(plan.view(), plan, actions);
        indexCurrent = false; // unless the decision turns out to have done nothing but dispatch
    }

    /**
     * A whole decision that only gave tasks out leaves the servers as the view shows them plus those tasks, which
     * the index already holds: it stays current (only the servers that got tasks are read again next time).
     */
    @Override
    public void forgetIndex() {
        indexCurrent = false;
        waitingKnown = false;
        assignedHosts.clear();
    }

    @Override
    public void wholeDecisionMade(Plan plan) {
        if (actionsBeforeDispatch == 0 && plan.actions().stream().allMatch(AssignTask.class::isInstance)) {
            indexCurrent = true;
        } else {
            assignedHosts.clear();
        }
    }

    /** Every queued task of the view that may fit the most room anywhere, oldest first (see {@link #retryWaiting}). */
    private void retryWholeQueue(ClusterView view, PlanningState plan, Plan.Builder actions) {
        syncWaiting(view);
        waitingKnown = true;
        retryWaiting(index::roomAnywhere, plan, actions);
        waiting.compactIfSparse();
    }

    /**
     * Makes the waiting tasks the view's queue, in its order within each tier rank, keeping the entries of tasks
     * still waiting: each rank's queue is what was waiting, less what left it, then what joined it since. Should
     * the two ever disagree otherwise, the waiting tasks are read again from the view.
     */
    private void syncWaiting(ClusterView view) {
        int queued = view.queuedTaskCount();
        for (int i = 0; i < queued; i++) {
            waiting.rank(view.queuedTask(i).tier()); // every rank of the view has its queue
        }
        int ranks = waiting.rankCount();
        int[] position = new int[ranks];
        boolean[] joinedSince = new boolean[ranks];
        for (int i = 0; i < queued; i++) {
            TaskRequest task = view.queuedTask(i);
            int r = task.tier();
            WaitingTasks rank = waiting.rank(r);
            if (!joinedSince[r]) {
                int p = position[r];
                while (p < rank.end() && (rank.at(p) == null || !rank.at(p).id().equals(task.id()))) {
                    if (rank.at(p) != null) {
                        rank.remove(rank.at(p).id()); // left the queue
                    }
                    p++;
                }
                position[r] = p + 1;
                if (p < rank.end()) {
                    continue; // still waiting, in its place
                }
                joinedSince[r] = true; // this one and the rest of its rank joined since
            }
            if (rank.contains(task.id())) {
                rebuildWaiting(view);
                return;
            }
            rank.append(task);
        }
        for (int r = 0; r < ranks; r++) {
            WaitingTasks rank = waiting.rank(r);
            for (int p = joinedSince[r] ? rank.end() : position[r]; p < rank.end(); p++) {
                if (rank.at(p) != null) {
                    rank.remove(rank.at(p).id()); // left the queue after the last one still in it
                }
            }
        }
    }

    private void rebuildWaiting(ClusterView view) {
        waiting.clear();
        for (int i = 0, queued = view.queuedTaskCount(); i < queued; i++) {
            waiting.append(view.queuedTask(i));
        }
    }

    @Override
    public Plan dispatch(ClusterView view, TaskChanges changes) {
        Plan.Builder actions = new Plan.Builder(view.nowS());
        dispatchChanges(view, changes, actions);
        return actions.build();
    }

    /** Between whole decisions: only {@code changes} happened since the last decision. */
    private void dispatchChanges(ClusterView view, TaskChanges changes, Plan.Builder actions) {
        IntList gateChanged = gate.observe(view, changes.hostsWithEndedTasks(), actions);
        if (!waitingKnown) {
            // Nothing known of the queue yet: every queued task is tried, as in a whole decision.
            index.load(view, gate);
            indexCurrent = true;
            assignedHosts.clear();
            retryWholeQueue(view, null, actions);
            return;
        }
        IntList freed = this.freed;
        freed.clear();
        // Read again after a whole decision changed servers: room may have grown anywhere (a VM it placed runs).
        boolean reloaded = !indexCurrent || index.hostCount() != view.hostCount();
        if (reloaded) {
            index.load(view, gate);
            indexCurrent = true;
        } else {
            for (int i = 0; i < assignedHosts.size(); i++) {
                index.refresh(assignedHosts.get(i), view);
            }
            IntList ended = changes.hostsWithEndedTasks();
            for (int i = 0; i < ended.size(); i++) {
                index.refresh(ended.get(i), view);
            }
            for (int i = 0; i < gateChanged.size(); i++) {
                index.gateChanged(gateChanged.get(i));
            }
        }
        assignedHosts.clear();
        addAll(freed, changes.hostsWithEndedTasks());
        addAll(freed, gateChanged);

        Set<TaskId> withdrawn = changes.withdrawn().isEmpty() ? Set.of() : new HashSet<>(changes.withdrawn());
        for (TaskId id : withdrawn) {
            waiting.remove(id);
        }
        Supplier<double[]> room = reloaded ? index::roomAnywhere : () -> index.room(freed);
        boolean retry = reloaded || !freed.isEmpty();
        List<TaskRequest> arrivals = inTierOrder(changes.queued());
        int ranks = Math.max(waiting.rankCount(), arrivals.isEmpty() ? 0 : arrivals.get(arrivals.size() - 1).tier() + 1);
        int next = 0;
        // Rank by rank, as a whole decision would take the queue: those waiting (older), then the new arrivals.
        for (int r = 0; r < ranks; r++) {
            if (retry && r < waiting.rankCount()) {
                retryRank(waiting.rank(r), room, null, actions);
            }
            for (; next < arrivals.size() && arrivals.get(next).tier() == r; next++) {
                TaskRequest task = arrivals.get(next);
                if (withdrawn.contains(task.id())) {
                    continue;
                }
                int vm = index.choose(task.demand());
                if (vm < 0) {
                    waiting.append(task);
                } else {
                    start(task, vm, actions);
                }
            }
        }
        waiting.compactIfSparse();
    }

    /**
     * Tries the waiting tasks that may fit {@code room} (the most room of one VM, per resource, where room may
     * have grown), as it shrinks with each task started: tier rank 0's first, oldest first, then rank 1's, and so
     * on; records them in {@code plan} too when a whole decision is being planned (else null).
     */
    private void retryWaiting(Supplier<double[]> room, PlanningState plan, Plan.Builder actions) {
        for (int r = 0; r < waiting.rankCount(); r++) {
            retryRank(waiting.rank(r), room, plan, actions);
        }
    }

    /** Tries the waiting tasks of one tier rank that may fit {@code room}, oldest first (see {@link #retryWaiting}). */
    private void retryRank(WaitingTasks rank, Supplier<double[]> room, PlanningState plan, Plan.Builder actions) {
        if (rank.size() == 0) {
            return;
        }
        double[] most = room.get();
        int position = rank.nextWithin(0, most[0], most[1], most[2]);
        while (position >= 0) {
            TaskRequest task = rank.at(position);
            int vm = index.choose(task.demand());
            if (vm >= 0) {
                rank.remove(task.id());
                if (plan != null) {
                    plan.assignTask(vm, task.demand());
                }
                start(task, vm, actions);
                most = room.get();
            }
            position = rank.nextWithin(position + 1, most[0], most[1], most[2]);
        }
    }

    private void start(TaskRequest task, int vm, Plan.Builder actions) {
        int host = index.chosenHost();
        index.assign(vm, task.demand());
        if (gate.admits(host)) {
            gate.routed(host);
            if (!gate.admits(host)) {
                index.gateChanged(host); // a half-open breaker let its one probe go
            }
        }
        assignedHosts.add(host);
        actions.add(new AssignTask(task.id(), VmId.of(vm), Reason.DISPATCH));
    }

    /** New tasks of higher tiers first, each tier in arrival order (one arrival at a time, mostly: as it is). */
    private static List<TaskRequest> inTierOrder(List<TaskRequest> queued) {
        for (int i = 1; i < queued.size(); i++) {
            if (queued.get(i).tier() != queued.get(0).tier()) {
                List<TaskRequest> sorted = new ArrayList<>(queued);
                sorted.sort(Comparator.comparingInt(TaskRequest::tier)); // stable: arrival order within a tier
                return sorted;
            }
        }
        return queued;
    }

    private static void addAll(IntList to, IntList from) {
        for (int i = 0; i < from.size(); i++) {
            to.add(from.get(i));
        }
    }
}
