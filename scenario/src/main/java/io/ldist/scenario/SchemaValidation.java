package io.ldist.scenario;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks a {@link ScenarioDocument} against a JSON Schema (draft 2020-12 unless the schema's
 * {@code $schema} says otherwise) and reports every violation as a {@link ScenarioProblem} at the
 * line where the offending value was written, in plain language, with did-you-mean hints for
 * misspelt field names and values.
 *
 * <p>Load once and reuse: loading parses and prepares the schema.
 */
public final class SchemaValidation {

    private final SchemaRegistry registry;
    private final Schema schema;

    private SchemaValidation(SchemaRegistry registry, Schema schema) {
        this.registry = registry;
        this.schema = schema;
    }

    /**
     * Loads a schema from a classpath resource, e.g. {@code io/ldist/scenario/scenario.schema.json};
     * relative {@code $ref}s are resolved against it.
     *
     * @throws IllegalArgumentException if the resource is missing or is not a usable schema
     *                                  (a defect of ldist, not of the user's scenario)
     */
    public static SchemaValidation fromClasspath(String resourceName) {
        String resource = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
        String location = "classpath:" + resource;
        // A schema that declares an $id is known to the validator by that id, and the locations its errors
        // report start with it. Map the id to the resource, so that looking up the schema around an error
        // (for the names of the allowed fields, say) reads the resource and never goes to the network.
        // When the id ends in the resource's file name, its folder is mapped to the resource's folder, so that a
        // schema may name a sibling's definitions ("scenario.schema.json#/$defs/fleet") and read them from there.
        Optional<String> id = declaredId(resource);
        String fileName = resource.substring(resource.lastIndexOf('/') + 1);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> id.ifPresent(declared -> builder.schemaIdResolvers(resolvers -> {
                    if (declared.endsWith("/" + fileName)) {
                        resolvers.mapPrefix(declared.substring(0, declared.length() - fileName.length()),
                                location.substring(0, location.length() - fileName.length()));
                    } else {
                        resolvers.mapPrefix(declared, location);
                    }
                })));
        try {
            Schema schema = registry.getSchema(SchemaLocation.of(location));
            // Resolves every $ref now, so that a broken schema fails here and not mid-validation.
            schema.initializeValidators();
            return new SchemaValidation(registry, schema);
        } catch (SchemaException e) {
            throw new IllegalArgumentException("cannot load JSON schema " + location + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> declaredId(String resource) {
        try (InputStream in = SchemaValidation.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            JsonNode id = new ObjectMapper().readTree(in).get("$id");
            return id != null && id.isString() ? Optional.of(id.stringValue()) : Optional.empty();
        } catch (IOException | JacksonException e) {
            // Not readable as JSON: loading the schema below reports it.
            return Optional.empty();
        }
    }

    /** Every violation in the document, in reading order; empty when it conforms. */
    public List<ScenarioProblem> problems(ScenarioDocument document) {
        List<Error> errors = schema.validate(JacksonBridge.toJackson3(document.root()));
        SchemaErrorTranslator translator = new SchemaErrorTranslator(document, new SchemaLookup(registry));
        return new AlternativeBranches(translator).reduce(withoutMisspeltRequired(errors, translator)).stream()
                .distinct()
                .sorted(ScenarioProblem.READING_ORDER)
                .toList();
    }

    /**
     * A required field written with a typo ({@code cpuMps} for {@code cpuMips}) breaks two rules: the
     * field is missing and an unknown one is present. Both say the same thing, so only the unknown
     * field is reported, with its did-you-mean naming the missing field.
     */
    private static List<Error> withoutMisspeltRequired(List<Error> errors, SchemaErrorTranslator translator) {
        Set<String> misspelt = new HashSet<>();
        for (Error error : errors) {
            if (error.getKeyword().equals("additionalProperties") || error.getKeyword().equals("unevaluatedProperties")) {
                translator.meantField(error).ifPresent(meant -> misspelt.add(objectKey(error) + meant));
            }
        }
        return errors.stream()
                .filter(error -> !(error.getKeyword().equals("required")
                        && misspelt.contains(objectKey(error) + error.getProperty())))
                .toList();
    }

    /** The object an error is about and the schema object whose keyword found it. */
    private static String objectKey(Error error) {
        NodePath evaluation = error.getEvaluationPath();
        NodePath parent = evaluation.getParent();
        // A field required in an if/then/else branch belongs to the object the branch's if stands in.
        if (parent != null && parent.getParent() != null && SchemaLookup.isBranch(parent)) {
            parent = parent.getParent();
        }
        return error.getInstanceLocation() + " @ " + (parent == null ? "" : parent) + " : ";
    }

    /**
     * Refuses a document that does not conform.
     *
     * @throws ScenarioException listing every violation
     */
    public void validate(ScenarioDocument document) {
        List<ScenarioProblem> problems = problems(document);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
    }
}
