package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.registry.ParameterType;
import io.ldist.engine.registry.Policies;
import io.ldist.engine.registry.PolicyFamily;
import io.ldist.engine.registry.PolicyParameter;
import io.ldist.engine.util.Numbers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policy parameters are checked against the registry's declarations where the scenario is checked, so that
 * validate, simulate and compare refuse before any work what a policy's constructor would refuse mid-run.
 * Lines and columns refer to {@link TestScenarios#TRACE}.
 */
class PolicyParametersTest {
    @TempDir
    Path tmp;

    private String refused(String... args) {
        return CliRun.refusedLeaving(tmp, args);
    }

    @Test
    void negativeSafety_refusedByValidateSimulateAndCompareBeforeAnyRun() {
        Path scenario = TestScenarios.trace(tmp);
        String set = "policies.overload={name: iqr, safety: -1}";
        String expected = "--set " + set + ": policies.overload.safety: expected a number >= 0, found -1\n";

        assertThat(refused("validate", scenario.toString(), "--set", set)).isEqualTo(expected);
        assertThat(refused("simulate", scenario.toString(), "--set", set, "--out", tmp.resolve("out").toString()))
                .isEqualTo(expected);
        assertThat(refused("compare", scenario.toString(), "--set", set, "--out", tmp.resolve("out").toString()))
                .isEqualTo(expected);
    }

    @Test
    void unknownWronglyTypedAndOutOfRangeParameters_allReportedAtOnceWhereTheyStand() {
        Path scenario = TestScenarios.trace(tmp, "overload: {name: thr, threshold: 0.8}",
                "overload: {name: lr, safty: 1.2, fallback: 0, tricube: 1}",
                "underload: least-utilized", "underload: {name: least-utilized, below: 120%}");

        assertThat(refused("validate", scenario.toString())).isEqualTo(String.join("\n",
                scenario + ":23:24: policies.overload.safty: expected a parameter of lr (safety, fallback, tricube), "
                        + "found 'safty'; did you mean 'safety'?",
                scenario + ":23:36: policies.overload.fallback: expected a share in (0, 1], found 0",
                scenario + ":23:49: policies.overload.tricube: expected true or false, found 1",
                scenario + ":25:37: policies.underload.below: expected a share in (0, 1], found '120%'") + "\n");
    }

    /** Derived from the declarations: a new parameter is covered without touching this test. */
    @Test
    void everyDeclaredNumberParameter_refusedJustOutsideItsRange_andTakenAtItsDefault() {
        Path scenario = TestScenarios.trace(tmp);
        int checked = 0;
        for (Map.Entry<String, PolicyFamily<?>> field : Map.of("overload", Policies.OVERLOAD, "underload",
                Policies.UNDERLOAD).entrySet()) {
            PolicyFamily<?> family = field.getValue();
            for (String name : family.names()) {
                for (PolicyParameter parameter : family.parameters(name)) {
                    if (parameter.type() != ParameterType.NUMBER) {
                        continue;
                    }
                    double outside = parameter.range().minIncluded() ? parameter.range().min() - 1
                            : parameter.range().min();
                    String bad = "policies." + field.getKey() + "={name: " + name + ", " + parameter.name() + ": "
                            + Numbers.plain(outside) + "}";
                    assertThat(refused("validate", scenario.toString(), "--set", bad)).isEqualTo("--set " + bad
                            + ": policies." + field.getKey() + "." + parameter.name() + ": expected "
                            + parameter.expected() + ", found " + Numbers.plain(outside) + "\n");
                    String fine = "policies." + field.getKey() + "={name: " + name + ", " + parameter.name() + ": "
                            + parameter.defaultText() + "}";
                    CliRun run = CliRun.ldist("validate", scenario.toString(), "--set", fine);
                    assertThat(run.exitCode()).as(fine + "\n" + run).isZero();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    @Test
    void compareNotationWithAParameterOutOfRange_refusedNamingTheDetectorsRange() {
        Path scenario = TestScenarios.trace(tmp);

        assertThat(refused("compare", scenario.toString(), "--policies", "thr-mmt-0.8,thr-mmt-1.5,lr-mc-0",
                "--out", tmp.resolve("out").toString())).isEqualTo(
                "--policies: 'thr-mmt-1.5': expected a share in (0, 1] for the threshold of thr, found 1.5\n"
                        + "--policies: 'lr-mc-0': expected a number > 0 for the safety of lr, found 0\n");
    }

    @Test
    void sweepValuesAndPoliciesOutOfRange_refusedWithTheirLines() {
        Path scenario = TestScenarios.trace(tmp);
        Path sweep = TestScenarios.write(tmp.resolve("sweep.yaml"), """
                parameter: policies.overload.threshold
                values: [0.6, 1.2, high]
                policies: [thr-mmt, thr-mu-0]
                """);

        assertThat(refused("compare", scenario.toString(), "--sweep", sweep.toString(), "--out",
                tmp.resolve("out").toString())).isEqualTo(String.join("\n",
                sweep + ":2:15: values[1]: expected a share in (0, 1] for the threshold of thr, found 1.2",
                sweep + ":2:20: values[2]: expected a share in (0, 1] for the threshold of thr, found 'high'",
                sweep + ":3:21: policies[1]: expected a share in (0, 1] for the threshold of thr, found 0 in "
                        + "'thr-mu-0'") + "\n");
    }

    @Test
    void sweepWithoutPolicies_checkedAgainstTheScenariosOwnPolicy_atTheSweepsLines() {
        Path scenario = TestScenarios.trace(tmp);
        Path sweep = TestScenarios.write(tmp.resolve("sweep.yaml"), """
                parameter: policies.underload.below
                values: [0.5, 0]
                """);

        assertThat(refused("compare", scenario.toString(), "--sweep", sweep.toString(), "--out",
                tmp.resolve("out").toString())).isEqualTo(sweep + ":2:15: values[1]: expected a share in (0, 1] for "
                + "the below of least-utilized, found 0\n");
    }

    @Test
    void sweepOfTheUnderloadPolicy_withDetectorPolicies_stillCheckedAgainstTheScenariosUnderloadPolicy() {
        Path scenario = TestScenarios.trace(tmp);
        Path sweep = TestScenarios.write(tmp.resolve("sweep.yaml"), """
                parameter: policies.underload.below
                values: [2]
                policies: [thr-mmt]
                """);

        assertThat(refused("compare", scenario.toString(), "--sweep", sweep.toString(), "--out",
                tmp.resolve("out").toString())).isEqualTo(sweep + ":2:10: values[0]: expected a share in (0, 1] for "
                + "the below of least-utilized, found 2\n");
    }

    @Test
    void sweepOfAParameterADetectorLacks_refused() {
        Path scenario = TestScenarios.trace(tmp);
        Path sweep = TestScenarios.write(tmp.resolve("sweep.yaml"), """
                parameter: policies.overload.threshold
                values: [0.6, 0.7]
                policies: [thr-mmt, mad-mmt]
                """);

        assertThat(refused("compare", scenario.toString(), "--sweep", sweep.toString(), "--out",
                tmp.resolve("out").toString())).isEqualTo(sweep + ":1:1: parameter: expected a parameter of mad ("
                + String.join(", ", Policies.OVERLOAD.parameterNames("mad")) + "), since policies names mad-mmt, "
                + "found 'threshold'\n");
    }

    @Test
    void policiesCommand_showsEveryDeclaredParameterWithItsRangeAndDefault() {
        CliRun run = CliRun.ldist("policies");

        assertThat(run.exitCode()).isZero();
        for (PolicyFamily<?> family : List.of(Policies.OVERLOAD, Policies.UNDERLOAD)) {
            for (String name : family.names()) {
                for (PolicyParameter parameter : family.parameters(name)) {
                    assertThat(run.out()).contains(parameter.summary() + "\n");
                }
            }
        }
        assertThat(run.out()).contains("threshold (a share in (0, 1]; default 0.8): ");
    }
}
