package io.ldist.engine.registry;

import java.util.List;

/** A policy name that no policy of the family answers to. */
public final class UnknownPolicyException extends IllegalArgumentException {
    private final String family;
    private final String name;
    private final List<String> known;

    public UnknownPolicyException(String family, String name, List<String> known) {
        super("unknown " + family + " policy '" + name + "'; expected one of " + String.join(", ", known));
        this.family = family;
        this.name = name;
        this.known = List.copyOf(known);
    }

    public String family() {
        return family;
    }

    public String name() {
        return name;
    }

    public List<String> known() {
        return known;
    }
}
