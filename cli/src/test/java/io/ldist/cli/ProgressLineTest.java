package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void runsDoneOfAllRuns_withLabelledTimes() {
        // 12 of 42 in 30 s: the other 30 at the same pace take 75 s. The bar: 12/42 of 24 is 6 marks.
        assertThat(ProgressLine.render("compare", 12, 42, "runs", Duration.ofSeconds(30), 200))
                .isEqualTo("compare [======>                 ] 12/42 runs, 0:30 elapsed, about 1:15 left");
    }

    @Test
    void nothingDoneYet_noGuessAtTheTimeLeft() {
        assertThat(ProgressLine.render("compare", 0, 42, "runs", Duration.ofSeconds(2), 200))
                .endsWith("0/42 runs, 0:02 elapsed, time left not yet known");
    }

    @Test
    void withoutAUnit_aPercentage() {
        assertThat(ProgressLine.render("quickstart", 45, 100, null, Duration.ofSeconds(9), 200))
                .isEqualTo("quickstart [==========>             ]  45 %, 0:09 elapsed, about 0:11 left");
    }

    @Test
    void longTimes_inHours() {
        assertThat(ProgressLine.clock(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
    }

    @Test
    void cutToTheTerminalsWidth() {
        assertThat(ProgressLine.render("compare", 1, 2, "runs", Duration.ofSeconds(1), 20)).hasSize(20);
    }
}
