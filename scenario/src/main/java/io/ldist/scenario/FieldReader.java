package io.ldist.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of a scenario document, by JSON Pointer, with defaults for absent fields. A value
 * that is well-formed for the schema but wrong for ldist (a bad unit, an unknown name) is recorded as a
 * {@link ScenarioProblem} at its position and a neutral value is returned, so that one pass reports every
 * mistake at once. Reads are lenient about types (text read as a number gives 0), so a document that failed
 * schema validation can be read too, for the problems the schema cannot see.
 */
public final class FieldReader {
    private final ScenarioDocument document;
    private final List<ScenarioProblem> problems = new ArrayList<>();
    private final List<String> refusedPointers = new ArrayList<>();

    public FieldReader(ScenarioDocument document) {
        this.document = document;
    }

    public ScenarioDocument document() {
        return document;
    }

    public List<ScenarioProblem> problems() {
        return problems;
    }

    public JsonNode node(String pointer) {
        JsonNode node = document.root().at(pointer);
        return node.isMissingNode() || node.isNull() ? null : node;
    }

    public boolean has(String pointer) {
        return node(pointer) != null;
    }

    public int size(String pointer) {
        JsonNode node = node(pointer);
        return node == null ? 0 : node.size();
    }

    /** A true/false field (the schema has checked its type). */
    public boolean flag(String pointer, boolean defaultValue) {
        JsonNode node = node(pointer);
        return node == null ? defaultValue : node.asBoolean();
    }

    public String text(String pointer, String defaultValue) {
        JsonNode node = node(pointer);
        return node == null ? defaultValue : node.asText();
    }

    /** The path written at {@code pointer}, resolved against the scenario's folder; null (and a problem) when no path can hold it. */
    public java.nio.file.Path path(String pointer) {
        String written = text(pointer, "");
        try {
            return document().resolvePath(written);
        } catch (java.nio.file.InvalidPathException e) {
            problem(pointer, ScenarioDocument.PATH_EXPECTED, ScenarioDocument.notAPath(written));
            return null;
        }
    }

    /**
     * An integer field, saturated to the range of an int: a value beyond it (which the schema's maximum refuses
     * and reports) must not wrap around into a small or negative count while the rest of the document is read.
     */
    public int integer(String pointer, int defaultValue) {
        JsonNode node = node(pointer);
        if (node == null) {
            return defaultValue;
        }
        if (node.isIntegralNumber() && !node.canConvertToInt()) {
            return node.bigIntegerValue().signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
        double value = node.asDouble();
        return value >= Integer.MAX_VALUE ? Integer.MAX_VALUE : value <= Integer.MIN_VALUE ? Integer.MIN_VALUE
                : node.isNumber() ? (int) value : node.asInt();
    }

    /** A long field (a seed), saturated likewise to the range of a long. */
    public long longInteger(String pointer, long defaultValue) {
        JsonNode node = node(pointer);
        if (node == null) {
            return defaultValue;
        }
        if (node.isIntegralNumber() && !node.canConvertToLong()) {
            return node.bigIntegerValue().signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return node.asLong();
    }

    public double number(String pointer, double defaultValue) {
        JsonNode node = node(pointer);
        return node == null ? defaultValue : node.asDouble();
    }

    /** A quantity in the given units (a number in the base unit, or text with a unit). */
    public double quantity(String pointer, Units units, double defaultValue) {
        JsonNode node = node(pointer);
        if (node == null) {
            return defaultValue;
        }
        if (node.isNumber()) {
            double value = node.asDouble();
            if (value < 0) {
                problem(pointer, "a " + unitsNoun(units) + " >= 0", node.asText());
                return defaultValue;
            }
            try {
                units.checkAtMost(value, node.asText());
            } catch (InvalidQuantityException e) {
                record(pointer, e.problemAt(document, pointer));
                return defaultValue;
            }
            return value;
        }
        try {
            double value = units.parse(node.asText());
            units.checkAtMost(value, node.asText());
            return value;
        } catch (InvalidQuantityException e) {
            record(pointer, e.problemAt(document, pointer));
            return defaultValue;
        }
    }

    /**
     * A quantity that must be above 0 (a server's memory, a duration): {@code defaultValue} when absent,
     * NaN after recording one problem when it is not a quantity of these units or not above 0.
     */
    public double positiveQuantity(String pointer, Units units, double defaultValue) {
        JsonNode node = node(pointer);
        if (node == null) {
            return defaultValue;
        }
        double value;
        if (node.isNumber()) {
            value = node.asDouble();
            try {
                units.checkAtMost(value, node.asText());
            } catch (InvalidQuantityException e) {
                record(pointer, e.problemAt(document, pointer));
                return Double.NaN;
            }
        } else {
            try {
                value = units.parse(node.asText(), true);
                units.checkAtMost(value, node.asText());
            } catch (InvalidQuantityException e) {
                record(pointer, e.problemAt(document, pointer));
                return Double.NaN;
            }
        }
        if (!(value > 0)) {
            problem(pointer, "a " + unitsNoun(units) + " > 0", Phrases.describe(node));
            return Double.NaN;
        }
        return value;
    }

    /** A duration above 0: {@code defaultValue} when absent, or when refused (after recording the problem). */
    public double positiveDuration(String pointer, double defaultValue) {
        double value = positiveQuantity(pointer, Units.DURATION, defaultValue);
        return Double.isNaN(value) ? defaultValue : value;
    }

    /** A fraction in [0, 1] written as 0.8 or 80%. */
    public double share(String pointer, double defaultValue) {
        double value = quantity(pointer, Units.FRACTION, defaultValue);
        if (value > 1) {
            problem(pointer, "a share between 0 and 1 (or 0% to 100%)", text(pointer, ""));
            return defaultValue;
        }
        return value;
    }

    /** Whether a problem was already found in the field at {@code pointer} (or inside it). */
    public boolean refused(String pointer) {
        return refusedPointers.stream().anyMatch(p -> p.equals(pointer) || p.startsWith(pointer + "/"));
    }

    public void problem(String pointer, String expected, String found) {
        record(pointer, document.problem(pointer, expected, found));
    }

    public void problem(String pointer, String expected, String found, Optional<String> hint) {
        record(pointer, document.problem(pointer, expected, found, hint));
    }

    /**
     * Problems found in another file that the field at {@code pointer} names (a catalogue file): they keep their own
     * file, line and field, and the field counts as refused.
     */
    public void problemsElsewhere(String pointer, List<ScenarioProblem> found) {
        refusedPointers.add(pointer);
        problems.addAll(found);
    }

    private void record(String pointer, ScenarioProblem problem) {
        refusedPointers.add(pointer);
        problems.add(problem);
    }

    private static String unitsNoun(Units units) {
        return units.name().toLowerCase(java.util.Locale.ROOT);
    }
}
