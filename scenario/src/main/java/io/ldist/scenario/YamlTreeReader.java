package io.ldist.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a Jackson tree from YAML text while recording, for every object member and array element,
 * the line and column where it was written. It consumes the tokens of Jackson's streaming
 * {@link YAMLParser}, whose token locations are the only reliable source of positions; YAML itself
 * is never parsed by hand.
 *
 * <p>Refuses, as a {@link ScenarioException}: malformed YAML, a key repeated in one mapping, YAML
 * aliases (Jackson would silently read an alias as the anchor's name) and more than one document.
 */
final class YamlTreeReader {

    /** A parsed tree (absent for an empty text) and the position of each JSON pointer in it. */
    record Result(Optional<JsonNode> root, Map<String, SourcePosition> positions) {
    }

    /*
     * The builder does not start from YAMLParser.Feature defaults, so each one we rely on is set:
     * "key:" with no value is null, as YAML says, not an empty string; and only true/false are
     * booleans (YAML 1.2), so that "country: NO" stays a string.
     */
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build();

    private final YAMLParser parser;
    private final String displayName;
    private final Map<String, SourcePosition> positions = new HashMap<>();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    private YamlTreeReader(YAMLParser parser, String displayName) {
        this.parser = parser;
        this.displayName = displayName;
    }

    static Result read(String text, String displayName) {
        try (YAMLParser parser = FACTORY.createParser(text)) {
            return new YamlTreeReader(parser, displayName).readDocument();
        } catch (IOException e) {
            // Reading from a String fails only with parse errors, which readDocument translates.
            throw new UncheckedIOException(e);
        }
    }

    private Result readDocument() {
        if (next() == null) {
            return new Result(Optional.empty(), Map.of());
        }
        positions.put("", here());
        JsonNode root = readValue("");
        if (next() != null) {
            throw refuse("", "a single YAML document", "a second document");
        }
        return new Result(Optional.of(root), Map.copyOf(positions));
    }

    /** Reads the value whose first token is current; leaves its last token current. */
    private JsonNode readValue(String pointer) {
        JsonToken token = parser.currentToken();
        try {
            return switch (token) {
                case START_OBJECT -> readObject(pointer);
                case START_ARRAY -> readArray(pointer);
                case VALUE_STRING -> {
                    if (parser.isCurrentAlias()) {
                        throw refuse(pointer, "a plain value (YAML anchors and aliases are not supported)",
                                "the alias *" + parser.getText());
                    }
                    yield nodes.textNode(parser.getText());
                }
                case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    default -> nodes.numberNode(parser.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> {
                    if (parser.getNumberType() == JsonParser.NumberType.BIG_DECIMAL) {
                        yield nodes.numberNode(parser.getDecimalValue());
                    }
                    double value = parser.getDoubleValue();
                    // .inf, .nan or 1e999: no field of a scenario means anything by them.
                    if (!Double.isFinite(value)) {
                        throw refuse(pointer, "a finite number", parser.getText());
                    }
                    yield nodes.numberNode(value);
                }
                case VALUE_TRUE, VALUE_FALSE -> nodes.booleanNode(parser.getBooleanValue());
                case VALUE_NULL -> nodes.nullNode();
                case VALUE_EMBEDDED_OBJECT -> throw refuse(pointer, "a mapping, a list or a plain value",
                        "binary data (a !!binary value)");
                default -> throw refuse(pointer, "a mapping, a list or a plain value",
                        "an unsupported YAML value (" + token + ")");
            };
        } catch (JsonProcessingException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Malformed numeric value")) {
                // .inf and .nan: YAML's words for numbers no scenario field can take.
                throw refuse(pointer, "a finite number", textOrToken());
            }
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String textOrToken() {
        try {
            return parser.getText();
        } catch (IOException e) {
            return "a number YAML cannot read";
        }
    }

    private ObjectNode readObject(String pointer) {
        ObjectNode object = nodes.objectNode();
        while (nextKey(object, pointer) == JsonToken.FIELD_NAME) {
            String name = currentName();
            String child = Pointers.child(pointer, name);
            positions.put(child, here());
            next();
            object.set(name, readValue(child));
        }
        return object;
    }

    private ArrayNode readArray(String pointer) {
        ArrayNode array = nodes.arrayNode();
        while (next() != JsonToken.END_ARRAY) {
            String child = Pointers.child(pointer, array.size());
            positions.put(child, here());
            array.add(readValue(child));
        }
        return array;
    }

    /**
     * Advances to the next key of {@code object}. The parser refuses a repeated key itself
     * (STRICT_DUPLICATE_DETECTION) but reports it in general terms; as it has already taken the
     * key into its context, we can recognise the repetition and say where the first one was.
     */
    private JsonToken nextKey(ObjectNode object, String pointer) {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            String name = parser.getParsingContext().getCurrentName();
            if (!(e instanceof MarkedYAMLException) && name != null && object.has(name)) {
                String first = Pointers.child(pointer, name);
                SourcePosition.InFile firstAt = (SourcePosition.InFile) positions.get(first);
                throw new ScenarioException(new ScenarioProblem(displayName, Optional.of(here()), dotted(first),
                        "each key at most once in a mapping",
                        "'" + name + "' again (first at line " + firstAt.line() + ")"));
            }
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonToken next() {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String currentName() {
        try {
            return parser.currentName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SourcePosition here() {
        JsonLocation location = parser.currentTokenLocation();
        return SourcePosition.at(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    /** Turns a parser error into a one-line problem at the place the parser points to. */
    private ScenarioException malformed(JsonProcessingException e) {
        if (e instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            String problem = yaml.getProblem() == null ? "unreadable YAML" : yaml.getProblem();
            if (problem.contains("(TAB)")) {
                // SnakeYAML's own words ("found character '\t(TAB)' that cannot start any token") are obscure.
                return new ScenarioException(ScenarioProblem.malformedYaml(displayName,
                        SourcePosition.at(mark.getLine() + 1, mark.getColumn() + 1),
                        "a tab character, which YAML does not allow for indentation: indent with spaces"));
            }
            // The context may come without a place of its own (a mark), as it does for a tab.
            String reason = yaml.getContext() == null ? problem
                    : yaml.getContextMark() == null ? problem + " (" + yaml.getContext() + ")"
                    : problem + " (" + yaml.getContext() + " at line " + (yaml.getContextMark().getLine() + 1) + ")";
            return new ScenarioException(ScenarioProblem.malformedYaml(displayName,
                    SourcePosition.at(mark.getLine() + 1, mark.getColumn() + 1), reason));
        }
        JsonLocation location = e.getLocation();
        SourcePosition position = location == null ? here()
                : SourcePosition.at(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
        String reason = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        // Jackson's limits speak of its own settings (StreamReadConstraints); say what the text holds instead.
        if (reason.contains("nesting depth")) {
            reason = "lists or mappings nested more than 1000 deep";
        } else if (reason.contains("String value length")) {
            reason = "a text value too long to read (more than 20,000,000 characters)";
        } else if (reason.contains("Number value length")) {
            reason = "a number of more than 1000 digits";
        } else if (reason.contains("Name length")) {
            reason = "a field name too long to read (more than 50,000 characters)";
        } else if (reason.startsWith("Expected a field name")) {
            reason = "a key that is not plain text (YAML's complex keys, such as ? [a, b], are not supported)";
        }
        return new ScenarioException(ScenarioProblem.malformedYaml(displayName, position, reason));
    }

    private ScenarioException refuse(String pointer, String expected, String found) {
        return new ScenarioException(new ScenarioProblem(displayName, Optional.of(here()), dotted(pointer), expected, found));
    }

    /** Dotted path of a pointer, judging index-versus-name from the pointer alone (the tree is unfinished). */
    private static String dotted(String pointer) {
        return Pointers.dotted(null, pointer);
    }
}
