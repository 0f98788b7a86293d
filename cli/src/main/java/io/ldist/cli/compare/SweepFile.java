package io.ldist.cli.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.engine.util.NearestName;
import io.ldist.scenario.ScenarioDocument;
import io.ldist.scenario.ScenarioException;
import io.ldist.scenario.ScenarioProblem;
import io.ldist.scenario.SourcePosition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A parameter sweep: one scenario field, the values it takes, and optionally the policies to sweep it for
 * (in the study's notation):
 * <pre>
 * parameter: policies.overload.threshold
 * values: [0.6, 0.7, 0.8, 0.9, 1.0]
 * policies: [thr-mmt, thr-mu]
 * </pre>
 */
record SweepFile(String parameter, List<String> values, List<String> policies, Optional<PolicySweep> policySweep,
                 ScenarioDocument document) {
    static SweepFile read(Path file) {
        ScenarioDocument document = ScenarioDocument.parse(file);
        JsonNode root = document.root();
        List<ScenarioProblem> problems = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            List<String> fields = List.of("parameter", "values", "policies");
            if (!fields.contains(name)) {
                problems.add(document.problem("/" + name, "one of parameter, values, policies",
                        "unknown field '" + name + "'" + NearestName.didYouMean(fields, name).map(h -> "; " + h)
                                .orElse("")));
            }
        }
        JsonNode parameter = root.path("parameter");
        if (!parameter.isTextual() || parameter.asText().isBlank()) {
            problems.add(document.problem("/parameter", "the scenario field to sweep, such as "
                    + "policies.overload.threshold", parameter.isMissingNode() ? "nothing" : parameter.toString()));
        }
        List<String> values = scalars(document, "/values", problems, true);
        List<String> policies = root.has("policies") ? scalars(document, "/policies", problems, false) : List.of();
        JsonNode named = root.path("policies");
        for (int i = 0; i < named.size(); i++) {
            String policy = named.get(i).asText();
            if (named.get(i).isValueNode() && !StudyPolicies.known(policy)) {
                problems.add(document.problem("/policies/" + i, "a policy: " + StudyPolicies.expected(),
                        "'" + policy + "'", StudyPolicies.suggestion(policy).map(s -> "did you mean '" + s + "'?")));
            } else if (named.get(i).isValueNode()) {
                int at = i;
                StudyPolicies.parameterProblem(policy).ifPresent(problem -> problems.add(document.problem(
                        "/policies/" + at, problem.expected(), problem.found() + " in '" + policy + "'")));
            }
        }
        Optional<PolicySweep> policySweep = PolicySweep.of(document, parameter.asText());
        policySweep.ifPresent(sweep -> {
            sweep.checkListedPolicies(policies);
            problems.addAll(sweep.problems());
        });
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new SweepFile(parameter.asText(), values, policies, policySweep, document);
    }

    /**
     * A sweep of a policy's parameter that its own policies do not choose (none listed, or a field other than
     * the detector the notation sets) applies to the policy each scenario names: refuses values that policy's
     * declaration does not accept, pointing at the sweep file's lines.
     *
     * @param scenarios each scenario as the comparison reads it (its --set overrides applied)
     */
    void checkAgainst(List<ScenarioDocument> scenarios) {
        if (policySweep.isEmpty() || (!policies.isEmpty() && policySweep.get().choosesDetector())) {
            return;
        }
        scenarios.forEach(policySweep.get()::checkScenario);
        if (!policySweep.get().problems().isEmpty()) {
            throw new ScenarioException(policySweep.get().problems());
        }
    }

    /**
     * The problems of loading the swept scenarios, those that the sweep's own assignment caused pointed at the
     * sweep file's line: a field the scenario lacks at {@code parameter}, a value it refuses at that value.
     */
    ScenarioException relocated(ScenarioException e) {
        List<ScenarioProblem> problems = new ArrayList<>();
        for (ScenarioProblem problem : e.problems()) {
            ScenarioProblem shown = relocated(problem);
            if (!problems.contains(shown)) {
                problems.add(shown);
            }
        }
        return new ScenarioException(problems);
    }

    private ScenarioProblem relocated(ScenarioProblem problem) {
        if (!(problem.position().orElse(null) instanceof SourcePosition.FromOverride override)) {
            return problem;
        }
        String assignment = override.assignment();
        int value = assignment.startsWith(parameter + "=")
                ? values.indexOf(assignment.substring(parameter.length() + 1)) : -1;
        if (value < 0) {
            return problem; // a --set of the command line, not the sweep's
        }
        boolean aboutTheValue = problem.fieldPath().equals(parameter) && !problem.found().startsWith("unknown field");
        if (aboutTheValue) {
            return document.problem("/values/" + value, problem.expected() + " for " + parameter, problem.found(),
                    problem.hint());
        }
        return document.problem("/parameter", problem.expected(), problem.found() + " in " + parameter,
                problem.hint());
    }

    private static List<String> scalars(ScenarioDocument document, String pointer, List<ScenarioProblem> problems,
                                        boolean required) {
        JsonNode node = document.root().at(pointer);
        if (!node.isArray() || node.isEmpty()) {
            if (required || !node.isMissingNode()) {
                problems.add(document.problem(pointer, "a list of one or more values",
                        node.isMissingNode() ? "nothing" : node.toString()));
            }
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode value = node.get(i);
            if (!value.isValueNode() || value.isNull()) {
                problems.add(document.problem(pointer + "/" + i, "a plain value", value.toString()));
            } else {
                values.add(value.asText());
            }
        }
        return values;
    }
}
