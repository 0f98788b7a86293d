package io.ldist.engine.scale;

import io.ldist.engine.cost.CostModel;
import io.ldist.engine.decide.DecisionStep;
import io.ldist.engine.decide.Moves;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.HostId;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.place.HostSearch;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.provision.VmTemplate;
import io.ldist.engine.plan.DrainHost;
import io.ldist.engine.plan.LaunchHost;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.plan.ResumeHost;
import io.ldist.engine.plan.TerminateHost;
import io.ldist.engine.plan.ScalingAdvice;
import io.ldist.engine.provision.WaitingVms;
import io.ldist.engine.score.Scorer;
import io.ldist.engine.util.IntList;

import java.util.ArrayDeque;

/**
 * Scales the fleet on its load: when the mean fleet load over the window exceeds the scale-out threshold,
 * servers are resumed from the warm pool, or launched; when it stays below the scale-in threshold, the
 * least-loaded server is drained and then stopped (refilling the pool) or terminated. Load-driven actions
 * respect a cooldown and wait for servers still booting. Capacity for VMs that wait for a server (after a
 * failover) and the minimum fleet size are restored at once, without cooldown; so are servers for a task that
 * still waits past its service tier's wait objective ({@link TaskRequest#startByS()}).
 *
 * <p>With a {@link ScaleOutForecast}, the fleet's demand (its load times its active servers: servers' worth of
 * load) is also forecast a lead time ahead, and servers are added whenever the upper bound of that forecast needs
 * more at the scale-out threshold than are running or booting; a scale-in waits while the forecast still needs the
 * server it would retire.
 */
public final class ThresholdScalingStep implements DecisionStep {
    private final ScalingSettings settings;
    private final Scorer scorer;
    private final PlacementPolicy placement;
    private final ArrayDeque<double[]> loadSamples = new ArrayDeque<>();
    private double firstSampleS = Double.NaN;
    private double lastActionS = Double.NEGATIVE_INFINITY;
    private final DemandForecast forecast;
    private final LaunchTypeChoice launchChoice;
    private final StandbyPoolSizer poolSizer;
    private final ScalingScope scope;
    /** Since when a varying pool has held more stopped servers than it needs (NaN: it has not). */
    private double poolSurplusSinceS = Double.NaN;

    public ThresholdScalingStep(ScalingSettings settings, Scorer scorer, PlacementPolicy placement) {
        this(settings, scorer, placement, CostModel.NONE, null);
    }

    /**
     * @param costs    the prices launch types are chosen by and a cost-sized standby pool is sized by
     * @param template the VMs every server of a task-stream fleet runs, or null
     */
    public ThresholdScalingStep(ScalingSettings settings, Scorer scorer, PlacementPolicy placement, CostModel costs,
                                VmTemplate template) {
        this(settings, scorer, placement, costs, template, ScalingScope.WHOLE_FLEET);
    }

    /**
     * @param template the VMs every server in scope runs, or null
     * @param scope    what this step scales: the whole fleet, or one pool of it
     */
    public ThresholdScalingStep(ScalingSettings settings, Scorer scorer, PlacementPolicy placement, CostModel costs,
                                VmTemplate template, ScalingScope scope) {
        this.settings = settings;
        this.scope = scope;
        this.launchChoice = new LaunchTypeChoice(settings.launchTypes(), costs, template, scope);
        this.poolSizer = new StandbyPoolSizer(settings.pool(), costs, settings.launchType(), settings.maxHosts(),
                settings.scaleOutThreshold(), scope);
        this.scorer = scorer;
        this.placement = placement;
        // Demand beyond twice the largest fleet is clamped: it would ask for more servers than may run anyway.
        this.forecast = settings.forecast() == null ? null
                : new DemandForecast(settings.forecast(), 2.0 * settings.maxHosts());
    }

    /**
     * The load window, when it began, the last load-driven action (for the cooldown), the demand samples the
     * forecast is rebuilt from (empty without one), and a cost-sized standby pool's completion and demand samples.
     */
    public record Memory(double[][] samples, double firstSampleS, double lastActionS, double[][] demand,
                         double[][] poolCompletions, double[][] poolDemand, double poolSurplusSinceS) {
        public Memory {
            samples = copy(samples);
            demand = copy(demand);
            poolCompletions = copy(poolCompletions);
            poolDemand = copy(poolDemand);
        }

        public Memory(double[][] samples, double firstSampleS, double lastActionS, double[][] demand) {
            this(samples, firstSampleS, lastActionS, demand, null, null, Double.NaN);
        }

        @Override
        public double[][] poolCompletions() {
            return copy(poolCompletions);
        }

        @Override
        public double[][] poolDemand() {
            return copy(poolDemand);
        }

        @Override
        public double[][] samples() {
            return copy(samples);
        }

        @Override
        public double[][] demand() {
            return copy(demand);
        }

        private static double[][] copy(double[][] samples) {
            if (samples == null) {
                return new double[0][]; // memory saved before forecasts existed
            }
            double[][] copy = new double[samples.length][];
            for (int i = 0; i < samples.length; i++) {
                copy[i] = samples[i].clone();
            }
            return copy;
        }
    }

    @Override
    public Object remember() {
        return new Memory(loadSamples.toArray(new double[0][]), firstSampleS, lastActionS,
                forecast == null ? new double[0][] : forecast.remember(), poolSizer.rememberCompletions(),
                poolSizer.rememberDemand(), poolSurplusSinceS);
    }

    @Override
    public void recall(Object memory) {
        Memory m = (Memory) memory;
        loadSamples.clear();
        for (double[] sample : m.samples()) {
            loadSamples.addLast(sample);
        }
        firstSampleS = m.firstSampleS();
        lastActionS = m.lastActionS();
        if (forecast != null) {
            forecast.recall(m.demand());
        }
        poolSizer.recall(m.poolCompletions(), m.poolDemand());
        poolSurplusSinceS = m.poolSurplusSinceS();
    }

    /** Load is sampled at ticks; after a health check only capacity for VMs a failover displaced is restored. */
    @Override
    public boolean respondsTo(Trigger trigger) {
        return trigger == Trigger.TICK || trigger == Trigger.HEALTH_CHECK;
    }

    /** Mean fleet load over the window as of the last decision (for reports). */
    public double windowLoad() {
        double sum = 0;
        for (double[] sample : loadSamples) {
            sum += sample[1];
        }
        return loadSamples.isEmpty() ? 0 : sum / loadSamples.size();
    }

    @Override
    public void decide(PlanningState plan, Plan.Builder actions) {
        double now = plan.nowS();
        boolean tick = plan.trigger() == Trigger.TICK;
        if (tick) {
            if (Double.isNaN(firstSampleS)) {
                firstSampleS = now;
            }
            double fleetLoad = scope.isWholeFleet() ? scorer.fleetLoad(plan, plan.view().queuedTaskCount())
                    : scorer.fleetLoad(plan, scope.queuedTasks(plan.view()), h -> scope.holds(plan, h));
            loadSamples.addLast(new double[] {now, fleetLoad});
            while (loadSamples.peekFirst()[0] < now - settings.windowS()) {
                loadSamples.removeFirst();
            }
        }
        double load = windowLoad();
        if (tick && (forecast != null || settings.pool().varies())) {
            int activeNow = activeHosts(plan, scope);
            double demand = loadSamples.peekLast()[1] * activeNow;
            if (forecast != null) {
                forecast.observe(now, demand);
            }
            poolSizer.observe(plan, demand, activeNow);
        }
        // Load-driven actions wait for a full window of observations, and for the last action to cool down.
        boolean loadKnown = tick && now - firstSampleS >= settings.windowS();

        int active = 0;
        int booting = 0;
        int standby = 0;
        int updating = 0;
        for (int h = 0; h < plan.hostCount(); h++) {
            if (!scope.holds(plan, h)) {
                continue;
            }
            switch (plan.hostState(h)) {
                case ACTIVE -> active++;
                case BOOTING -> booting++;
                case STANDBY -> standby++;
                case UPDATING -> updating++;
                case DRAINING -> updating += plan.heldForUpdate(h) ? 1 : 0;
                default -> { }
            }
        }
        // Servers a rolling update drains or has down come back: they count against maxHosts as running ones do.
        int running = active + booting + updating;
        IntList waitingVms = WaitingVms.of(plan, v -> scope.ownsVm(plan, v));
        HostType launch = launchChoice.choose(plan, waitingVms);
        boolean cooledDown = loadKnown && now - lastActionS >= settings.cooldownS();

        int wanted = Math.max(0, settings.minHosts() - running);
        int forWaitingVms = WaitingVms.serversFor(waitingVms, launch, plan) - booting;
        wanted = Math.max(wanted, forWaitingVms);
        boolean loadDriven = false;
        if (load > settings.scaleOutThreshold() && cooledDown && booting == 0) {
            wanted = Math.max(wanted, settings.step());
            loadDriven = true;
        }
        if (tick && booting == 0 && !loadDriven && scope.aTaskWaitsPastItsObjective(plan, actions)) {
            // A tier's wait objective is breached: servers now, not after the window or the cooldown.
            wanted = Math.max(wanted, settings.step());
            loadDriven = true;
        }
        int forecastNeeds = tick ? serversForecastToBeNeeded() : -1;
        if (forecastNeeds > running && settings.forecast().forecastOnly()) {
            actions.advise(new ScalingAdvice(forecastNeeds, running, forecast.upperBound()));
            forecastNeeds = -1; // advice only: it neither adds servers nor holds a scale-in back
        } else if (forecastNeeds > running) {
            // Booting servers count as running: each tick asks only for what the forecast still lacks.
            wanted = Math.max(wanted, forecastNeeds - running);
            loadDriven = true;
        }
        wanted = Math.min(wanted, settings.maxHosts() - running);
        if (wanted > 0) {
            // Servers for VMs a failover displaced say so; the others are load or the minimum fleet size.
            addHosts(wanted, !loadDriven && forWaitingVms >= wanted ? Reason.FAILOVER : Reason.SCALE_OUT, launch,
                    plan, actions);
            if (loadDriven) {
                lastActionS = now;
            }
        } else if (load < settings.scaleInThreshold() && cooledDown && booting == 0 && waitingVms.isEmpty()
                && running > settings.minHosts() && forecastNeeds < running) {
            retireOneHost(standby < poolSizer.target(running - 1), plan, actions);
            lastActionS = now;
        }
        if (tick) {
            resizeStandbyPool(booting, running, launch, plan, actions);
        }
    }

    /**
     * Servers the demand forecast's upper bound needs at the scale-out threshold, at most {@code maxHosts}; -1
     * without a forecast or while it cannot bound the demand yet.
     */
    private int serversForecastToBeNeeded() {
        double upper = forecast == null ? Double.NaN : forecast.upperBound();
        if (Double.isNaN(upper)) {
            return -1;
        }
        // A hair below a whole number of servers is that number (floating sums of shares).
        int needed = (int) Math.ceil(upper / settings.scaleOutThreshold() - 1e-9);
        return Math.min(settings.maxHosts(), Math.max(settings.minHosts(), needed));
    }

    private static int activeHosts(PlanningState plan, ScalingScope scope) {
        int active = 0;
        for (int h = 0; h < plan.hostCount(); h++) {
            if (plan.hostState(h) == HostState.ACTIVE && scope.holds(plan, h)) {
                active++;
            }
        }
        return active;
    }

    private void addHosts(int count, Reason reason, HostType launch, PlanningState plan, Plan.Builder actions) {
        int added = 0;
        for (int h = 0; h < plan.hostCount() && added < count; h++) {
            if (plan.hostState(h) == HostState.STANDBY && scope.holds(plan, h)) {
                boolean instant = plan.hostType(h).resumeTimeS() == 0;
                plan.setHostState(h, instant ? HostState.ACTIVE : HostState.BOOTING);
                actions.add(new ResumeHost(HostId.of(h), reason));
                added++;
            }
        }
        for (; added < count; added++) {
            actions.add(new LaunchHost(actions.nextLaunchedHost(plan.hostCount()), launch, false, reason));
        }
    }

    private void retireOneHost(boolean intoPool, PlanningState plan, Plan.Builder actions) {
        int chosen = -1;
        double least = Double.POSITIVE_INFINITY;
        for (int h = 0; h < plan.hostCount(); h++) {
            if (plan.hostState(h) != HostState.ACTIVE || !plan.mayDisrupt(h) || plan.heldForUpdate(h)
                    || !scope.holds(plan, h)) {
                continue;
            }
            double load = scorer.hostLoad(h, plan);
            if (load <= least) { // ties go to the newest server
                least = load;
                chosen = h;
            }
        }
        if (chosen < 0) {
            return;
        }
        plan.setHostState(chosen, HostState.DRAINING);
        if (settings.drainByMigration()) {
            int host = chosen;
            for (int i = plan.vmCountOn(host) - 1; i >= 0; i--) {
                int vm = plan.vmOn(host, i);
                if (plan.vmMigrating(vm)) {
                    continue;
                }
                int target = HostSearch.best(vm, plan, placement, h -> h == host, null);
                if (target >= 0) {
                    Moves.migrate(vm, target, Reason.SCALE_IN, plan, actions);
                }
            }
        }
        DrainHost.AfterDrain then = intoPool ? DrainHost.AfterDrain.STOP : DrainHost.AfterDrain.TERMINATE;
        actions.add(new DrainHost(HostId.of(chosen), then, Reason.SCALE_IN));
    }

    /**
     * Launches stopped servers up to the pool's size; a pool whose size varies also terminates the stopped
     * servers beyond it (the newest first) once they have been beyond it for a cooldown.
     */
    private void resizeStandbyPool(int booting, int running, HostType launch, PlanningState plan,
                                   Plan.Builder actions) {
        int target = poolSizer.target(running);
        if (booting > 0 || target == 0 && !settings.pool().varies()) {
            return;
        }
        int stillStandby = 0;
        for (int h = 0; h < plan.hostCount(); h++) {
            if (plan.hostState(h) == HostState.STANDBY && scope.holds(plan, h)) {
                stillStandby++;
            }
        }
        for (int i = stillStandby; i < target; i++) {
            actions.add(new LaunchHost(actions.nextLaunchedHost(plan.hostCount()), launch, true,
                    Reason.STANDBY_POOL));
        }
        if (!settings.pool().varies() || stillStandby <= target) {
            poolSurplusSinceS = Double.NaN;
            return;
        }
        // A surplus is shed once it has lasted a cooldown: a pool that follows every wobble of its target pays
        // a boot's on-demand hours for each server it prepares again.
        if (Double.isNaN(poolSurplusSinceS)) {
            poolSurplusSinceS = plan.nowS();
        }
        if (plan.nowS() - poolSurplusSinceS < settings.cooldownS()) {
            return;
        }
        poolSurplusSinceS = Double.NaN;
        for (int h = plan.hostCount() - 1; h >= 0 && stillStandby > target; h--) {
            if (plan.hostState(h) == HostState.STANDBY && plan.view().hostVmCount(h) == 0 && scope.holds(plan, h)) {
                plan.setHostState(h, HostState.TERMINATED);
                actions.add(new TerminateHost(HostId.of(h), Reason.STANDBY_POOL));
                stillStandby--;
            }
        }
    }

}
