package io.ldist.cli.liveconfig;

import io.ldist.scenario.FieldReader;
import io.ldist.scenario.Phrases;
import io.ldist.scenario.ReadingContext;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.engine.EngineSettings;
import io.ldist.engine.decide.DisruptionBudget;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.model.HostType;
import io.ldist.engine.util.Numbers;
import io.ldist.live.execute.SafetyCaps;

/**
 * The checks that join a live config's fleet and policies to its {@code live} section: the type launched is a
 * declared host type with a price, scaling launches that type, the fleet names no servers of its own, and the caps
 * leave room for what scaling asks (a plan past a cap is refused whole, so a cap below scaling's bounds would refuse
 * plan after plan at run time; it is refused here instead, saying which wins).
 */
final class LiveFleetChecks {
    private static final String SCALING = "/policies/scaling";
    private static final String INSTANCE_TYPE = LaunchSection.AT + "/instanceType";

    private final ReadingContext context;
    private final FieldReader in;

    LiveFleetChecks(ReadingContext context) {
        this.context = context;
        this.in = context.in();
    }

    /** The host type {@code live.launch.instanceType} names, or null (refused with the names declared). */
    HostType launchType() {
        return in.has(INSTANCE_TYPE) ? context.hostType(INSTANCE_TYPE) : null;
    }

    /** The fleet's servers are the EC2 instances tagged as the cluster's: a list of them would be ignored. */
    void noHosts(String cluster) {
        if (in.has("/fleet/hosts")) {
            in.problem("/fleet/hosts", "no fleet.hosts in a live config: its servers are the EC2 instances tagged "
                    + "ldist:cluster=" + (cluster == null ? "<cluster>" : cluster) + ", and policies.scaling's "
                    + "minHosts and maxHosts bound how many", Phrases.describe(in.node("/fleet/hosts")));
        }
    }

    /** Tasks sent to the API run in the template's VMs; without one no task could ever run. */
    void templateGiven() {
        if (in.has("/fleet/pools")) {
            in.problem("/fleet/pools", "one fleet.template (vmType and perHost): live mode runs a fleet of one pool "
                    + "(pools are the simulator's so far)", "pools");
            return;
        }
        if (in.has("/fleet") && !in.has("/fleet/template") && context.soundlyRead("fleet")) {
            in.problem("/fleet", "a fleet.template (vmType and perHost): the VMs every server runs, which the "
                    + "API's tasks run in", "no template");
        }
    }

    /** The cost cap is checked against the launched type's price: without one it would check nothing. */
    void priced(HostType type) {
        if (type == null || type.priceUsdPerHour() > 0) {
            return;
        }
        for (int i = 0; i < in.size("/fleet/hostTypes"); i++) {
            String at = "/fleet/hostTypes/" + i;
            if (in.text(at + "/name", "").equals(type.name())) {
                in.problem(at + "/pricePerHour", "a pricePerHour > 0 (USD) for '" + type.name() + "', the type "
                        + "live launches: caps.maxCostPerHour is checked against it", in.has(at + "/pricePerHour")
                        ? Phrases.describe(in.node(at + "/pricePerHour")) : "nothing (a price of 0)");
                return;
            }
        }
    }

    /**
     * Stopped servers the pool may hold beyond maxHosts: a fixed pool its size; a varying one its minSize (above
     * that it holds at most the prepared capacity, within maxHosts, less the servers running).
     */
    private int standbyBeyondMaxHosts(String at) {
        JsonNode node = in.node(at);
        if (node == null || !node.isObject()) {
            return Math.max(0, in.integer(at, 0));
        }
        boolean fixed = "fixed".equals(in.text(at + "/policy", "fixed"));
        return Math.max(0, in.integer(at + (fixed ? "/size" : "/minSize"), 0));
    }

    /** The live adapter drives Hyper-V hosts only: a host type may name no other hypervisor. */
    void hyperVOnly() {
        for (int i = 0; i < in.size("/fleet/hostTypes"); i++) {
            String at = "/fleet/hostTypes/" + i + "/hypervisor";
            String pointer = in.node(at) != null && in.node(at).isObject() ? at + "/name" : at;
            if (in.has(pointer) && !"hyper-v".equals(in.text(pointer, ""))) {
                in.problem(pointer, "hyper-v or no hypervisor: live mode runs its VMs on Hyper-V hosts only",
                        Phrases.describe(in.node(pointer)));
            }
        }
    }

    /** Live launches one type only: a scaling launchType, and every launchTypes entry, if given, must be it. */
    void scalingLaunches(HostType type) {
        launchesOnly(type, SCALING + "/launchType", "launchType");
        for (int i = 0; i < in.size(SCALING + "/launchTypes"); i++) {
            launchesOnly(type, SCALING + "/launchTypes/" + i, "launchTypes");
        }
    }

    private void launchesOnly(HostType type, String at, String field) {
        String named = in.text(at, "");
        if (type != null && in.has(at) && !named.equals(type.name()) && context.knowsHostType(named)) {
            in.problem(at, "'" + type.name() + "', the type live launches (live.launch.instanceType), or no "
                    + field, Phrases.describe(in.node(at)));
        }
    }

    /**
     * The engine plans within the caps' disruption budget, so that the guard never refuses a plan for it: the
     * policies' own budget when it is no larger (a larger one is refused here), else the caps'.
     */
    EngineSettings disruptionWithinCaps(EngineSettings engine, SafetyCaps caps) {
        if (engine == null || caps == null) {
            return engine;
        }
        DisruptionBudget own = engine.rules().disruption();
        if (own != null && own.share() > caps.disruptionBudget() + 1e-12) {
            in.problem("/policies/disruption/share", "at most live.caps.disruptionBudget ("
                    + Math.round(caps.disruptionBudget() * 100) + "%), which every plan is checked against",
                    Phrases.describe(in.node("/policies/disruption/share")));
            return engine;
        }
        DisruptionBudget budget = own != null ? own : new DisruptionBudget(caps.disruptionBudget(), 0);
        FleetRules rules = engine.rules();
        return engine.withRules(new FleetRules(rules.maxVmsPerHost(), rules.sizing(), budget, rules.affinity()));
    }

    /** Scaling's bounds within the caps: its ceiling within maxInstances, its floor within maxCostPerHour. */
    void capsHoldScaling(SafetyCaps caps, HostType type) {
        String policy = in.text(SCALING + "/policy", "none");
        if (!"threshold".equals(policy) && !"predictive".equals(policy)) {
            return;
        }
        if (!in.has(SCALING + "/maxHosts")) {
            in.problem(SCALING, "a maxHosts as well: live scales up to a ceiling it is given, at most "
                    + "caps.maxInstances" + (caps == null ? "" : " (" + caps.maxInstances() + ")"), "no maxHosts");
            return;
        }
        if (caps == null || !context.soundlyRead("policies.scaling", "live.caps")) {
            return;
        }
        int max = in.integer(SCALING + "/maxHosts", 1);
        int standby = standbyBeyondMaxHosts(SCALING + "/standbyPool");
        if ((long) max + standby > caps.maxInstances()) {
            String pool = standby == 0 ? "" : " less standbyPool " + standby + ": stopped servers count too";
            in.problem(SCALING + "/maxHosts", "at most " + Math.max(0, caps.maxInstances() - standby)
                    + " (caps.maxInstances " + caps.maxInstances() + pool + "): the cap wins, refusing every plan "
                    + "that scales past it; raise the cap or lower maxHosts", String.valueOf(max));
        }
        int min = Math.max(0, in.integer(SCALING + "/minHosts", 1));
        if (type != null && context.soundlyRead("fleet.hostTypes") && min * type.priceUsdPerHour()
                > caps.maxCostPerHour()) {
            // Rounded up to the cent, so that the figure shown is itself enough.
            double floor = Math.ceil(min * type.priceUsdPerHour() * 100 - 1e-9) / 100;
            in.problem(LiveSection.CAPS + "/maxCostPerHour", "at least " + Numbers.plain(floor) + " USD per hour, "
                    + "what policies.scaling.minHosts (" + min + ") '" + type.name() + "' servers cost at "
                    + Numbers.plain(type.priceUsdPerHour()) + " each: below it every plan would be refused",
                    Phrases.describe(in.node(LiveSection.CAPS + "/maxCostPerHour")));
        }
    }
}
