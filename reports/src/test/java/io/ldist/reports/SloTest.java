package io.ldist.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading {@code --slo METRIC<=VALUE}, and whether a run meets one, dropped tasks counted against waits. */
class SloTest {
    @Test
    void objective_readWithSpacesAndEveryOperator() {
        Slo slo = Slo.parse(" p95WaitS <= 60 ");

        assertThat(slo.metric().name()).isEqualTo("p95WaitS");
        assertThat(slo.operator()).isEqualTo(Slo.Operator.AT_MOST);
        assertThat(slo.value()).isEqualTo(60);
        assertThat(slo).hasToString("p95WaitS<=60");
        assertThat(slo.describe()).isEqualTo("95th percentile wait at most 60.0 s");
        assertThat(Slo.parse("tasksDropped<1").operator()).isEqualTo(Slo.Operator.BELOW);
        assertThat(Slo.parse("slatah>=0.01").operator()).isEqualTo(Slo.Operator.AT_LEAST);
        assertThat(Slo.parse("migrations>3").operator()).isEqualTo(Slo.Operator.ABOVE);
    }

    @Test
    void misspeltMetric_refusedWithTheNearestName() {
        assertThatThrownBy(() -> Slo.parse("p95Wait<=60"))
                .hasMessageStartingWith("--slo 'p95Wait<=60': no metric 'p95Wait'; did you mean 'p95WaitS'? "
                        + "(metrics: energyKWh, costUsd,");
    }

    @Test
    void unknownOperator_refusedWithTheOperatorsThereAre() {
        assertThatThrownBy(() -> Slo.parse("p95WaitS=<60"))
                .hasMessage("--slo 'p95WaitS=<60': unknown operator '=<' (expected <=, <, >= or >)");
        assertThatThrownBy(() -> Slo.parse("p95WaitS==60"))
                .hasMessage("--slo 'p95WaitS==60': unknown operator '==' (expected <=, <, >= or >)");
    }

    @Test
    void missingOperatorOrNumber_refusedSayingWhatWasExpected() {
        assertThatThrownBy(() -> Slo.parse("p95WaitS 60"))
                .hasMessage("--slo 'p95WaitS 60': expected an operator (<=, <, >= or >) after p95WaitS, found '60'");
        assertThatThrownBy(() -> Slo.parse("p95WaitS<=1min"))
                .hasMessage("--slo 'p95WaitS<=1min': expected a number after p95WaitS<= (in s), found '1min'");
        assertThatThrownBy(() -> Slo.parse("slatah<=5%"))
                .hasMessage("--slo 'slatah<=5%': expected a number after slatah<= (in a fraction, 0.05 for 5 %), "
                        + "found '5%'");
        assertThatThrownBy(() -> Slo.parse("<=60")).hasMessage("--slo '<=60': expected METRIC OPERATOR VALUE, such "
                + "as p95WaitS<=60");
        assertThatThrownBy(() -> Slo.parse("")).hasMessageStartingWith("--slo '': expected METRIC OPERATOR VALUE");
        assertThatThrownBy(() -> Slo.parse("p95WaitS<=NaN")).hasMessageContaining("expected a finite number");
    }

    @Test
    void waitObjective_countsTasksThatDidNotComplete() {
        Slo slo = Slo.parse("p95WaitS<=60");
        // The started tasks all waited 0 s, but a tenth of the tasks were dropped: 95 % of all did not start in time.
        ResultsTable.Row dropping = row(1000, 900, 0, 0, 0);
        // A few dropped of many: 99 % of the completed tasks started at once, more than 95 % of all that arrived.
        ResultsTable.Row fewDropped = row(100_000, 99_998, 0, 0, 0);
        ResultsTable.Row slow = row(1000, 1000, 10, 120, 300);

        assertThat(slo.metBy(dropping)).isFalse();
        assertThat(slo.metBy(fewDropped)).isTrue();
        assertThat(slo.metBy(slow)).isFalse();
        assertThat(Slo.parse("p99WaitS<=300").metBy(slow)).isTrue();
    }

    @Test
    void objectiveOnAnotherMetric_comparesTheRunsValue_andNothingMeasuredNeverMeetsIt() {
        ResultsTable.Row run = new SampleResults().run("p", "-", 1, "tasksDropped", 3).table().rows().get(0);

        assertThat(Slo.parse("tasksDropped<=3").metBy(run)).isTrue();
        assertThat(Slo.parse("tasksDropped<3").metBy(run)).isFalse();
        assertThat(Slo.parse("slatah<=1").metBy(run)).as("no SLATAH measured").isFalse();
    }

    private static ResultsTable.Row row(long arrived, long completed, double p50, double p95, double p99) {
        return new SampleResults().run("p", "-", 1, "tasksArrived", arrived, "tasksCompleted", completed,
                "p50WaitS", p50, "p95WaitS", p95, "p99WaitS", p99).table().rows().get(0);
    }
}
