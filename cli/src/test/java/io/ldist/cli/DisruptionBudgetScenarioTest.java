package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.cli.liveconfig.LiveConfigLoader;
import io.ldist.scenario.ScenarioLoader;
import io.ldist.engine.decide.DisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisruptionBudgetScenarioTest {
    @TempDir
    Path tmp;

    @Test
    void aScenariosBudgetReachesTheEngine() {
        var loaded = ScenarioLoader.load(TestScenarios.tasks(tmp), List.of("policies.disruption={share: 25%, atMost: 3}"));

        assertThat(loaded.engine().rules().disruption()).isEqualTo(new DisruptionBudget(0.25, 3));
    }

    @Test
    void aShareOfNothingIsRefusedAtItsField() {
        String err = CliRun.refusedLeaving(tmp, "validate", TestScenarios.tasks(tmp).toString(), "--set",
                "policies.disruption={share: 0%}");

        assertThat(err).contains("policies.disruption.share: expected a share above 0, at most 100%");
    }

    @Test
    void liveModePlansWithinItsCapsBudgetAndRefusesALargerOwnOne() throws IOException {
        Path config = tmp.resolve("live.yaml");
        Files.copy(Path.of("../scenarios/live/moto-demo.yaml"), config);

        assertThat(LiveConfigLoader.load(config).engine().rules().disruption())
                .isEqualTo(new DisruptionBudget(0.34, 0));
        assertThat(LiveConfigLoader.load(config, List.of("policies.disruption={share: 20%}")).engine().rules()
                .disruption()).isEqualTo(new DisruptionBudget(0.2, 0));
        String err = CliRun.refusedLeaving(tmp, "validate", config.toString(), "--set",
                "policies.disruption={share: 50%}");
        assertThat(err).contains("policies.disruption.share: expected at most live.caps.disruptionBudget (34%)");
    }
}
