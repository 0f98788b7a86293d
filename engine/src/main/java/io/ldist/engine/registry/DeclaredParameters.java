package io.ldist.engine.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy's given parameters checked against its declarations, with the declared defaults for the rest. The
 * scenario loader refuses bad values first, with their file and line; this check is the last guard, for Java
 * users who build a {@link PolicyChoice} themselves.
 */
final class DeclaredParameters implements PolicyParameters {
    private final String policy;
    private final Map<String, PolicyParameter> declared = new LinkedHashMap<>();
    private final Map<String, ?> given;

    /** @param checked false only for the test that probes what the constructors themselves refuse */
    DeclaredParameters(String policy, List<PolicyParameter> declarations, Map<String, ?> given, boolean checked) {
        this.policy = policy;
        declarations.forEach(d -> declared.put(d.name(), d));
        this.given = given;
        if (!checked) {
            return;
        }
        given.forEach((name, value) -> {
            PolicyParameter declaration = declared.get(name);
            if (declaration == null) {
                throw new IllegalArgumentException(policy + " has no parameter '" + name + "'"
                        + (declared.isEmpty() ? "" : "; its parameters: " + String.join(", ", declared.keySet())));
            }
            declaration.refusal(value).ifPresent(expected -> {
                throw new IllegalArgumentException(policy + "." + name + " must be " + expected + ", was " + value);
            });
        });
    }

    private Object value(String name) {
        PolicyParameter declaration = declared.get(name);
        if (declaration == null) {
            throw new IllegalStateException(policy + " reads parameter '" + name + "' without declaring it");
        }
        Object value = given.get(name);
        return value != null ? value : declaration.defaultValue();
    }

    @Override
    public double number(String name) {
        return ((Number) value(name)).doubleValue();
    }

    @Override
    public long integer(String name) {
        return ((Number) value(name)).longValue();
    }

    @Override
    public boolean flag(String name) {
        return (Boolean) value(name);
    }

    @Override
    public String policy(String name) {
        return (String) value(name);
    }

    @Override
    public List<String> policies(String name) {
        return ((List<?>) value(name)).stream().map(String.class::cast).toList();
    }
}
