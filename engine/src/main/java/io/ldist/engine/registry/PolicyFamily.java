package io.ldist.engine.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The policies of one kind (placement, overload detection...), each under a short lower-case name; the full
 * registry name is {@code family.name} (for example {@code place.pabfd}). Names are matched ignoring case.
 *
 * @param <T> what the policies of this family are
 */
public final class PolicyFamily<T> {
    private final String family;
    private final Map<String, BiFunction<PolicyParameters, PolicyContext, T>> factories = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();
    private final Map<String, List<String>> parameterNames = new LinkedHashMap<>();

    public PolicyFamily(String family) {
        this.family = family;
    }

    public String family() {
        return family;
    }

    PolicyFamily<T> register(String name, String description, BiFunction<PolicyParameters, PolicyContext, T> factory) {
        return register(name, description, List.of(), factory);
    }

    /** Registers a policy that reads the named parameters (and no others). */
    PolicyFamily<T> register(String name, String description, List<String> parameters,
                             BiFunction<PolicyParameters, PolicyContext, T> factory) {
        String key = name.toLowerCase(Locale.ROOT);
        if (factories.putIfAbsent(key, factory) != null) {
            throw new IllegalStateException(family + "." + key + " is registered twice");
        }
        descriptions.put(key, description);
        parameterNames.put(key, List.copyOf(parameters));
        return this;
    }

    /** Names of the parameters the policy reads; anything else given to it is a mistake. */
    public List<String> parameters(String name) {
        return parameterNames.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public boolean has(String name) {
        return factories.containsKey(name.toLowerCase(Locale.ROOT));
    }

    public T create(String name, PolicyParameters parameters, PolicyContext context) {
        BiFunction<PolicyParameters, PolicyContext, T> factory = factories.get(name.toLowerCase(Locale.ROOT));
        if (factory == null) {
            throw new UnknownPolicyException(family, name, names());
        }
        return factory.apply(parameters, context);
    }

    /** Short names in registration order. */
    public List<String> names() {
        return new ArrayList<>(factories.keySet());
    }

    public String description(String name) {
        return descriptions.get(name.toLowerCase(Locale.ROOT));
    }
}
