package io.ldist.cli;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.registry.PlacementPolicies;
import io.ldist.engine.registry.Policies;
import io.ldist.engine.registry.PolicyFamily;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Lists every policy a scenario can name. */
@Command(name = "policies", mixinStandardHelpOptions = true, description = "List the policies a scenario can choose, by family.")
final class PoliciesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("policies.scorer");
        System.out.printf("  %-22s %s%n", EngineSettings.WEIGHTED_SCORER,
                "weighted mean of request, CPU, memory and GPU load (policies.weights; default)");
        print(Policies.SCORERS, "");
        print(PlacementPolicies.family(null), "policies.placement");
        print(Policies.OVERLOAD, "policies.overload");
        print(Policies.VM_SELECTION, "policies.vmSelection");
        print(Policies.UNDERLOAD, "policies.underload");
        return 0;
    }

    private static void print(PolicyFamily<?> family, String field) {
        if (!field.isEmpty()) {
            System.out.println();
            System.out.println(field);
        }
        for (String name : family.names()) {
            System.out.printf("  %-22s %s%n", name, family.description(name));
        }
    }
}
