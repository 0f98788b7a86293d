package io.ldist.engine.registry;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A policy chosen by name, with the parameters the scenario gives it: Numbers for numbers and integers,
 * Booleans for flags, Strings for policy names. They are checked against the policy's declarations when it
 * is created.
 */
public record PolicyChoice(String name, Map<String, ?> parameters) {
    public PolicyChoice {
        Objects.requireNonNull(name, "name");
        parameters = Map.copyOf(parameters);
    }

    public static PolicyChoice of(String name) {
        return new PolicyChoice(name, Map.of());
    }

    /** "thr(threshold=0.8)" or "mmt": for reports and logs. */
    @Override
    public String toString() {
        if (parameters.isEmpty()) {
            return name;
        }
        StringBuilder text = new StringBuilder(name).append('(');
        new TreeMap<>(parameters).forEach((k, v) -> text.append(text.charAt(text.length() - 1) == '(' ? "" : ", ")
                .append(k).append('=').append(v));
        return text.append(')').toString();
    }
}
