package io.ldist.live.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.ldist.engine.util.NearestName;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a request body that must be one flat JSON object whose fields are all declared: each a number or a boolean
 * as declared, or null for "not given". Anything else (not JSON, not an object, an unknown or repeated field, a
 * string where a number belongs, trailing content) is an {@link ApiProblem} 400 naming the field.
 */
final class FlatJson {

    /** What a field holds. */
    enum Kind {
        NUMBER("a number"), BOOLEAN("true or false");

        private final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxNumberLength(64)
                    .maxStringLength(4_096).build())
            .build();

    private FlatJson() {
    }

    /**
     * The fields given a non-null value, as Double or Boolean; an empty body is an empty map when
     * {@code emptyAllowed}, else a 400 that says what to send.
     */
    static Map<String, Object> read(byte[] body, Map<String, Kind> fields, boolean emptyAllowed, String example) {
        if (isBlank(body)) {
            if (emptyAllowed) {
                return Map.of();
            }
            throw new ApiProblem(400, "the body is empty: send a JSON object such as " + example);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ApiProblem(400, "the body must be a JSON object such as " + example);
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                Kind kind = fields.get(name);
                if (kind == null) {
                    throw unknownField(name, fields);
                }
                if (!seen.add(name)) {
                    throw new ApiProblem(400, "field '" + name + "' is given twice", name);
                }
                JsonToken value = parser.nextToken();
                Object read = value(parser, value, name, kind);
                if (read != null) {
                    values.put(name, read);
                }
            }
            if (parser.nextToken() != null) {
                throw new ApiProblem(400, "the body holds more after its JSON object; send one object only");
            }
        } catch (JsonProcessingException e) {
            throw new ApiProblem(400, "the body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ApiProblem(400, "the body could not be read: " + e.getMessage());
        }
        return values;
    }

    private static Object value(JsonParser parser, JsonToken token, String name, Kind kind) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (kind == Kind.NUMBER && token.isNumeric()) {
            double number = parser.getDoubleValue();
            if (!Double.isFinite(number)) {
                throw new ApiProblem(400, name + " must be a finite number, got " + parser.getText(), name);
            }
            return number;
        }
        if (kind == Kind.BOOLEAN && token.isBoolean()) {
            return token == JsonToken.VALUE_TRUE;
        }
        throw new ApiProblem(400, name + " must be " + kind.description + ", not " + describe(token), name);
    }

    private static ApiProblem unknownField(String name, Map<String, Kind> fields) {
        String hint = NearestName.didYouMean(fields.keySet(), name).map(s -> " " + s).orElse("");
        String shown = name.length() > 64 ? name.substring(0, 64) + "..." : name;
        return new ApiProblem(400, "unknown field '" + shown + "'" + hint + " (known: "
                + String.join(", ", fields.keySet()) + ")", shown);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String message) {
        String line = message == null ? "malformed" : message.lines().findFirst().orElse("malformed");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
