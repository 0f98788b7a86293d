package io.ldist.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario was refused. Carries every problem found, so that the user can fix them all in one
 * round; the message lists them one per line in reading order.
 */
public final class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<ScenarioProblem> problems;

    public ScenarioException(List<ScenarioProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        }
        this.problems = problems.stream().sorted(ScenarioProblem.READING_ORDER).toList();
    }

    public ScenarioException(ScenarioProblem problem) {
        this(List.of(problem));
    }

    /** The problems in reading order (see {@link ScenarioProblem#READING_ORDER}); never empty. */
    public List<ScenarioProblem> problems() {
        return problems;
    }

    @Override
    public String getMessage() {
        return problems.stream().map(ScenarioProblem::format).collect(Collectors.joining("\n"));
    }
}
