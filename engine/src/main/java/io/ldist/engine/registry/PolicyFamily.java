package io.ldist.engine.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    private final Map<String, List<PolicyParameter>> declarations = new LinkedHashMap<>();
    private String defaultName;

    public PolicyFamily(String family) {
        this.family = family;
    }

    public String family() {
        return family;
    }

    PolicyFamily<T> register(String name, String description, BiFunction<PolicyParameters, PolicyContext, T> factory) {
        return register(name, description, List.of(), factory);
    }

    /**
     * Registers a policy that reads the declared parameters (and no others).
     *
     * @param description one line, without the parameters' defaults: those come from the declarations
     */
    PolicyFamily<T> register(String name, String description, List<PolicyParameter> parameters,
                             BiFunction<PolicyParameters, PolicyContext, T> factory) {
        String key = name.toLowerCase(Locale.ROOT);
        if (factories.putIfAbsent(key, factory) != null) {
            throw new IllegalStateException(family + "." + key + " is registered twice");
        }
        descriptions.put(key, description);
        if (parameters.stream().map(PolicyParameter::name).distinct().count() != parameters.size()) {
            throw new IllegalStateException(family + "." + key + " declares a parameter twice");
        }
        declarations.put(key, List.copyOf(parameters));
        return this;
    }

    /** Makes the registered policy {@code name} the one a scenario gets when it names none. */
    PolicyFamily<T> byDefault(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!factories.containsKey(key)) {
            throw new IllegalStateException(family + "." + key + " is not registered, so it cannot be the default");
        }
        defaultName = key;
        return this;
    }

    /** The policy a scenario gets when it names none; empty when the family is off unless named (overload). */
    public Optional<String> defaultName() {
        return Optional.ofNullable(defaultName);
    }

    /** The parameters the policy declares, in declaration order; anything else given to it is a mistake. */
    public List<PolicyParameter> parameters(String name) {
        return declarations.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** Names of the parameters the policy declares. */
    public List<String> parameterNames(String name) {
        return parameters(name).stream().map(PolicyParameter::name).toList();
    }

    /** The named parameter of the policy, if it declares one of that name. */
    public Optional<PolicyParameter> parameter(String name, String parameter) {
        return parameters(name).stream().filter(p -> p.name().equals(parameter)).findFirst();
    }

    public boolean has(String name) {
        return factories.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The chosen policy, its parameters checked against its declarations (an undeclared or out-of-range one is
     * an {@link IllegalArgumentException}) and the declared defaults filling in the others.
     */
    public T create(PolicyChoice choice, PolicyContext context) {
        return create(choice, context, true);
    }

    /** @param checked false only to probe, in tests, what the policy's constructor refuses by itself */
    T create(PolicyChoice choice, PolicyContext context, boolean checked) {
        String key = choice.name().toLowerCase(Locale.ROOT);
        BiFunction<PolicyParameters, PolicyContext, T> factory = factories.get(key);
        if (factory == null) {
            throw new UnknownPolicyException(family, choice.name(), names());
        }
        return factory.apply(new DeclaredParameters(family + "." + key, parameters(key), choice.parameters(),
                checked), context);
    }

    /** Short names in registration order. */
    public List<String> names() {
        return new ArrayList<>(factories.keySet());
    }

    public String description(String name) {
        return descriptions.get(name.toLowerCase(Locale.ROOT));
    }
}
