package io.ldist.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.engine.EngineSettings;
import io.ldist.engine.decide.DisruptionBudget;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.failover.CircuitBreakerSettings;
import io.ldist.engine.model.VmType;
import io.ldist.engine.pool.FleetPools;
import io.ldist.engine.provision.VmTemplate;
import io.ldist.engine.registry.PlacementPolicies;
import io.ldist.engine.registry.Policies;
import io.ldist.engine.registry.PolicyChoice;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.registry.PolicyFamily;
import io.ldist.engine.scale.ScalingSettings;
import io.ldist.engine.score.LoadWeights;
import io.ldist.scenario.spec.HostGroup;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code policies} section, into the engine's settings, and the fleet's VM template or pools: they are read
 * here because whether a template fits depends on the servers scaling launches.
 */
public final class PoliciesSection {
    private final ReadingContext context;
    private final FieldReader in;
    private final CrossFieldChecks checks;

    public PoliciesSection(ReadingContext context, CrossFieldChecks checks) {
        this.context = context;
        this.in = context.in;
        this.checks = checks;
    }

    /** The engine's settings, or null when any problem was found (in this section or before). */
    public EngineSettings read(int maxVms, List<HostGroup> hosts, PolicyContext policyContext) {
        int initialHosts = SizeLimits.servers(hosts);
        PolicyChoiceReader choices = new PolicyChoiceReader(in);
        String scorer = in.text("/policies/scorer", EngineSettings.WEIGHTED_SCORER);
        List<String> scorers = new ArrayList<>(List.of(EngineSettings.WEIGHTED_SCORER));
        scorers.addAll(Policies.SCORERS.names());
        if (!scorers.contains(scorer)) {
            choices.unknownName("/policies/scorer", "a scorer", scorers, scorer);
        }
        LoadWeights weights = readWeights();
        PolicyFamily<?> placements = PlacementPolicies.family(null);
        String placement = in.text("/policies/placement", placements.defaultName().orElseThrow());
        if (!placements.has(placement)) {
            choices.unknownName("/policies/placement", "a placement policy", placements.names(), placement);
        }
        PolicyChoice overload = choices.read("/policies/overload", Policies.OVERLOAD, "an overload policy", null);
        PolicyChoice selection = choices.read("/policies/vmSelection", Policies.VM_SELECTION, "a VM selection policy",
                Policies.VM_SELECTION.defaultName().orElse(null));
        PolicyChoice underload = choices.read("/policies/underload", Policies.UNDERLOAD, "an underload policy", null);
        JsonNode selectionNode = in.node("/policies/vmSelection");
        boolean noSelection = selectionNode != null && "none".equals(selectionNode.isTextual()
                ? selectionNode.asText() : selectionNode.path("name").asText());
        if (overload != null && noSelection) {
            in.problem("/policies/vmSelection", "a VM selection policy (" + String.join(", ",
                    Policies.VM_SELECTION.names()) + ") to choose the VMs to move off overloaded servers, "
                    + "since policies.overload is set", "'none'");
        }
        boolean switchOff = "switch-off".equals(in.text("/policies/idleHosts", "switch-off"));
        ScalingReader scalingReader = new ScalingReader(context);
        // A live config runs one pool: its loader refuses fleet.pools, which is not read here.
        boolean pooled = in.has("/fleet/pools") && !context.liveConfig();
        ScalingSettings scaling = pooled ? null
                : scalingReader.read(initialHosts, ScalingReader.POLICIES, context.defaultLaunchType(), List.of());
        int missed = Math.max(1, in.integer("/policies/failover/missedChecks", 3));
        CircuitBreakerSettings breaker = readCircuitBreaker();
        PoolsSection poolsSection = new PoolsSection(context, checks);
        VmTemplate template = in.has("/fleet/template")
                ? poolsSection.readTemplate("/fleet/template", maxVms, hosts, scaling) : null;
        FleetPools pools = pooled ? poolsSection.read(maxVms, hosts, scalingReader) : FleetPools.NONE;
        VmSizing sizing = context.taskWorkload ? VmSizing.RESERVATION : VmSizing.DEMAND;
        if (!in.problems().isEmpty()) {
            return null;
        }
        return new EngineSettings(new FleetRules(maxVms, sizing, readDisruption()).withPools(pools), scorer, weights, placement, overload,
                overload == null ? null : selection, underload, switchOff, scaling, missed, breaker, template,
                policyContext);
    }

    private LoadWeights readWeights() {
        String at = "/policies/weights";
        if (!in.has(at)) {
            return LoadWeights.DEFAULT;
        }
        LoadWeights d = LoadWeights.DEFAULT;
        double requests = in.number(at + "/requests", d.requests());
        double cpu = in.number(at + "/cpu", d.cpu());
        double memory = in.number(at + "/memory", d.memory());
        double gpu = in.number(at + "/gpu", d.gpu());
        if (requests + cpu + memory + gpu <= 0) {
            in.problem(at, "at least one weight > 0", "all weights 0");
            return d;
        }
        return new LoadWeights(requests, cpu, memory, gpu);
    }

    /** The disruption budget, or null for none. */
    private DisruptionBudget readDisruption() {
        String at = "/policies/disruption";
        if (!in.has(at)) {
            return null;
        }
        double share = in.share(at + "/share", 1);
        if (!(share > 0)) {
            in.problem(at + "/share", "a share above 0, at most 100% (at least one server may always be disrupted)",
                    Phrases.describe(in.node(at + "/share")));
            return null;
        }
        return new DisruptionBudget(share, in.integer(at + "/atMost", 0));
    }

    private CircuitBreakerSettings readCircuitBreaker() {
        String at = "/policies/circuitBreaker";
        if (!in.has(at)) {
            return null;
        }
        double rate = in.share(at + "/errorRate", 0.5);
        if (rate <= 0) {
            in.problem(at + "/errorRate", "an error rate > 0", in.text(at + "/errorRate", ""));
            rate = 0.5;
        }
        return new CircuitBreakerSettings(rate, Math.max(1, in.integer(at + "/minTasks", 5)),
                in.positiveDuration(at + "/window", 300), in.positiveDuration(at + "/open", 120));
    }
}
