package io.ldist.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.engine.registry.ParameterType;
import io.ldist.engine.registry.PolicyChoice;
import io.ldist.engine.registry.PolicyFamily;
import io.ldist.engine.registry.PolicyParameter;
import io.ldist.engine.util.NearestName;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a policy given as a name or as {@code {name: ..., parameter: value...}} and checks every parameter
 * against the policy's declaration in the registry: an unknown parameter (with the nearest declared one), a value
 * of the wrong type, a value out of the declared range. Each is recorded where it stands, all of them in one pass,
 * so that {@code validate} refuses what the policy's constructor would have refused in the middle of a run.
 */
final class PolicyChoiceReader {
    private final FieldReader in;

    PolicyChoiceReader(FieldReader in) {
        this.in = in;
    }

    /**
     * The policy at {@code at}: null when it is absent (and there is no default), {@code none}, or refused.
     *
     * @param noun what the field names, with its article: "an overload policy"
     */
    PolicyChoice read(String at, PolicyFamily<?> family, String noun, String defaultName) {
        JsonNode node = in.node(at);
        if (node == null) {
            return defaultName == null ? null : PolicyChoice.of(defaultName);
        }
        String name = node.isTextual() ? node.asText() : node.path("name").asText();
        if ("none".equals(name)) {
            return null;
        }
        if (!family.has(name)) {
            List<String> known = new ArrayList<>(family.names());
            known.add("none");
            unknownName(node.isTextual() ? at : at + "/name", noun, known, name);
            return null;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (node.isObject()) {
            List<String> declared = family.parameterNames(name);
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String parameter = field.getKey();
                if (parameter.equals("name")) {
                    continue;
                }
                String parameterAt = at + "/" + parameter;
                Optional<PolicyParameter> declaration = family.parameter(name, parameter);
                if (declaration.isEmpty()) {
                    in.problem(parameterAt, declared.isEmpty() ? "no parameter for " + name
                                    : "a parameter of " + name + " (" + String.join(", ", declared) + ")",
                            "'" + parameter + "'", NearestName.didYouMean(declared, parameter));
                    continue;
                }
                Object value = value(parameterAt, declaration.get(), field.getValue());
                if (value != null) {
                    parameters.put(parameter, value);
                }
            }
        }
        return new PolicyChoice(name.toLowerCase(Locale.ROOT), parameters);
    }

    /** @param noun what the field names, with its article: "a placement policy" */
    void unknownName(String at, String noun, List<String> known, String found) {
        in.problem(at, noun + ": one of " + Phrases.orList(known), "'" + found + "'",
                NearestName.didYouMean(known, found));
    }

    /** The value as its declaration types it, or null after recording why it is refused. */
    Object value(String at, PolicyParameter declaration, JsonNode node) {
        Object value = switch (declaration.type()) {
            case NUMBER -> node.isNumber() ? (Object) node.asDouble()
                    // A share may also be written 80%; the reader says itself what is wrong with bad text.
                    : node.isTextual() && declaration.unit().equals(PolicyParameter.SHARE) ? share(at) : null;
            case INTEGER -> node.isNumber() ? (Object) node.asDouble() : null;
            case FLAG -> node.isBoolean() ? (Object) node.asBoolean() : null;
            case POLICY -> node.isTextual() ? node.asText().toLowerCase(Locale.ROOT) : null;
            case POLICIES -> names(node);
        };
        if (in.refused(at)) {
            return null;
        }
        if (value == null || declaration.refusal(value).isPresent()) {
            Optional<String> hint = declaration.family() != null && node.isTextual()
                    ? NearestName.didYouMean(declaration.family().names(), node.asText()) : Optional.empty();
            in.problem(at, declaration.expected(), Phrases.describe(node), hint);
            return null;
        }
        return value instanceof Double d && declaration.type() == ParameterType.INTEGER
                ? (Object) d.longValue() : value;
    }

    /** A list of names, written as a list or as "a,b,c"; null when an element is not text. */
    private static Object names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isTextual()) {
            for (String name : node.asText().split(",", -1)) {
                names.add(name.strip().toLowerCase(Locale.ROOT));
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (!element.isTextual()) {
                    return null;
                }
                names.add(element.asText().strip().toLowerCase(Locale.ROOT));
            }
        } else {
            return null;
        }
        return names;
    }

    private Object share(String at) {
        double share = in.quantity(at, Units.FRACTION, Double.NaN);
        return in.refused(at) ? null : (Object) share;
    }
}
