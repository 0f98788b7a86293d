package io.ldist.scenario;

import io.ldist.engine.util.Plural;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The shared wording of problem messages, so that every part of the scenario machinery describes
 * values, types and choices the same way.
 */
public final class Phrases {

    /** Long strings are cut so that one problem stays on one readable line. */
    private static final int MAX_QUOTED_LENGTH = 60;

    private Phrases() {
    }

    /** A found value as the user would recognise it: {@code 'five'}, {@code -3}, {@code a list of 2 items}. */
    public static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> value.textValue().isEmpty() ? "an empty string" : quote(value.textValue());
            case NUMBER, BOOLEAN -> value.asText();
            case NULL, MISSING -> "an empty value";
            case OBJECT -> value.isEmpty() ? "an empty mapping" : "a mapping";
            case ARRAY -> value.isEmpty() ? "an empty list" : "a list of " + Plural.of(value.size(), "item");
            default -> value.toString();
        };
    }

    /** A literal value from a schema ({@code enum}, {@code const}), quoted when it is a string. */
    public static String literal(tools.jackson.databind.JsonNode value) {
        return value.isString() ? quote(value.stringValue()) : value.toString();
    }

    /** A JSON Schema type name as a noun phrase: {@code integer} gives {@code an integer}. */
    public static String typeNoun(String jsonType) {
        return switch (jsonType) {
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "string" -> "a string";
            case "boolean" -> "true or false";
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "null" -> "an empty value";
            default -> "a value of type " + jsonType;
        };
    }

    /** {@code a}, {@code a or b}, {@code a, b or c}. */
    public static String orList(List<String> choices) {
        if (choices.size() <= 1) {
            return String.join("", choices);
        }
        return String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
    }

    public static String quote(String text) {
        String shown = text.length() > MAX_QUOTED_LENGTH ? text.substring(0, MAX_QUOTED_LENGTH) + "..." : text;
        return "'" + shown + "'";
    }
}
