package io.ldist.reports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterNamesTest {
    @Test
    void fieldPathsInWords() {
        assertThat(ParameterNames.readable("policies.overload.threshold")).isEqualTo("overload threshold");
        assertThat(ParameterNames.readable("decisionInterval")).isEqualTo("decision interval");
        assertThat(ParameterNames.readable("policies.placement")).isEqualTo("placement");
        assertThat(ParameterNames.readable("fleet.hosts[0].count")).isEqualTo("hosts count");
        assertThat(ParameterNames.readable("fleet.maxVmsPerHost")).isEqualTo("max VMs per host");
        assertThat(ParameterNames.readable("migration.cpuLoss")).isEqualTo("migration CPU loss");
        assertThat(ParameterNames.readable("")).isEmpty();
    }
}
