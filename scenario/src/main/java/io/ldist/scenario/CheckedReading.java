package io.ldist.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One pass over a document (scenario, live config, catalogue): the schema's problems found first, then a reader
 * that goes on through a refused document (so that every mistake is reported at once) recording ldist's own
 * checks, and both reported together, ldist's only in fields where the schema found none.
 */
public final class CheckedReading {
    private CheckedReading() {
    }

    /**
     * What {@code reader} reads from {@code document}, given the schema's problems (to pass over what they refused).
     *
     * @throws ScenarioException with every problem, each with its file, line and field
     */
    public static <T> T read(SchemaValidation schema, ScenarioDocument document,
                      BiFunction<FieldReader, List<ScenarioProblem>, T> reader) {
        List<ScenarioProblem> schemaProblems = schema.problems(document);
        FieldReader in = new FieldReader(document);
        T read;
        try {
            read = reader.apply(in, schemaProblems);
        } catch (RuntimeException e) {
            if (schemaProblems.isEmpty()) {
                throw e;
            }
            // The schema problems left the document too broken to read on: report them alone.
            throw new ScenarioException(schemaProblems);
        }
        List<ScenarioProblem> problems = combined(schemaProblems, in.problems());
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return read;
    }

    /** The schema's problems, and those of ldist's own checks in fields where the schema found none. */
    public static List<ScenarioProblem> combined(List<ScenarioProblem> schemaProblems, List<ScenarioProblem> own) {
        List<ScenarioProblem> problems = new ArrayList<>(schemaProblems);
        for (ScenarioProblem problem : own) {
            // A problem in another file (a catalogue the scenario names) is never the schema's seen again.
            if (schemaProblems.stream().noneMatch(schema -> schema.file().equals(problem.file())
                    && related(schema.fieldPath(), problem.fieldPath()))) {
                problems.add(problem);
            }
        }
        return problems;
    }

    /**
     * Whether two fields are the same or one holds the other: a problem ldist's own checks find there, when
     * the schema already found one, is most likely the same mistake seen again (a wrong kind of workload
     * also lacks the fields of the kind meant).
     */
    private static boolean related(String a, String b) {
        return a.isEmpty() || b.isEmpty() || holds(a, b) || holds(b, a);
    }

    private static boolean holds(String outer, String inner) {
        return inner.startsWith(outer) && (inner.length() == outer.length()
                || inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '[');
    }
}
