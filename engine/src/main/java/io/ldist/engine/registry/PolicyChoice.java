package io.ldist.engine.registry;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A policy chosen by name, with the numeric parameters the scenario gives it. */
public record PolicyChoice(String name, Map<String, Double> parameters) implements PolicyParameters {
    public PolicyChoice {
        Objects.requireNonNull(name, "name");
        parameters = Map.copyOf(parameters);
    }

    public static PolicyChoice of(String name) {
        return new PolicyChoice(name, Map.of());
    }

    @Override
    public double number(String parameter, double defaultValue) {
        Double value = parameters.get(parameter);
        return value != null ? value : defaultValue;
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
