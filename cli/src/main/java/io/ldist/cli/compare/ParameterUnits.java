package io.ldist.cli.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ldist.scenario.ScenarioLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The unit of a swept scenario field, as the scenario schema defines it: a plain number in a duration field is
 * seconds, in a size MiB, in a bandwidth Mbit/s; other fields (shares, thresholds, counts) have none.
 */
public final class ParameterUnits {
    private static final Map<String, String> UNITS = Map.of("#/$defs/duration", "s", "#/$defs/size", "MiB",
            "#/$defs/bandwidth", "Mbit/s");
    private static final JsonNode SCHEMA = load();

    private ParameterUnits() {
    }

    /** The unit of {@code path} (such as {@code decisionInterval} or {@code fleet.hostTypes[0].ram}), or "". */
    public static String of(String path) {
        JsonNode node = SCHEMA;
        String ref = "";
        for (String part : path.split("\\.")) {
            String name = part.replaceAll("\\[\\d+]", "");
            node = resolve(node).path("properties").path(name);
            ref = node.path("$ref").asText("");
            if (part.contains("[")) {
                node = resolve(node).path("items");
                ref = node.path("$ref").asText("");
            }
        }
        return UNITS.getOrDefault(ref, "");
    }

    /** The schema a field's value follows: its definition, or the branch of a one-of that has properties. */
    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (ref.startsWith("#/$defs/")) {
            return resolve(SCHEMA.path("$defs").path(ref.substring("#/$defs/".length())));
        }
        for (JsonNode branch : node.path("oneOf")) {
            JsonNode resolved = resolve(branch);
            if (resolved.has("properties")) {
                return resolved;
            }
        }
        return node;
    }

    private static JsonNode load() {
        try (InputStream in = ParameterUnits.class.getClassLoader().getResourceAsStream(ScenarioLoader.SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("the scenario schema " + ScenarioLoader.SCHEMA + " is not in ldist");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scenario schema", e);
        }
    }
}
