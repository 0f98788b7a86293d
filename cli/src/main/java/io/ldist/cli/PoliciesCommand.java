package io.ldist.cli;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.registry.PlacementPolicies;
import io.ldist.engine.registry.Policies;
import io.ldist.engine.registry.PolicyFamily;
import io.ldist.engine.registry.PolicyParameter;
import io.ldist.engine.scale.ScaleOutForecast;
import io.ldist.engine.scale.ScalingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Lists every policy a scenario can name. */
@Command(name = "policies", mixinStandardHelpOptions = true, versionProvider = Ldist.Version.class,
        footerHeading = "%nExample:%n", footer = "  ldist policies",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done"},
        description = "List the policies a scenario can choose, by family.")
final class PoliciesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;


    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("policies.scorer");
        out.printf("  %-22s %s%n", EngineSettings.WEIGHTED_SCORER,
                "weighted mean of request, CPU, memory and GPU load (policies.weights; default)");
        print(out, Policies.SCORERS, "");
        print(out, PlacementPolicies.family(null), "policies.placement");
        print(out, Policies.OVERLOAD, "policies.overload");
        print(out, Policies.VM_SELECTION, "policies.vmSelection");
        print(out, Policies.UNDERLOAD, "policies.underload");
        print(out, Policies.FORECASTERS, "forecasters (ldist forecast-eval --methods)");
        print(out, Policies.ANOMALY_DETECTORS, "anomaly detectors (ldist anomaly-eval --detectors)");
        out.println();
        out.println("policies.scaling");
        out.printf("  %-22s %s%n", "none", "a fixed fleet (default); failover still brings back servers of the failed "
                + "type, up to the starting fleet size");
        out.printf("  %-22s %s%n", "threshold", "policy: threshold; scale out when the fleet load over window ("
                + Durations.describe(ScalingSettings.DEFAULT_WINDOW_S) + ") exceeds scaleOut ("
                + ScalingSettings.DEFAULT_SCALE_OUT + "), drain a server when below scaleIn ("
                + ScalingSettings.DEFAULT_SCALE_IN + "); step, cooldown (" + Durations.describe(
                ScalingSettings.DEFAULT_COOLDOWN_S) + "), minHosts, maxHosts, standbyPool, launchType, drain: "
                + "finish or migrate");
        out.printf("  %-22s %s%n", "predictive", "policy: predictive; threshold scaling, and also scale out ahead of "
                + "the demand forecast lead ahead (default: the launch type's boot time plus one decision interval) "
                + "at confidence (" + Math.round(100 * ScaleOutForecast.DEFAULT_CONFIDENCE) + "%) by forecaster: "
                + "holt or holt-winters (default; a daily season once a day is known); never scales in on a forecast; "
                + "forecastOnly: true reports what it would add and adds nothing");
        out.println();
        out.println("ldist compare --policies (on the scenario's other settings)");
        out.printf("  %-22s %s%n", "DETECTOR-SELECTOR[-P]", "an overload detector and a VM selector of the above, with "
                + "the detector's threshold or safety: thr-mmt-0.8, iqr-mc, lr-mmt-1.2");
        out.printf("  %-22s %s%n", "dvfs", "the study's DVFS baseline: first fit, no migration and no consolidation (power still follows load)");
        out.printf("  %-22s %s%n", "PLACEMENT", "a placement policy of the above: only the placement changes");
        return 0;
    }

    private static void print(PrintWriter out, PolicyFamily<?> family, String field) {
        if (!field.isEmpty()) {
            out.println();
            out.println(field);
        }
        for (String name : family.names()) {
            boolean byDefault = family.defaultName().filter(name::equals).isPresent();
            out.printf("  %-22s %s%s%n", name, family.description(name), byDefault ? " (default)" : "");
            // From the declarations the scenario loader checks against, so the defaults shown cannot drift.
            for (PolicyParameter parameter : family.parameters(name)) {
                out.printf("  %-22s   %s%n", "", parameter.summary());
            }
        }
    }
}
