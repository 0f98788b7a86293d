package io.ldist.cli.compare;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterUnitsTest {
    @Test
    void unitsOfTheSchema() {
        assertThat(ParameterUnits.of("decisionInterval")).isEqualTo("s");
        assertThat(ParameterUnits.of("policies.scaling.cooldown")).isEqualTo("s");
        assertThat(ParameterUnits.of("fleet.hostTypes[0].ram")).isEqualTo("MiB");
        assertThat(ParameterUnits.of("fleet.vmTypes[1].network")).isEqualTo("Mbit/s");
    }

    @Test
    void sharesThresholdsAndCounts_haveNone() {
        assertThat(ParameterUnits.of("policies.overload.threshold")).isEmpty();
        assertThat(ParameterUnits.of("migration.bandwidthShare")).isEmpty();
        assertThat(ParameterUnits.of("fleet.hosts[0].count")).isEmpty();
        assertThat(ParameterUnits.of("no.such.field")).isEmpty();
    }
}
