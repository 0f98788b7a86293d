package io.ldist.cli.scenario;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

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
     * Loads a schema from a classpath resource, e.g. {@code io/ldist/cli/scenario.schema.json};
     * relative {@code $ref}s are resolved against it.
     *
     * @throws IllegalArgumentException if the resource is missing or is not a usable schema
     *                                  (a defect of ldist, not of the user's scenario)
     */
    public static SchemaValidation fromClasspath(String resourceName) {
        String location = "classpath:" + (resourceName.startsWith("/") ? resourceName.substring(1) : resourceName);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        try {
            Schema schema = registry.getSchema(SchemaLocation.of(location));
            // Resolves every $ref now, so that a broken schema fails here and not mid-validation.
            schema.initializeValidators();
            return new SchemaValidation(registry, schema);
        } catch (SchemaException e) {
            throw new IllegalArgumentException("cannot load JSON schema " + location + ": " + e.getMessage(), e);
        }
    }

    /** Every violation in the document, in reading order; empty when it conforms. */
    public List<ScenarioProblem> problems(ScenarioDocument document) {
        List<Error> errors = schema.validate(JacksonBridge.toJackson3(document.root()));
        SchemaErrorTranslator translator = new SchemaErrorTranslator(document, new SchemaLookup(registry));
        return new AlternativeBranches(translator).reduce(errors).stream()
                .distinct()
                .sorted(ScenarioProblem.READING_ORDER)
                .toList();
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
