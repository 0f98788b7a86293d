package io.ldist.sim.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The waits distribution counts every arrived task: those that never started keep it below the arrived count. */
class WaitDistributionTest {
    @Test
    void theGrid_isZeroThenOneTwoFivePerDecade_upToTheRunsLength() {
        assertThat(WaitDistribution.grid(600)).containsExactly(0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000);
        assertThat(WaitDistribution.grid(1)).containsExactly(0, 1);
    }

    @Test
    void tasksThatNeverStarted_keepTheLastShareBelowOne() {
        TaskStatistics t = new TaskStatistics();
        for (int i = 0; i < 10; i++) {
            t.arrived(0);
        }
        double[] waits = {0, 0, 0.5, 1, 3, 7, 40, 40};
        for (double w : waits) {
            t.firstStart(0, w);
        }
        t.dropped(0); // the ninth: dropped; the tenth still waits when the run ends

        WaitDistribution d = t.waitDistribution(WaitDistribution.grid(100));

        assertThat(d.arrived()).isEqualTo(10);
        assertThat(d.waitS()).containsExactly(0, 1, 2, 5, 10, 20, 50, 100);
        assertThat(d.started()).containsExactly(2, 4, 4, 5, 6, 6, 8, 8);
        assertThat(d.shareStarted(7)).isEqualTo(0.8);
    }
}
