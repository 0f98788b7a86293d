package io.ldist.scenario;

import io.ldist.engine.util.Plural;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code --set field.path=value} overrides to a scenario before it is validated, so that a
 * user can vary one scenario from the command line ({@code fleet.hosts[0].count=12}).
 *
 * <p>The value is read as YAML: {@code 12} is an integer, {@code 0.7} a number, {@code true} a
 * boolean, {@code 5m} a string, and flow collections such as {@code [1, 2]} or {@code {a: 1}} are
 * allowed. A missing last field is created, and so is a missing (or empty) intermediate mapping;
 * whether the result makes sense is for schema validation to judge. Indexing outside a list, or
 * indexing something that is not a list, is refused. Every value an override writes is recorded as
 * coming from that override, so later problems about it point at the {@code --set}, not the file.
 */
public final class Overrides {

    /** {@code name}, then any number of {@code .name} or {@code [index]} (at most 9 digits, to fit an int). */
    private static final Pattern PATH = Pattern.compile("[^.\\[\\]=]+(?:\\.[^.\\[\\]=]+|\\[\\d{1,9}\\])*");
    private static final Pattern STEP = Pattern.compile("\\.?([^.\\[\\]=]+)|\\[(\\d{1,9})\\]");

    private final ScenarioDocument document;
    private final JsonNode root;
    private final Map<String, SourcePosition> positions;

    private Overrides(ScenarioDocument document) {
        this.document = document;
        this.root = document.root().deepCopy();
        this.positions = new HashMap<>(document.positions());
    }

    /**
     * A new document with the assignments applied in order (a later one wins). All refused
     * assignments are reported together in one {@link ScenarioException}.
     */
    public static ScenarioDocument apply(ScenarioDocument document, List<String> assignments) {
        Overrides overrides = new Overrides(document);
        List<ScenarioProblem> problems = new ArrayList<>();
        for (String assignment : assignments) {
            try {
                overrides.applyOne(assignment);
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new ScenarioDocument(document.displayName(), document.baseDirectory(), overrides.root, overrides.positions);
    }

    private void applyOne(String assignment) {
        SourcePosition origin = new SourcePosition.FromOverride(assignment);
        int equals = assignment.indexOf('=');
        String path = equals < 0 ? assignment : assignment.substring(0, equals).strip();
        if (equals < 0 || !PATH.matcher(path).matches()) {
            throw refuse(origin, "", "field.path=value, e.g. fleet.hosts[0].count=12", Phrases.quote(assignment));
        }
        JsonNode value = readValue(assignment.substring(equals + 1), origin, path);

        List<Step> steps = parse(path);
        JsonNode container = root;
        String pointer = "";
        for (int i = 0; i < steps.size() - 1; i++) {
            Step step = steps.get(i);
            checkedContainer(container, step, origin, pointer);
            String childPointer = step.pointerIn(pointer);
            JsonNode next = step.select(container);
            if (next == null || next.isNull()) {
                // An absent or empty intermediate mapping is created, so that a new section can be set;
                // an absent list is not, as there would be no element to index.
                if (steps.get(i + 1).isIndex()) {
                    throw refuse(origin, childPointer, "an existing list to index into", "nothing");
                }
                next = step.putObjectIn(container);
                positions.put(childPointer, origin);
            }
            pointer = childPointer;
            container = next;
        }
        Step last = steps.get(steps.size() - 1);
        JsonNode target = checkedContainer(container, last, origin, pointer);
        String targetPointer = last.pointerIn(pointer);
        if (last.isIndex()) {
            ((ArrayNode) target).set(last.index(), value);
        } else {
            ((ObjectNode) target).set(last.name(), value);
        }
        positions.keySet().removeIf(p -> Pointers.isWithin(p, targetPointer));
        recordOrigin(targetPointer, value, origin);
    }

    /** Checks that {@code container} can take {@code step} (a mapping for a name, a list with that index). */
    private JsonNode checkedContainer(JsonNode container, Step step, SourcePosition origin, String pointer) {
        if (step.isIndex()) {
            if (!container.isArray()) {
                throw refuse(origin, pointer, "a list to index into", Phrases.describe(container));
            }
            if (step.index() >= container.size()) {
                String where = fieldPath(pointer);
                String expected = container.isEmpty()
                        ? "an existing element, but " + where + " is empty"
                        : "an index from 0 to " + (container.size() - 1)
                                + " (" + where + " has " + Plural.of(container.size(), "element") + ")";
                throw refuse(origin, pointer, expected, "index " + step.index());
            }
        } else if (!container.isObject()) {
            String found = container.isArray()
                    ? "a list, which needs an index such as " + fieldPath(pointer) + "[0]"
                    : Phrases.describe(container);
            throw refuse(origin, pointer, "a mapping that can hold field '" + step.name() + "'", found);
        }
        return container;
    }

    private JsonNode readValue(String text, SourcePosition origin, String path) {
        try {
            return YamlTreeReader.read(ScenarioText.checkPrintable(text, "--set"), "--set").root().orElse(NullNode.getInstance());
        } catch (ScenarioException e) {
            // Positions inside the value text mean little to the user; point at the whole override.
            ScenarioProblem parseProblem = e.problems().get(0);
            throw new ScenarioException(new ScenarioProblem(document.displayName(), Optional.of(origin), path,
                    parseProblem.expected(), parseProblem.found(), parseProblem.hint()));
        }
    }

    private void recordOrigin(String pointer, JsonNode value, SourcePosition origin) {
        positions.put(pointer, origin);
        if (value.isObject()) {
            value.properties().forEach(field -> recordOrigin(Pointers.child(pointer, field.getKey()), field.getValue(), origin));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                recordOrigin(Pointers.child(pointer, i), value.get(i), origin);
            }
        }
    }

    private ScenarioException refuse(SourcePosition origin, String pointer, String expected, String found) {
        return new ScenarioException(new ScenarioProblem(document.displayName(), Optional.of(origin),
                fieldPath(pointer), expected, found));
    }

    private String fieldPath(String pointer) {
        return Pointers.dotted(root, pointer);
    }

    private static List<Step> parse(String path) {
        List<Step> steps = new ArrayList<>();
        Matcher matcher = STEP.matcher(path);
        while (matcher.find()) {
            steps.add(matcher.group(1) != null
                    ? new Step(matcher.group(1), -1)
                    : new Step(null, Integer.parseInt(matcher.group(2))));
        }
        return steps;
    }

    /** One step of a dotted path: a field name, or (when {@code name} is null) a list index. */
    private record Step(String name, int index) {
        boolean isIndex() {
            return name == null;
        }

        JsonNode select(JsonNode container) {
            return isIndex() ? container.get(index) : container.get(name);
        }

        /** Puts an empty mapping where this step leads, in a container already checked to fit. */
        JsonNode putObjectIn(JsonNode container) {
            if (isIndex()) {
                ObjectNode object = ((ArrayNode) container).objectNode();
                ((ArrayNode) container).set(index, object);
                return object;
            }
            return ((ObjectNode) container).putObject(name);
        }

        String pointerIn(String parent) {
            return isIndex() ? Pointers.child(parent, index) : Pointers.child(parent, name);
        }
    }
}
