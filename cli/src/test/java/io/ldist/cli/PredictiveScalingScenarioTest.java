package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictiveScalingScenarioTest {
    @TempDir
    Path tmp;

    private static final String PREDICTIVE = "policies.scaling={policy: predictive, minHosts: 1, maxHosts: 4, "
            + "forecaster: holt, confidence: 80%, lead: 6m}";

    @Test
    void aPredictiveScenarioRunsAndListsItsPolicy() {
        Path scenario = TestScenarios.tasks(tmp);
        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", tmp.resolve("out").toString(),
                "--quiet", "--set", PREDICTIVE);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(tmp.resolve("out/summary.json")).exists();
        assertThat(CliRun.ldist("policies").out()).contains("predictive", "holt-winters");
    }

    @Test
    void forecastOnlyWritesItsAdviceAmongTheEventsAndLaunchesNothingForIt() throws java.io.IOException {
        Path out = tmp.resolve("advice");
        CliRun run = CliRun.ldist("simulate", "../scenarios/tasks/ec2-day.yaml", "--out", out.toString(), "--quiet",
                "--set", "duration=12h", "--set", "policies.scaling.policy=predictive", "--set",
                "policies.scaling.forecastOnly=true");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String events = java.nio.file.Files.readString(out.resolve("events.csv"));
        assertThat(events).contains(",ScalingAdvice,SCALE_OUT,", "forecast only, nothing launched");
        Path thresholds = tmp.resolve("thresholds");
        CliRun alone = CliRun.ldist("simulate", "../scenarios/tasks/ec2-day.yaml", "--out", thresholds.toString(),
                "--quiet", "--set", "duration=12h");
        assertThat(alone.exitCode()).as(alone.toString()).isZero();
        assertThat(java.nio.file.Files.readString(out.resolve("summary.json")))
                .isEqualTo(java.nio.file.Files.readString(thresholds.resolve("summary.json")));
    }

    @Test
    void aConfidenceOfAHundredPercentIsRefusedAtItsField() {
        String err = CliRun.refusedLeaving(tmp, "validate", TestScenarios.tasks(tmp).toString(), "--set",
                PREDICTIVE.replace("80%", "100%"));

        assertThat(err).contains("policies.scaling.confidence: expected a confidence between 0 and 100% "
                + "(exclusive), found '100%'");
    }

    @Test
    void anUnknownForecasterIsRefusedWithTheNamesThereAre() {
        String err = CliRun.refusedLeaving(tmp, "validate", TestScenarios.tasks(tmp).toString(), "--set",
                PREDICTIVE.replace("holt,", "holt-winter,"));

        assertThat(err).contains("policies.scaling.forecaster").contains("holt-winters");
    }

    @Test
    void forecastSettingsOnThresholdScalingAreIgnoredWithANoticeSoThatASweepOfThePolicyKeepsThem() {
        CliRun run = CliRun.ldist("validate", TestScenarios.tasks(tmp).toString(), "--set",
                PREDICTIVE.replace("predictive", "threshold"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("policies.scaling.forecaster is ignored: threshold scaling does not forecast");
    }
}
