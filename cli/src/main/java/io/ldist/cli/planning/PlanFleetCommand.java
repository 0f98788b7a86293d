package io.ldist.cli.planning;

import io.ldist.cli.BadInputException;
import io.ldist.cli.Notices;
import io.ldist.cli.ScenarioOptions;
import io.ldist.scenario.LoadedScenario;
import io.ldist.engine.model.HostType;
import io.ldist.engine.sizing.FleetPlan;
import io.ldist.engine.sizing.FleetPlanCheck;
import io.ldist.engine.sizing.FleetSolver;
import io.ldist.engine.sizing.FleetSolvers;
import io.ldist.engine.sizing.LowerBound;
import io.ldist.engine.sizing.SizingProblem;
import io.ldist.engine.sizing.VmDemand;
import io.ldist.scenario.spec.HostGroup;
import io.ldist.scenario.spec.VmTraceWorkload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The cheapest fleet from a scenario's server types that carries its VMs at a percentile of their demand. */
@Command(name = "plan-fleet", mixinStandardHelpOptions = true, versionProvider = io.ldist.cli.Ldist.Version.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad input: a scenario, a task-stream workload, an option"},
        description = "Size the cheapest fleet for a scenario's VMs: the scenario's server types are the catalogue, "
                + "each VM's demand its CPU at --percentile of its trace and its memory; at most fleet.maxVmsPerHost "
                + "VMs per server. Prints the servers by type, the cost per hour and the gap to a lower bound (the "
                + "best of a cardinality, a per-resource, an LP-relaxation and a configuration-LP bound, the last "
                + "seeing how VMs pair on a server). Exit 2 for bad input.",
        footerHeading = "%nExample:%n", footer = {"  ldist plan-fleet scenarios/planning/planetlab-catalogue.yaml --solver jsprit",
                "  ldist plan-fleet scenarios/planning/planetlab-3.5g.yaml --solver ffd --json"})
public final class PlanFleetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Option(names = "--solver", paramLabel = "NAME", defaultValue = "jsprit",
            description = "ffd or bfd (first/best-fit decreasing, milliseconds), lp (the configuration LP's "
                    + "patterns bought whole, the rest first-fit; seconds) or jsprit (ruin and recreate started from "
                    + "the best of the three; seconds). Default: ${DEFAULT-VALUE}.")
    String solver;

    @Option(names = "--percentile", paramLabel = "P", defaultValue = "95",
            description = "Of each VM's CPU trace, the demand sized for (0-100; default: ${DEFAULT-VALUE}).")
    double percentile;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + FleetSolvers.DEFAULT_ITERATIONS,
            description = "jsprit's iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--seed", paramLabel = "N", description = "jsprit's seed (default: the scenario's seed).")
    Long seed;

    @Option(names = "--stock-from-fleet",
            description = "Buy at most fleet.hosts' count of each type (default: any number of each type).")
    boolean stockFromFleet;

    @Option(names = "--json", description = "Print the plan as JSON: solver, costPerHour, lowerBound, gapPct, "
            + "seconds, boundSeconds, hosts by type and the assignment.")
    boolean json;

    @Override
    public Integer call() {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new BadInputException("--percentile: expected a number above 0 and at most 100, found "
                    + percentile);
        }
        if (iterations < 0) {
            throw new BadInputException("--iterations: expected a whole number >= 0, found " + iterations);
        }
        FleetSolver chosen;
        try {
            chosen = FleetSolvers.byName(solver, iterations);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--solver: " + e.getMessage());
        }
        LoadedScenario loaded = scenario.load();
        Notices.print(spec.commandLine().getErr(), loaded);
        if (!(loaded.spec().workload() instanceof VmTraceWorkload workload)) {
            throw new BadInputException(loaded.source() + ": plan-fleet sizes a fleet for VMs that follow traces "
                    + "(workload.kind: vm-trace); this scenario's workload is a task stream, whose VMs come and go");
        }
        List<VmDemand> demand = TraceDemand.of(workload, percentile);
        SizingProblem problem = new SizingProblem(demand, catalogue(loaded),
                loaded.engine().rules().maxVmsPerHost(), stockFromFleet ? stock(loaded) : Map.of(),
                loaded.spec().costs());
        long usedSeed = seed != null ? seed : loaded.spec().seed();
        long started = System.nanoTime();
        FleetPlan plan = chosen.solve(problem, usedSeed);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> broken = FleetPlanCheck.violations(problem, plan);
        if (!broken.isEmpty()) {
            throw new IllegalStateException("the " + solver + " solver broke a rule: " + broken.get(0));
        }
        long bounding = System.nanoTime();
        LowerBound bound = LowerBound.of(problem);
        double boundSeconds = (System.nanoTime() - bounding) / 1e9;
        FleetPlanReport report = new FleetPlanReport(loaded.name(), problem, plan, bound, seconds, boundSeconds,
                percentile, usedSeed, iterations);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? report.json() : report.text());
        out.flush();
        return 0;
    }

    /** The distinct server types of the fleet, in the order the scenario lists them. */
    private static List<HostType> catalogue(LoadedScenario loaded) {
        Map<String, HostType> types = new LinkedHashMap<>();
        for (HostGroup group : loaded.spec().hosts()) {
            types.putIfAbsent(group.type().name(), group.type());
        }
        return List.copyOf(types.values());
    }

    private static Map<String, Integer> stock(LoadedScenario loaded) {
        Map<String, Integer> stock = new LinkedHashMap<>();
        for (HostGroup group : loaded.spec().hosts()) {
            stock.merge(group.type().name(), group.count(), Integer::sum);
        }
        return stock;
    }
}
