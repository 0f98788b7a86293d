package io.ldist.cli.compare;

import io.ldist.cli.BadInputException;
import io.ldist.engine.util.NearestName;
import io.ldist.engine.util.Numbers;
import io.ldist.engine.registry.PlacementPolicies;
import io.ldist.engine.registry.Policies;
import io.ldist.engine.registry.PolicyParameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Policies named for a comparison, turned into scenario overrides: the study's notation
 * {@code detector-selector[-parameter]} (such as {@code iqr-mmt-1.5} or {@code lr-mc}), {@code dvfs} (first fit,
 * no migration), or a placement policy name (such as {@code first-fit}).
 */
final class StudyPolicies {
    private StudyPolicies() {
    }

    /** Whether {@code policy} is one of the names above, with a number for its parameter (range checked later). */
    static boolean known(String policy) {
        String name = policy.strip().toLowerCase(Locale.ROOT);
        if (name.equals("dvfs") || PlacementPolicies.family(null).has(name)) {
            return true;
        }
        String[] parts = name.split("-");
        return parts.length >= 2 && parts.length <= 3 && Policies.OVERLOAD.has(parts[0])
                && Policies.VM_SELECTION.has(parts[1]) && (parts.length == 2 || Numbers.parse(parts[2]).isPresent());
    }

    /** A notation's number the detector refuses: what its parameter takes, and what was written. */
    record ParameterProblem(String expected, String found) {
        @Override
        public String toString() {
            return "expected " + expected + ", found " + found;
        }
    }

    /**
     * What is wrong with a policy {@link #known} accepts, checked against the detector's declaration (the
     * notation's number is its first parameter): {@code thr-mmt-1.5} has a threshold above 1. Empty when nothing is.
     */
    static Optional<ParameterProblem> parameterProblem(String policy) {
        String[] parts = policy.strip().toLowerCase(Locale.ROOT).split("-");
        if (!known(policy) || parts.length != 3 || !Policies.OVERLOAD.has(parts[0])) {
            return Optional.empty();
        }
        PolicyParameter parameter = notationParameter(parts[0]);
        return parameter.refusal(Numbers.parse(parts[2]).getAsDouble()).map(expected -> new ParameterProblem(
                expected + " for the " + parameter.name() + " of " + parts[0], parts[2]));
    }

    /** The detector's parameter that the notation's number sets (thr's threshold, the others' safety). */
    static PolicyParameter notationParameter(String detector) {
        return Policies.OVERLOAD.parameters(detector).get(0);
    }

    /** Why --policies refuses {@code policy}, or empty when it takes it. */
    static Optional<String> refusal(String policy) {
        if (!known(policy)) {
            return Optional.of(notAPolicy(policy));
        }
        return parameterProblem(policy).map(problem -> "--policies: '" + policy + "': " + problem);
    }

    /** What a policy name should be, for messages. */
    static String expected() {
        return "detector-selector[-parameter] (detectors " + String.join(", ", Policies.OVERLOAD.names())
                + "; selectors " + String.join(", ", Policies.VM_SELECTION.names()) + "), dvfs, or a placement "
                + "policy (" + String.join(", ", PlacementPolicies.family(null).names()) + ")";
    }

    /**
     * The policy {@code policy} was probably meant to be: the nearest name without its parameter, and with a
     * parameter the nearest detector-selector before it ({@code thr-mmtt-0.8}: {@code thr-mmt-0.8}).
     */
    static Optional<String> suggestion(String policy) {
        String name = policy.strip().toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>(List.of("dvfs"));
        names.addAll(PlacementPolicies.family(null).names());
        List<String> pairs = new ArrayList<>();
        for (String detector : Policies.OVERLOAD.names()) {
            for (String selector : Policies.VM_SELECTION.names()) {
                pairs.add(detector + "-" + selector);
            }
        }
        names.addAll(pairs);
        Optional<String> whole = NearestName.among(names, name);
        int dash = name.lastIndexOf('-');
        if (whole.isPresent() || dash < 0 || Numbers.parse(name.substring(dash + 1)).isEmpty()) {
            return whole;
        }
        return NearestName.among(pairs, name.substring(0, dash)).map(pair -> pair + name.substring(dash));
    }

    /** "--policies: 'x' is not a policy: expected ...; did you mean 'y'?" */
    static String notAPolicy(String policy) {
        return "--policies: '" + policy + "' is not a policy: expected " + expected()
                + suggestion(policy).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    /** The scenario overrides of a policy {@link #known} knows. */
    static List<String> overridesFor(String policy) {
        String name = policy.strip().toLowerCase(Locale.ROOT);
        refusal(policy).ifPresent(problem -> {
            throw new BadInputException(problem);
        });
        if (name.equals("dvfs")) {
            return List.of("policies.overload=none", "policies.underload=none", "policies.placement=first-fit");
        }
        if (PlacementPolicies.family(null).has(name)) {
            return List.of("policies.placement=" + name);
        }
        String[] parts = name.split("-");
        List<String> overrides = new ArrayList<>();
        String detector = parts[0];
        String parameter = notationParameter(detector).name();
        // Always a mapping, so that a sweep can set the detector's fields on top.
        overrides.add("policies.overload={name: " + detector + (parts.length == 3 ? ", " + parameter + ": " + parts[2]
                : "") + "}");
        overrides.add("policies.vmSelection=" + parts[1]);
        return overrides;
    }
}
