package io.ldist.engine;

import io.ldist.engine.consolidate.ConsolidationStep;
import io.ldist.engine.consolidate.OverloadDetector;
import io.ldist.engine.consolidate.UnderloadPolicy;
import io.ldist.engine.consolidate.VmSelector;
import io.ldist.engine.decide.DecisionStep;
import io.ldist.engine.decide.Engine;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.dispatch.DispatchStep;
import io.ldist.engine.dispatch.HostGate;
import io.ldist.engine.dispatch.TaskDispatcher;
import io.ldist.engine.failover.CircuitBreakerSettings;
import io.ldist.engine.failover.CircuitBreakers;
import io.ldist.engine.failover.FailoverCapacityStep;
import io.ldist.engine.failover.FailoverStep;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.pool.FleetPool;
import io.ldist.engine.pool.FleetPools;
import io.ldist.engine.provision.IdleHostStep;
import io.ldist.engine.provision.PendingVmStep;
import io.ldist.engine.provision.ProvisioningStep;
import io.ldist.engine.provision.VmTemplate;
import io.ldist.engine.registry.PlacementPolicies;
import io.ldist.engine.registry.Policies;
import io.ldist.engine.registry.PolicyChoice;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.scale.ScalingScope;
import io.ldist.engine.scale.ScalingSettings;
import io.ldist.engine.scale.ThresholdScalingStep;
import io.ldist.engine.score.LoadWeights;
import io.ldist.engine.score.Scorer;
import io.ldist.engine.score.WeightedLoadScorer;
import io.ldist.engine.update.RollingUpdateStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every policy choice of a scenario, by name. {@link #newEngine()} assembles a fresh engine from them (a new
 * one per run: scaling and circuit breakers remember across decisions). Optional parts are null when unused.
 *
 * @param scorer         "weighted" (uses {@code weights}) or a name from {@link Policies#SCORERS}
 * @param placement      a placement policy name ({@link PlacementPolicies})
 * @param overload       overload detector, or null for no consolidation
 * @param vmSelection    VM selector for overloaded servers (needed with {@code overload})
 * @param underload      underload policy, or null to never empty servers
 * @param switchOffIdle  stop active servers that hold nothing
 * @param scaling        threshold scaling, or null for a fixed fleet (or for a fleet of pools, each of which has
 *                       its own: {@link FleetRules#pools()})
 * @param missedChecks   missed health checks before a server is declared failed
 * @param circuitBreaker circuit breakers on task errors, or null for none
 * @param template       VMs every active server runs (task streams), or null (and null for a fleet of pools,
 *                       each of which has its own)
 * @param context        scenario facts some policies need (decision interval, migration bandwidth, seed)
 */
public record EngineSettings(FleetRules rules, String scorer, LoadWeights weights, String placement,
                             PolicyChoice overload, PolicyChoice vmSelection, PolicyChoice underload,
                             boolean switchOffIdle, ScalingSettings scaling, int missedChecks,
                             CircuitBreakerSettings circuitBreaker, VmTemplate template, PolicyContext context) {
    public static final String WEIGHTED_SCORER = "weighted";

    public EngineSettings {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(context, "context");
        if (overload != null && vmSelection == null) {
            throw new IllegalArgumentException("an overload detector needs a VM selection policy");
        }
    }

    /** The same choices with another seed for the policies' random choices. */
    public EngineSettings withSeed(long seed) {
        return new EngineSettings(rules, scorer, weights, placement, overload, vmSelection, underload, switchOffIdle,
                scaling, missedChecks, circuitBreaker, template,
                context.withSeed(seed));
    }

    /** The same choices under other fleet rules. */
    public EngineSettings withRules(FleetRules newRules) {
        return new EngineSettings(newRules, scorer, weights, placement, overload, vmSelection, underload,
                switchOffIdle, scaling, missedChecks, circuitBreaker, template, context);
    }

    public Scorer newScorer() {
        return WEIGHTED_SCORER.equalsIgnoreCase(scorer) ? new WeightedLoadScorer(weights)
                : Policies.SCORERS.create(PolicyChoice.of(scorer), context);
    }

    /** The most servers the fleet may run: the scaling maximum, or each pool's summed; unbounded without scaling. */
    public int mostRunningHosts() {
        if (scaling != null) {
            return scaling.maxHosts();
        }
        long most = 0;
        for (FleetPool pool : rules.pools().pools()) {
            if (pool.scaling() == null) {
                return Integer.MAX_VALUE;
            }
            most += pool.scaling().maxHosts();
        }
        return most == 0 ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, most);
    }

    public Engine newEngine() {
        return newEngine(false);
    }

    /**
     * @param rollingUpdates whether the engine takes rolling update requests ({@link Engine#requestUpdate}); an
     *                       engine without them has one step fewer, so its memory is that of earlier versions
     */
    public Engine newEngine(boolean rollingUpdates) {
        Scorer scoring = newScorer();
        PlacementPolicy placing = PlacementPolicies.family(scoring).create(PolicyChoice.of(placement), context);
        OverloadDetector detector = overload == null ? null
                : Policies.OVERLOAD.create(overload, context);
        List<DecisionStep> steps = new ArrayList<>();
        HostGate gate = HostGate.ALWAYS_OPEN;
        if (circuitBreaker != null) {
            CircuitBreakers breakers = new CircuitBreakers(circuitBreaker);
            steps.add(breakers);
            gate = breakers;
        }
        steps.add(new FailoverStep(missedChecks, placing));
        steps.add(new PendingVmStep(placing));
        FleetPools pools = rules.pools();
        if (template != null || !pools.isNone()) {
            steps.add(new ProvisioningStep(template, pools));
        }
        TaskDispatcher dispatcher = new TaskDispatcher(placing, gate, pools);
        steps.add(new DispatchStep(dispatcher));
        if (rollingUpdates) {
            // Before every step that retires servers: they must see the servers the update holds in service.
            steps.add(new RollingUpdateStep(scoring, placing, mostRunningHosts(), template == null && pools.isNone()));
        }
        if (detector != null) {
            VmSelector selector = Policies.VM_SELECTION.create(vmSelection, context);
            UnderloadPolicy emptying = underload == null ? null
                    : Policies.UNDERLOAD.create(underload, context);
            steps.add(new ConsolidationStep(detector, selector, placing, emptying));
        }
        // Threshold scaling also restores capacity for VMs a failover displaced; without it, failover does.
        List<DecisionStep> scalingSteps = new ArrayList<>();
        if (scaling != null) {
            scalingSteps.add(new ThresholdScalingStep(scaling, scoring, placing, context.costs(), template));
        }
        for (int p = 0; p < pools.pools().size(); p++) {
            FleetPool pool = pools.pools().get(p);
            if (pool.scaling() != null) {
                scalingSteps.add(new ThresholdScalingStep(pool.scaling(), scoring, placing, context.costs(),
                        pool.template(), ScalingScope.pool(pools, p)));
            }
        }
        steps.addAll(scalingSteps.isEmpty() ? List.of(new FailoverCapacityStep()) : scalingSteps);
        if (switchOffIdle) {
            steps.add(new IdleHostStep());
        }
        return new Engine(rules, steps, dispatcher);
    }
}
