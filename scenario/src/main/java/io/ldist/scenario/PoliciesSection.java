package io.ldist.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.engine.EngineSettings;
import io.ldist.engine.decide.DisruptionBudget;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.failover.CircuitBreakerSettings;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.VmType;
import io.ldist.engine.provision.VmTemplate;
import io.ldist.engine.registry.PlacementPolicies;
import io.ldist.engine.registry.Policies;
import io.ldist.engine.registry.PolicyChoice;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.registry.PolicyFamily;
import io.ldist.engine.scale.ScaleOutForecast;
import io.ldist.engine.scale.ScalingSettings;
import io.ldist.engine.scale.StandbyPool;
import io.ldist.engine.score.LoadWeights;
import io.ldist.scenario.spec.HostGroup;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code policies} section, into the engine's settings, and the fleet's VM template: the template is read
 * here because whether it fits depends on the servers scaling launches.
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
        ScalingSettings scaling = readScaling(initialHosts);
        int missed = Math.max(1, in.integer("/policies/failover/missedChecks", 3));
        CircuitBreakerSettings breaker = readCircuitBreaker();
        VmTemplate template = readTemplate(maxVms, hosts, scaling);
        VmSizing sizing = context.taskWorkload ? VmSizing.RESERVATION : VmSizing.DEMAND;
        if (!in.problems().isEmpty()) {
            return null;
        }
        return new EngineSettings(new FleetRules(maxVms, sizing, readDisruption()), scorer, weights, placement, overload,
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

    private ScalingSettings readScaling(int initialHosts) {
        String at = "/policies/scaling";
        String policy = in.text(at + "/policy", "none");
        if (!"threshold".equals(policy) && !"predictive".equals(policy)) {
            return null;
        }
        if (!"predictive".equals(policy)) {
            for (String key : List.of("forecaster", "confidence", "lead", "forecastOnly")) {
                if (in.has(at + "/" + key)) {
                    // Not an error: a sweep of the policy keeps one set of settings for both kinds.
                    context.notices.add("policies.scaling." + key + " is ignored: threshold scaling does not "
                            + "forecast (policy: predictive does)");
                }
            }
        }
        double out = in.share(at + "/scaleOut", ScalingSettings.DEFAULT_SCALE_OUT);
        double scaleIn = in.share(at + "/scaleIn", ScalingSettings.DEFAULT_SCALE_IN);
        if (scaleIn >= out) {
            in.problem(at + "/scaleIn", "a threshold below scaleOut ("
                            + in.text(at + "/scaleOut", String.valueOf(ScalingSettings.DEFAULT_SCALE_OUT)) + ")",
                    Phrases.describe(in.node(at + "/scaleIn")));
        }
        int min = Math.max(0, in.integer(at + "/minHosts", 1));
        int max = Math.max(1, in.integer(at + "/maxHosts",
                SizeLimits.defaultMaxHosts(initialHosts / context.scale)));
        if (max < min) {
            in.problem(at + "/maxHosts", "at least minHosts (" + min + ")", String.valueOf(max));
        }
        HostType launch = in.has(at + "/launchType") ? context.hostType(at + "/launchType")
                : context.defaultLaunchType();
        StandbyPool pool = readStandbyPool(at + "/standbyPool");
        if (launch == null || scaleIn >= out || max < min) {
            return null;
        }
        return new ScalingSettings(out, scaleIn,
                in.quantity(at + "/window", Units.DURATION, ScalingSettings.DEFAULT_WINDOW_S),
                in.quantity(at + "/cooldown", Units.DURATION, ScalingSettings.DEFAULT_COOLDOWN_S),
                scaled(at + "/minHosts", min), scaled(at + "/maxHosts", max),
                scaled(at + "/step", Math.max(1, in.integer(at + "/step", 1))), launch,
                pool.size(), "migrate".equals(in.text(at + "/drain", "finish")),
                "predictive".equals(policy) ? readForecast(at, launch) : null, launchTypes(at), pool);
    }

    /**
     * The standby pool: a number (a fixed size), or {policy, size, minSize, maxPrepared, penalty}; the server
     * counts times the scenario's scale. Settings the chosen sizing does not read are ignored, and said so.
     */
    private StandbyPool readStandbyPool(String at) {
        JsonNode node = in.node(at);
        if (node == null || !node.isObject()) {
            return StandbyPool.fixed(scaled(at, Math.max(0, in.integer(at, 0))));
        }
        String policy = in.text(at + "/policy", "fixed");
        StandbyPool.Sizing sizing = switch (policy) {
            case "warm-pool" -> StandbyPool.Sizing.WARM_POOL;
            case "cost-sized" -> StandbyPool.Sizing.COST_SIZED;
            default -> StandbyPool.Sizing.FIXED;
        };
        List<String> unread = new ArrayList<>();
        if (sizing == StandbyPool.Sizing.FIXED) {
            unread.addAll(List.of("minSize", "maxPrepared"));
        }
        if (sizing != StandbyPool.Sizing.COST_SIZED) {
            unread.add("penalty");
        }
        for (String key : unread) {
            if (in.has(at + "/" + key)) {
                // Not an error: a sweep of the pool's policy keeps one set of settings for every kind.
                context.notices.add("policies.scaling.standbyPool." + key + " is ignored with policy " + policy
                        + " (only " + (key.equals("penalty") ? "cost-sized reads" : "warm-pool and cost-sized read")
                        + " it)");
            }
        }
        int size = scaled(at + "/size", Math.max(0, in.integer(at + "/size", 0)));
        int minSize = scaled(at + "/minSize", Math.max(0, in.integer(at + "/minSize", 0)));
        int maxPrepared = in.has(at + "/maxPrepared")
                ? scaled(at + "/maxPrepared", Math.max(0, in.integer(at + "/maxPrepared", 0)))
                : StandbyPool.UP_TO_MAX_HOSTS;
        double penalty = in.has(at + "/penalty") ? Math.max(0, in.number(at + "/penalty", 0)) : Double.NaN;
        return new StandbyPool(sizing, size, minSize, maxPrepared, penalty);
    }

    /** The types of {@code launchTypes}, each name checked as {@code launchType} is (unknown ones left out). */
    private List<HostType> launchTypes(String at) {
        List<HostType> types = new ArrayList<>();
        for (int i = 0; i < in.size(at + "/launchTypes"); i++) {
            HostType type = context.hostType(at + "/launchTypes/" + i);
            if (type != null) {
                types.add(type);
            }
        }
        return types;
    }

    /**
     * Predictive scale-out's settings; the lead defaults to the launch type's boot time plus one decision interval
     * (a server asked for at a decision is up by the next one after the demand).
     */
    private ScaleOutForecast readForecast(String at, HostType launch) {
        double interval = in.has("/decisionInterval") ? in.quantity("/decisionInterval", Units.DURATION, 300)
                : in.quantity("/live/loop/interval", Units.DURATION, 300);
        double confidence = in.share(at + "/confidence", ScaleOutForecast.DEFAULT_CONFIDENCE);
        if (!(confidence > 0 && confidence < 1)) {
            in.problem(at + "/confidence", "a confidence between 0 and 100% (exclusive)",
                    Phrases.describe(in.node(at + "/confidence")));
            confidence = ScaleOutForecast.DEFAULT_CONFIDENCE;
        }
        double lead = in.quantity(at + "/lead", Units.DURATION, launch.bootTimeS() + interval);
        if (!(lead > 0)) {
            in.problem(at + "/lead", "a lead time above 0", Phrases.describe(in.node(at + "/lead")));
            lead = launch.bootTimeS() + interval;
        }
        return new ScaleOutForecast(in.text(at + "/forecaster", ScaleOutForecast.DEFAULT_METHOD), confidence, lead,
                in.flag(at + "/forecastOnly", false));
    }

    /** A scaling setting times the scenario's scale, refused when that is more servers than a run may have. */
    private int scaled(String at, int value) {
        int scale = context.scale;
        long servers = (long) value * scale;
        if (servers > SizeLimits.MAX_SERVERS) {
            in.problem(at, "at most " + SizeLimits.number(SizeLimits.MAX_SERVERS) + " servers with scale " + scale,
                    SizeLimits.number(value) + " (" + SizeLimits.number(servers) + " servers)");
            return value;
        }
        return (int) servers;
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

    private VmTemplate readTemplate(int maxVms, List<HostGroup> hosts, ScalingSettings scaling) {
        if (!in.has("/fleet/template")) {
            return null;
        }
        VmType type = context.vmType("/fleet/template/vmType");
        int perHost = Math.max(1, in.integer("/fleet/template/perHost", 1));
        if (perHost > maxVms) {
            in.problem("/fleet/template/perHost", "at most fleet.maxVmsPerHost (" + maxVms + ")",
                    String.valueOf(perHost));
        }
        if (type == null) {
            return null;
        }
        VmTemplate template = new VmTemplate(type, perHost);
        checks.templateFits(template, hosts, scaling);
        if (context.soundlyRead("fleet", "scale", "policies.scaling")) {
            SizeLimits.checkTemplateVms(in, Math.max(SizeLimits.servers(hosts),
                    scaling == null ? 0 : scaling.maxHosts()), perHost);
        }
        return template;
    }
}
