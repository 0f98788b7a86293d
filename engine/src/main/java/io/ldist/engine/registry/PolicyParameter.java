package io.ldist.engine.registry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One parameter a policy declares: its name, type, accepted range, default, unit and a one-line description.
 * The declaration is the single place these live: the scenario loader checks values against it, and
 * {@code ldist policies} and the README's tables show it, so that none of them repeats a default that could drift.
 *
 * @param unit   what the number measures, shown in docs ("share" also lets a scenario write 80%); "" for none
 * @param family for {@link ParameterType#POLICY} and {@link ParameterType#POLICIES}, the family its values
 *               name; null otherwise
 */
public record PolicyParameter(String name, ParameterType type, ParameterRange range, Object defaultValue,
                              String unit, String description, PolicyFamily<?> family) {
    public static final String SHARE = "share";

    public PolicyParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        if ((type == ParameterType.POLICY || type == ParameterType.POLICIES) != (family != null)) {
            throw new IllegalArgumentException(name + ": a family goes with, and only with, a policy parameter");
        }
        // Fields are assigned only after this body, so the check goes through a temporary declaration.
        if (defaultValue != null && new PolicyParameter(name, type, range, null, unit, description, family)
                .refusal(defaultValue).isPresent()) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " is outside its own range");
        }
    }

    public static PolicyParameter number(String name, ParameterRange range, double defaultValue, String unit,
                                         String description) {
        return new PolicyParameter(name, ParameterType.NUMBER, range, defaultValue, unit, description, null);
    }

    public static PolicyParameter integer(String name, ParameterRange range, long defaultValue, String unit,
                                          String description) {
        return new PolicyParameter(name, ParameterType.INTEGER, range, defaultValue, unit, description, null);
    }

    public static PolicyParameter flag(String name, boolean defaultValue, String description) {
        return new PolicyParameter(name, ParameterType.FLAG, ParameterRange.ANY, defaultValue, "", description, null);
    }

    public static PolicyParameter policy(String name, PolicyFamily<?> family, String defaultName, String description) {
        return new PolicyParameter(name, ParameterType.POLICY, ParameterRange.ANY, defaultName, "", description,
                family);
    }

    /** A list of one or more policy names of {@code family}, given in a scenario as a list or as "a,b,c". */
    public static PolicyParameter policies(String name, PolicyFamily<?> family, List<String> defaultNames,
                                           String description) {
        return new PolicyParameter(name, ParameterType.POLICIES, ParameterRange.ANY, List.copyOf(defaultNames), "",
                description, family);
    }

    /** What a value of this parameter must be, for messages: "a number in (0, 1]", "true or false". */
    public String expected() {
        String range = this.range.phrase().isEmpty() ? "" : " " + this.range.phrase();
        return switch (type) {
            case NUMBER -> (unit.equals(SHARE) ? "a share" : "a number") + range;
            case INTEGER -> "a whole number" + range;
            case FLAG -> "true or false";
            case POLICY -> "a " + family.family() + " policy: one of " + String.join(", ", family.names());
            case POLICIES -> "a list of " + family.family() + " policies, each one of "
                    + String.join(", ", family.names());
        };
    }

    /**
     * Empty when {@code value} is acceptable (a Number for numbers, a whole Number for integers, a Boolean for
     * flags, a String naming a policy of the family), else what was expected.
     */
    public Optional<String> refusal(Object value) {
        boolean fine = switch (type) {
            case NUMBER -> value instanceof Number n && range.contains(n.doubleValue());
            case INTEGER -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    && range.contains(n.doubleValue());
            case FLAG -> value instanceof Boolean;
            case POLICY -> value instanceof String s && family.has(s);
            case POLICIES -> value instanceof List<?> names && !names.isEmpty()
                    && names.stream().allMatch(n -> n instanceof String s && family.has(s));
        };
        return fine ? Optional.empty() : Optional.of(expected());
    }

    /** The default as docs write it: 0.8, 1, true, mmt. */
    public String defaultText() {
        if (defaultValue instanceof List<?> names) {
            return String.join(",", names.stream().map(String::valueOf).toList());
        }
        return defaultValue instanceof Number n ? ParameterRange.format(n.doubleValue()) : String.valueOf(defaultValue);
    }

    /** "threshold (a share in (0, 1]; default 0.8): the CPU utilisation above which ...". */
    public String summary() {
        boolean unitSaid = unit.isEmpty() || unit.equals(SHARE);
        return name + " (" + expected() + (unitSaid ? "" : ", " + unit) + "; default " + defaultText() + "): "
                + description;
    }
}
