package io.ldist.scenario;

/**
 * Where a value of a scenario came from: a line and column of the scenario file, or a {@code --set}
 * override given on the command line. Problems about a value are reported at this place so that the
 * user looks where the value was actually written.
 */
public sealed interface SourcePosition permits SourcePosition.InFile, SourcePosition.FromOverride {

    /** A position in the scenario file itself. */
    static SourcePosition at(int line, int column) {
        return new InFile(line, column);
    }

    /** Renders this position for a message, e.g. {@code scenarios/x.yaml:12:5} or {@code --set a.b=1}. */
    String describe(String fileDisplayName);

    /** A 1-based line and column in the scenario file. */
    record InFile(int line, int column) implements SourcePosition {
        public InFile {
            if (line < 1 || column < 1) {
                throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
            }
        }

        @Override
        public String describe(String fileDisplayName) {
            return fileDisplayName + ":" + line + ":" + column;
        }
    }

    /** A value written by a {@code --set path=value} option rather than in the file. */
    record FromOverride(String assignment) implements SourcePosition {
        @Override
        public String describe(String fileDisplayName) {
            return "--set " + ScenarioProblem.oneLine(assignment);
        }
    }
}
