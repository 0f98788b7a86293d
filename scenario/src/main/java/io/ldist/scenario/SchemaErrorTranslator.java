package io.ldist.scenario;

import io.ldist.engine.util.Plural;
import io.ldist.engine.util.NearestName;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Rephrases networknt validation errors as {@link ScenarioProblem}s in plain language: the field
 * in dotted form, at the line where it was written, with what was expected and what was found,
 * e.g. {@code fleet.hosts[0].count: expected an integer >= 1, found -3}.
 *
 * <p>Schema-side facts (allowed values, bounds, types) come from the Jackson 3 schema nodes the
 * validator reports; the found value is taken from the document's own tree, so that it reads
 * exactly as the user wrote it.
 */
final class SchemaErrorTranslator {

    private final ScenarioDocument document;
    private final SchemaLookup schemas;

    SchemaErrorTranslator(ScenarioDocument document, SchemaLookup schemas) {
        this.document = document;
        this.schemas = schemas;
    }

    /** The JSON Pointer of an instance location as reported by the validator. */
    static String pointerOf(NodePath instanceLocation) {
        String pointer = "";
        for (int i = 0; i < instanceLocation.getNameCount(); i++) {
            Object element = instanceLocation.getElement(i);
            pointer = element instanceof Integer index
                    ? Pointers.child(pointer, index)
                    : Pointers.child(pointer, String.valueOf(element));
        }
        return pointer;
    }

    ScenarioProblem translate(Error error) {
        String pointer = pointerOf(error.getInstanceLocation());
        JsonNode rule = error.getSchemaNode();
        return switch (error.getKeyword()) {
            case "additionalProperties", "unevaluatedProperties" -> unknownField(error, pointer);
            case "required" -> missingField(error, pointer, error.getProperty());
            case "dependentRequired" -> dependentField(error, pointer);
            case "type" -> document.problem(pointer, schemas.enclosing(error).flatMap(SchemaErrorTranslator::title)
                    .orElseGet(() -> Phrases.orList(typeNouns(rule))), found(pointer));
            case "enum", "const" -> choice(pointer, literals(List.of(error)));
            case "minimum" -> bound(error, pointer, ">=");
            case "exclusiveMinimum" -> bound(error, pointer, ">");
            case "maximum" -> bound(error, pointer, "<=");
            case "exclusiveMaximum" -> bound(error, pointer, "<");
            case "multipleOf" -> document.problem(pointer, "a multiple of " + rule, found(pointer));
            case "minItems" -> document.problem(pointer, "a list of at least " + Plural.of(rule.asLong(), "item"), found(pointer));
            case "maxItems" -> document.problem(pointer, "a list of at most " + Plural.of(rule.asLong(), "item"), found(pointer));
            case "minLength" -> document.problem(pointer, "a string of at least " + Plural.of(rule.asLong(), "character"), foundText(pointer));
            case "maxLength" -> document.problem(pointer, "a string of at most " + Plural.of(rule.asLong(), "character"), foundText(pointer));
            case "minProperties" -> document.problem(pointer, "a mapping with at least " + Plural.of(rule.asLong(), "field"), found(pointer));
            case "maxProperties" -> document.problem(pointer, "a mapping with at most " + Plural.of(rule.asLong(), "field"), found(pointer));
            case "pattern" -> document.problem(pointer, "a string matching the pattern " + rule.asString(), found(pointer));
            case "uniqueItems" -> document.problem(pointer, "a list without repeated items", "a list with repeated items");
            case "false" -> document.problem(pointer, "no value here", found(pointer));
            case "oneOf" -> document.problem(pointer, "a value matching exactly one of the alternatives",
                    "a value matching " + error.getArguments()[0] + " of them");
            default -> document.problem(pointer,
                    "a value satisfying schema rule '" + error.getKeyword() + "' (" + error.getMessage() + ")", found(pointer));
        };
    }

    /**
     * One problem for a value whose type fits none of several alternatives: "a string or a mapping", or
     * the title of the schema holding the alternatives, found from their own error ({@code alternatives}).
     */
    ScenarioProblem wrongShape(String pointer, List<Error> typeErrors, Optional<Error> alternatives) {
        Optional<String> title = alternatives.flatMap(schemas::enclosing).flatMap(SchemaErrorTranslator::title);
        if (title.isPresent()) {
            return document.problem(pointer, title.get(), found(pointer));
        }
        Set<String> nouns = new LinkedHashSet<>();
        typeErrors.forEach(error -> nouns.addAll(typeNouns(error.getSchemaNode())));
        return document.problem(pointer, Phrases.orList(List.copyOf(nouns)), found(pointer));
    }

    /** One problem for a value that is none of the choices that {@code const}/{@code enum} errors allow. */
    ScenarioProblem wrongChoice(String pointer, List<Error> choiceErrors) {
        return choice(pointer, literals(choiceErrors));
    }

    private ScenarioProblem unknownField(Error error, String pointer) {
        String name = error.getProperty();
        List<String> allowed = allowedFields(error);
        String expected = allowed.isEmpty() ? "no other fields" : "one of the fields " + Phrases.orList(allowed);
        return document.problem(Pointers.child(pointer, name), expected, "unknown field '" + name + "'",
                NearestName.didYouMean(allowed, name));
    }

    /** For an unknown-field error, the declared field the user probably meant, if one is close. */
    Optional<String> meantField(Error unknownField) {
        return NearestName.among(allowedFields(unknownField), unknownField.getProperty());
    }

    private List<String> allowedFields(Error error) {
        return schemas.enclosing(error)
                .map(schema -> schema.get("properties"))
                .map(properties -> List.copyOf(properties.propertyNames()))
                .orElse(List.of());
    }

    private ScenarioProblem missingField(Error error, String pointer, String name) {
        String expected = schemas.property(error, name).map(this::expectedValue).orElse("a value");
        return document.problem(Pointers.child(pointer, name), expected, "nothing (field '" + name + "' is missing)",
                schemas.branchTitle(error));
    }

    private ScenarioProblem dependentField(Error error, String pointer) {
        String missing = String.valueOf(error.getArguments()[0]);
        return document.problem(Pointers.child(pointer, missing),
                "field '" + missing + "' as well, because '" + error.getProperty() + "' is set",
                "nothing (field '" + missing + "' is missing)");
    }

    private ScenarioProblem bound(Error error, String pointer, String comparison) {
        // "an integer" when the bounded type is integer, alone or beside non-numeric types (["integer", "string"]).
        boolean integer = schemas.enclosing(error)
                .map(schema -> schema.get("type"))
                .map(type -> type.isString() ? type.stringValue().equals("integer")
                        : type.isArray() && type.values().stream().anyMatch(t -> t.asString().equals("integer"))
                                && type.values().stream().noneMatch(t -> t.asString().equals("number")))
                .orElse(false);
        String noun = integer ? "an integer" : "a number";
        return document.problem(pointer, noun + " " + comparison + " " + error.getSchemaNode(), found(pointer));
    }

    private ScenarioProblem choice(String pointer, List<JsonNode> choices) {
        List<String> shown = choices.stream().map(Phrases::literal).distinct().toList();
        String expected = shown.size() == 1 ? shown.get(0) : "one of " + Phrases.orList(shown);
        com.fasterxml.jackson.databind.JsonNode value = document.root().at(pointer);
        Optional<String> hint = value.isTextual()
                ? NearestName.didYouMean(choices.stream().filter(JsonNode::isString).map(JsonNode::stringValue).toList(), value.textValue())
                : Optional.empty();
        return document.problem(pointer, expected, found(pointer), hint);
    }

    /** What a missing field should hold, as far as its schema says. */
    private String expectedValue(JsonNode schema) {
        Optional<String> title = title(schema);
        if (title.isPresent()) {
            return title.get();
        }
        if (schema.has("type")) {
            return Phrases.orList(typeNouns(schema.get("type")));
        }
        if (schema.has("properties")) {
            return "a mapping";
        }
        if (schema.has("enum")) {
            return "one of " + Phrases.orList(schema.get("enum").values().stream().map(Phrases::literal).toList());
        }
        return "a value";
    }

    /**
     * A schema's {@code title}, which the schema may write as the noun phrase for what it accepts
     * ({@code a size such as 4GiB}); used instead of the bare JSON types when present.
     */
    private static Optional<String> title(JsonNode schema) {
        JsonNode title = schema.get("title");
        return title != null && title.isString() && !title.stringValue().isBlank()
                ? Optional.of(title.stringValue()) : Optional.empty();
    }

    /** The values allowed by {@code const} and {@code enum} errors, in schema order. */
    private static List<JsonNode> literals(List<Error> choiceErrors) {
        List<JsonNode> literals = new ArrayList<>();
        for (Error error : choiceErrors) {
            if (error.getKeyword().equals("enum")) {
                literals.addAll(error.getSchemaNode().values());
            } else {
                literals.add(error.getSchemaNode());
            }
        }
        return literals;
    }

    private static List<String> typeNouns(JsonNode type) {
        if (type.isArray()) {
            return type.values().stream().map(t -> Phrases.typeNoun(t.asString())).toList();
        }
        return List.of(Phrases.typeNoun(type.asString()));
    }

    private String found(String pointer) {
        return Phrases.describe(document.root().at(pointer));
    }

    private String foundText(String pointer) {
        com.fasterxml.jackson.databind.JsonNode value = document.root().at(pointer);
        if (!value.isTextual() || value.textValue().isEmpty()) {
            return Phrases.describe(value);
        }
        // JSON Schema counts code points, not Java chars.
        int length = value.textValue().codePointCount(0, value.textValue().length());
        return Phrases.describe(value) + " (" + Plural.of(length, "character") + ")";
    }
}
