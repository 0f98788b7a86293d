package io.ldist.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScenarioProblemTest {

    @Test
    void problemWithHint_formattedOnOneLineWithHintLast() {
        ScenarioProblem problem = new ScenarioProblem("s.yaml", Optional.of(SourcePosition.at(3, 5)), "policy.kind",
                "one of 'pabfd' or 'first-fit'", "'pabdf'", Optional.of("did you mean 'pabfd'?"));

        assertThat(problem.format())
                .isEqualTo("s.yaml:3:5: policy.kind: expected one of 'pabfd' or 'first-fit', found 'pabdf'; did you mean 'pabfd'?");
    }

    @Test
    void problemFromOverride_locatedAtTheOverride() {
        ScenarioProblem problem = new ScenarioProblem("s.yaml", Optional.of(new SourcePosition.FromOverride("a.b=1")),
                "a.b", "a string", "1");

        assertThat(problem.format()).isEqualTo("--set a.b=1: a.b: expected a string, found 1");
    }

    @Test
    void problemAboutWholeFile_locatedAtFileOnly() {
        ScenarioProblem problem = new ScenarioProblem("s.yaml", Optional.empty(), "", "a mapping", "an empty document");

        assertThat(problem.format()).isEqualTo("s.yaml: expected a mapping, found an empty document");
    }

    @Test
    void exceptionWithSeveralProblems_messageListsThemInReadingOrder() {
        ScenarioProblem override = new ScenarioProblem("s.yaml", Optional.of(new SourcePosition.FromOverride("x=1")), "x", "a", "b");
        ScenarioProblem line12 = new ScenarioProblem("s.yaml", Optional.of(SourcePosition.at(12, 1)), "late", "a", "b");
        ScenarioProblem line3col9 = new ScenarioProblem("s.yaml", Optional.of(SourcePosition.at(3, 9)), "right", "a", "b");
        ScenarioProblem line3col2 = new ScenarioProblem("s.yaml", Optional.of(SourcePosition.at(3, 2)), "left", "a", "b");

        ScenarioException exception = new ScenarioException(List.of(override, line12, line3col9, line3col2));

        assertThat(exception.problems()).containsExactly(line3col2, line3col9, line12, override);
        assertThat(exception.getMessage()).isEqualTo(String.join("\n",
                "s.yaml:3:2: left: expected a, found b",
                "s.yaml:3:9: right: expected a, found b",
                "s.yaml:12:1: late: expected a, found b",
                "--set x=1: x: expected a, found b"));
    }

    @Test
    void exceptionWithoutProblems_refused() {
        assertThatThrownBy(() -> new ScenarioException(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroLine_refusedAsPositionsAreOneBased() {
        assertThatThrownBy(() -> SourcePosition.at(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1-based");
    }
}
