package io.ldist.scenario;

import java.util.Optional;

/**
 * A quantity such as {@code 5x} or {@code -3GiB} was refused by {@link Units}. Carries the parts of
 * a {@link ScenarioProblem} so that the caller, who knows where the text came from, can report it
 * with {@link #problemAt(ScenarioDocument, String)}.
 */
public final class InvalidQuantityException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String found;
    private final Optional<String> hint;

    InvalidQuantityException(String expected, String found, Optional<String> hint) {
        super("expected " + expected + ", found " + found + hint.map(h -> "; " + h).orElse(""));
        this.expected = expected;
        this.found = found;
        this.hint = hint;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }

    public Optional<String> hint() {
        return hint;
    }

    /** This refusal as a problem about the value at {@code jsonPointer} of {@code document}. */
    public ScenarioProblem problemAt(ScenarioDocument document, String jsonPointer) {
        return document.problem(jsonPointer, expected, found, hint);
    }
}
