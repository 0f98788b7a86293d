package io.ldist.scenario;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a scenario, phrased for the person who wrote it: where it is, which field,
 * what was expected there and what was found instead, and possibly a hint such as
 * {@code did you mean 'pabfd'?}.
 *
 * <p>{@code expected} is empty only for problems that are not a mismatch between an expected and a
 * found value (malformed YAML); {@code found} then describes the whole problem.
 *
 * @param file      display name of the scenario file, as the user gave it
 * @param position  where the offending value was written; absent when the problem concerns the
 *                  whole file (for example an empty file)
 * @param fieldPath the field in dotted form, e.g. {@code fleet.hosts[0].count}; empty for the top level
 * @param expected  what the field should hold, e.g. {@code an integer >= 1}
 * @param found     what it holds, e.g. {@code -3}
 * @param hint      an optional suggestion, e.g. {@code did you mean 'hosts'?}
 */
public record ScenarioProblem(
        String file,
        Optional<SourcePosition> position,
        String fieldPath,
        String expected,
        String found,
        Optional<String> hint) {

    /**
     * Reading order for a list of problems: problems about the whole file first, then those in the
     * file by line and column, then those caused by {@code --set} overrides.
     */
    public static final Comparator<ScenarioProblem> READING_ORDER = Comparator
            .comparingInt(ScenarioProblem::orderClass)
            .thenComparingInt(p -> p.inFile().map(SourcePosition.InFile::line).orElse(0))
            .thenComparingInt(p -> p.inFile().map(SourcePosition.InFile::column).orElse(0))
            .thenComparing(ScenarioProblem::fieldPath);

    public ScenarioProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(fieldPath, "fieldPath");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
        Objects.requireNonNull(hint, "hint");
    }

    /** A problem without a hint. */
    public ScenarioProblem(String file, Optional<SourcePosition> position, String fieldPath, String expected, String found) {
        this(file, position, fieldPath, expected, found, Optional.empty());
    }

    /** A YAML syntax error reported by the parser, e.g. {@code mapping values are not allowed here}. */
    public static ScenarioProblem malformedYaml(String file, SourcePosition position, String reason) {
        return new ScenarioProblem(file, Optional.of(position), "", "", "malformed YAML: " + reason);
    }

    /** This problem with the given hint, or unchanged when the hint is absent. */
    public ScenarioProblem withHint(Optional<String> newHint) {
        return newHint.isEmpty() ? this : new ScenarioProblem(file, position, fieldPath, expected, found, newHint);
    }

    /**
     * One line for the user, e.g.
     * {@code scenarios/quickstart.yaml:12:5: fleet.hosts[0].count: expected an integer >= 1, found -3}.
     */
    public String format() {
        StringBuilder line = new StringBuilder(position.map(p -> p.describe(file)).orElse(file)).append(": ");
        if (!fieldPath.isEmpty()) {
            line.append(oneLine(fieldPath)).append(": ");
        }
        if (expected.isEmpty()) {
            line.append(oneLine(found));
        } else {
            line.append("expected ").append(oneLine(expected)).append(", found ").append(oneLine(found));
        }
        hint.ifPresent(h -> line.append("; ").append(oneLine(h)));
        return line.toString();
    }

    /**
     * Control characters written as escapes: a value or a data line holding a line break or a carriage return
     * would otherwise break the one-line message, or overwrite it on a terminal.
     */
    static String oneLine(String text) {
        StringBuilder shown = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != 0x7F) {
                if (shown != null) {
                    shown.append(c);
                }
                continue;
            }
            if (shown == null) {
                shown = new StringBuilder(text.substring(0, i));
            }
            shown.append(switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> String.format(java.util.Locale.ROOT, "\\u%04X", (int) c);
            });
        }
        return shown == null ? text : shown.toString();
    }

    private Optional<SourcePosition.InFile> inFile() {
        return position.filter(SourcePosition.InFile.class::isInstance).map(SourcePosition.InFile.class::cast);
    }

    private int orderClass() {
        if (position.isEmpty()) {
            return 0;
        }
        return position.get() instanceof SourcePosition.InFile ? 1 : 2;
    }
}
