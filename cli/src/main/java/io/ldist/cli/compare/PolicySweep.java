package io.ldist.cli.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.scenario.ScenarioDocument;
import io.ldist.scenario.ScenarioProblem;
import io.ldist.engine.registry.PolicyFamily;
import io.ldist.engine.registry.PolicyParameter;
import io.ldist.engine.registry.Policies;
import io.ldist.engine.util.Numbers;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The checks of a sweep over a policy's parameter ({@code policies.overload.threshold},
 * {@code policies.underload.below}) against the declaration of the policy it applies to: the policy must declare
 * the parameter, and each value must be in its declared range. They are made on the sweep file, so that a
 * problem points at the value's line there rather than at the override the comparison makes of it.
 */
final class PolicySweep {
    /** The scenario fields whose parameters a sweep can set, with the family of the policy each names. */
    private static final Map<String, PolicyFamily<?>> FIELDS = Map.of("overload", Policies.OVERLOAD,
            "underload", Policies.UNDERLOAD);

    private final ScenarioDocument sweep;
    private final String field;
    private final String parameter;
    private final Set<ScenarioProblem> problems = new LinkedHashSet<>();

    private PolicySweep(ScenarioDocument sweep, String field, String parameter) {
        this.sweep = sweep;
        this.field = field;
        this.parameter = parameter;
    }

    /** The sweep of {@code parameter} (a scenario field path), if it is a policy parameter. */
    static Optional<PolicySweep> of(ScenarioDocument sweep, String parameter) {
        String[] parts = parameter.split("\\.");
        if (parts.length != 3 || !parts[0].equals("policies") || !FIELDS.containsKey(parts[1])) {
            return Optional.empty();
        }
        return Optional.of(new PolicySweep(sweep, parts[1], parts[2]));
    }

    /** Whether the swept field is the detector's, which the study's notation chooses. */
    boolean choosesDetector() {
        return field.equals("overload");
    }

    /** Checks the sweep for the detectors its policies (in the study's notation, each {@link StudyPolicies#known}) name. */
    void checkListedPolicies(List<String> policies) {
        if (!choosesDetector()) {
            return; // the notation chooses only the detector; other fields keep the scenario's policy
        }
        for (String policy : policies) {
            String detector = policy.strip().toLowerCase(Locale.ROOT).split("-")[0];
            // dvfs or a placement policy keeps no detector of its own to check against
            if (StudyPolicies.known(policy) && Policies.OVERLOAD.has(detector)) {
                check(detector, "policies names " + policy);
            }
        }
    }

    /** Checks the sweep for the policy {@code scenario} itself names in the swept field, if it names one. */
    void checkScenario(ScenarioDocument scenario) {
        JsonNode node = scenario.root().at("/policies/" + field);
        String name = node.isTextual() ? node.asText() : node.path("name").asText();
        if (FIELDS.get(field).has(name)) {
            check(name.toLowerCase(Locale.ROOT), scenario.displayName() + " sets policies." + field + " to " + name);
        }
    }

    List<ScenarioProblem> problems() {
        return List.copyOf(problems);
    }

    private void check(String policy, String because) {
        PolicyFamily<?> family = FIELDS.get(field);
        Optional<PolicyParameter> declared = family.parameter(policy, parameter);
        if (declared.isEmpty()) {
            problems.add(sweep.problem("/parameter", "a parameter of " + policy + " (" + String.join(", ",
                    family.parameterNames(policy)) + "), since " + because, "'" + parameter + "'"));
            return;
        }
        JsonNode values = sweep.root().path("values");
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            String at = "/values/" + i;
            declared.get().refusal(typed(value)).ifPresent(expected -> problems.add(sweep.problem(at,
                    expected + " for the " + parameter + " of " + policy,
                    value.isTextual() ? "'" + value.asText() + "'" : value.asText())));
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
