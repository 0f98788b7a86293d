package io.ldist.cli.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.cli.scenario.ScenarioDocument;
import io.ldist.cli.scenario.ScenarioProblem;
import io.ldist.engine.registry.PolicyParameter;
import io.ldist.engine.registry.Policies;
import io.ldist.engine.util.Numbers;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The checks of a sweep over an overload detector's parameter ({@code policies.overload.threshold}) for the
 * detectors its policies name: each must declare the parameter, and each value must be in its declared range.
 * They are made on the sweep file, where its line can be shown; a sweep without policies sweeps the scenario's
 * own detector, which the scenario loader checks the same way.
 */
final class DetectorSweep {
    private static final String PREFIX = "policies.overload.";

    private DetectorSweep() {
    }

    static void problems(ScenarioDocument document, String parameter, List<String> policies,
                         List<ScenarioProblem> problems) {
        if (!parameter.startsWith(PREFIX) || parameter.length() == PREFIX.length()) {
            return;
        }
        String name = parameter.substring(PREFIX.length());
        JsonNode values = document.root().path("values");
        Set<String> checked = new HashSet<>();
        for (String policy : policies) {
            String detector = policy.strip().toLowerCase(Locale.ROOT).split("-")[0];
            // An unknown policy is refused already; dvfs or a placement policy has no detector; each detector once.
            if (!StudyPolicies.known(policy) || !Policies.OVERLOAD.has(detector) || !checked.add(detector)) {
                continue;
            }
            Optional<PolicyParameter> declared = Policies.OVERLOAD.parameter(detector, name);
            if (declared.isEmpty()) {
                problems.add(document.problem("/parameter", "a parameter of " + detector + " (" + String.join(", ",
                        Policies.OVERLOAD.parameterNames(detector)) + "), since policies names " + policy,
                        "'" + name + "'"));
                continue;
            }
            for (int i = 0; i < values.size(); i++) {
                JsonNode value = values.get(i);
                int at = i;
                declared.get().refusal(typed(value)).ifPresent(expected -> problems.add(document.problem(
                        "/values/" + at, expected + " for the " + name + " of " + detector, value.isTextual() ? "'" + value.asText() + "'" : value.asText())));
            }
        }
    }

    /** A value as the scenario would read it after the override: a number, true or false, or text. */
    private static Object typed(JsonNode value) {
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        OptionalDouble number = Numbers.parse(value.asText());
        return number.isPresent() ? (Object) number.getAsDouble() : value.asText();
    }
}
