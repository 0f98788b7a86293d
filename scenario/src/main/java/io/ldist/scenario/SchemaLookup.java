package io.ldist.scenario;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.path.NodePath;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Finds the schema text around a validation error, which the error itself does not carry: the
 * schema object holding the failing keyword (for the names an {@code additionalProperties: false}
 * allows, or the {@code type} a {@code minimum} applies to) and the schema of a named property
 * (for what a missing required field should hold).
 *
 * <p>Lookups only make messages more specific; when one fails the message is phrased more
 * generally instead, so failures are answered with empty rather than thrown.
 */
final class SchemaLookup {

    private final SchemaRegistry registry;

    SchemaLookup(SchemaRegistry registry) {
        this.registry = registry;
    }

    /** The schema object in which the error's keyword is written. */
    Optional<JsonNode> enclosing(Error error) {
        return at(keywordParent(error));
    }

    /**
     * The schema of property {@code name} as declared next to the error's keyword, following one {@code $ref};
     * or, when a keyword stands beside a {@code $ref} ({@code {"$ref": "#/$defs/fleet", "required": ["hosts"]}}),
     * as declared in the schema that {@code $ref} names.
     */
    Optional<JsonNode> property(Error error, String name) {
        SchemaLocation parent = keywordParent(error);
        Optional<JsonNode> declared = property(parent, name);
        if (declared.isPresent()) {
            return declared;
        }
        NodePath fragment = parent.getFragment();
        if (fragment.getParent() != null && isBranch(fragment)) {
            // A requirement written in an if/then/else branch is about the properties declared beside the if.
            return property(new SchemaLocation(parent.getAbsoluteIri(), fragment.getParent()), name);
        }
        JsonNode ref = at(parent).map(schema -> schema.get("$ref")).orElse(null);
        return ref != null && ref.isString() ? property(parent.resolve(ref.stringValue()), name) : Optional.empty();
    }

    /**
     * The {@code title} of the {@code then} or {@code else} branch holding the error's keyword, if it is in one and
     * has one: the schema's word on the other way to satisfy the {@code if} ("or 'from' a catalogue type").
     */
    Optional<String> branchTitle(Error error) {
        SchemaLocation parent = keywordParent(error);
        if (!isBranch(parent.getFragment())) {
            return Optional.empty();
        }
        return at(parent).map(schema -> schema.get("title"))
                .filter(JsonNode::isString)
                .map(JsonNode::stringValue);
    }

    /** Whether a schema path ends in the {@code then} or {@code else} branch of an {@code if}. */
    static boolean isBranch(NodePath fragment) {
        Object last = fragment.getNameCount() == 0 ? null : fragment.getElement(fragment.getNameCount() - 1);
        return "then".equals(String.valueOf(last)) || "else".equals(String.valueOf(last));
    }

    private Optional<JsonNode> property(SchemaLocation parent, String name) {
        SchemaLocation property = new SchemaLocation(parent.getAbsoluteIri(),
                parent.getFragment().append("properties").append(name));
        return at(property).flatMap(schema -> followRef(property, schema));
    }

    private Optional<JsonNode> followRef(SchemaLocation location, JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (schema.has("type") || ref == null || !ref.isString()) {
            return Optional.of(schema);
        }
        return at(location.resolve(ref.stringValue()));
    }

    private static SchemaLocation keywordParent(Error error) {
        SchemaLocation keyword = error.getSchemaLocation();
        NodePath fragment = keyword.getFragment();
        return new SchemaLocation(keyword.getAbsoluteIri(), fragment.getParent() == null ? fragment : fragment.getParent());
    }

    private Optional<JsonNode> at(SchemaLocation location) {
        try {
            return Optional.ofNullable(registry.getSchema(location).getSchemaNode());
        } catch (SchemaException e) {
            return Optional.empty();
        }
    }
}
