package io.ldist.cli.compare;

import io.ldist.cli.BadInputException;
import io.ldist.engine.util.NearestName;
import io.ldist.engine.registry.PlacementPolicies;
import io.ldist.engine.registry.Policies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Policies named for a comparison, turned into scenario overrides: the study's notation
 * {@code detector-selector[-parameter]} (such as {@code iqr-mmt-1.5} or {@code lr-mc}), {@code dvfs} (first fit,
 * no migration), or a placement policy name (such as {@code first-fit}).
 */
final class StudyPolicies {
    private StudyPolicies() {
    }

    static List<String> overridesFor(String policy) {
        String name = policy.strip().toLowerCase(Locale.ROOT);
        if (name.equals("dvfs")) {
            return List.of("policies.overload=none", "policies.underload=none", "policies.placement=first-fit");
        }
        if (PlacementPolicies.family(null).has(name)) {
            return List.of("policies.placement=" + name);
        }
        String[] parts = name.split("-");
        if (parts.length < 2 || parts.length > 3 || !Policies.OVERLOAD.has(parts[0])
                || !Policies.VM_SELECTION.has(parts[1])) {
            List<String> known = new ArrayList<>(List.of("dvfs"));
            known.addAll(PlacementPolicies.family(null).names());
            for (String detector : Policies.OVERLOAD.names()) {
                known.add(detector + "-mmt");
            }
            throw new BadInputException("--policies: '" + policy + "' is not a policy: expected detector-selector"
                    + "[-parameter] (detectors " + String.join(", ", Policies.OVERLOAD.names()) + "; selectors "
                    + String.join(", ", Policies.VM_SELECTION.names()) + "), dvfs, or a placement policy ("
                    + String.join(", ", PlacementPolicies.family(null).names()) + ")"
                    + NearestName.didYouMean(known, name).map(h -> "; " + h).orElse(""));
        }
        List<String> overrides = new ArrayList<>();
        String detector = parts[0];
        String parameter = Policies.OVERLOAD.parameters(detector).get(0);
        // Always a mapping, so that a sweep can set the detector's fields on top.
        overrides.add("policies.overload={name: " + detector + (parts.length == 3 ? ", " + parameter + ": " + parts[2]
                : "") + "}");
        overrides.add("policies.vmSelection=" + parts[1]);
        return overrides;
    }
}
