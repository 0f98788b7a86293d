package io.ldist.cli;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.registry.PlacementPolicies;
import io.ldist.engine.registry.Policies;
import io.ldist.engine.registry.PolicyFamily;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry's policy names as ldist's messages list them, so that a test of a message follows the registry
 * instead of copying its lists (a new policy would otherwise break every such test).
 */
final class RegistryLists {
    static final PolicyFamily<?> PLACEMENT = PlacementPolicies.family(null);

    private RegistryLists() {
    }

    /** "a, b or c", with {@code extra} names after the family's. */
    static String orList(PolicyFamily<?> family, String... extra) {
        List<String> names = new ArrayList<>(family.names());
        names.addAll(List.of(extra));
        return orList(names);
    }

    /** Every scorer a scenario can name: the weighted one, then the registry's. */
    static String scorers() {
        List<String> names = new ArrayList<>(List.of(EngineSettings.WEIGHTED_SCORER));
        names.addAll(Policies.SCORERS.names());
        return orList(names);
    }

    private static String orList(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** "a, b, c". */
    static String commaList(PolicyFamily<?> family) {
        return String.join(", ", family.names());
    }

    /** What ldist compare says a policy of its notation must be. */
    static String studyNotation() {
        return "detector-selector[-parameter] (detectors " + commaList(Policies.OVERLOAD) + "; selectors "
                + commaList(Policies.VM_SELECTION) + "), dvfs, or a placement policy (" + commaList(PLACEMENT) + ")";
    }
}
