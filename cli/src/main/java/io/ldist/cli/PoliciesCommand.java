package io.ldist.cli;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.registry.PlacementPolicies;
import io.ldist.engine.registry.Policies;
import io.ldist.engine.registry.PolicyFamily;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Lists every policy a scenario can name. */
@Command(name = "policies", mixinStandardHelpOptions = true, description = "List the policies a scenario can choose, by family.")
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
        return 0;
    }

    private static void print(PrintWriter out, PolicyFamily<?> family, String field) {
        if (!field.isEmpty()) {
            out.println();
            out.println(field);
        }
        for (String name : family.names()) {
            out.printf("  %-22s %s%n", name, family.description(name));
        }
    }
}
