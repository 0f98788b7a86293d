package io.ldist.engine.registry;

/**
 * The parameters a scenario gives a policy (a threshold, a safety factor...). The driver that reads the
 * scenario implements this and reports a bad value with its file and line; policies only ask.
 */
public interface PolicyParameters {
    PolicyParameters NONE = (name, defaultValue) -> defaultValue;

    /** The named number, or {@code defaultValue} when the scenario does not give it. */
    double number(String name, double defaultValue);

    /** The named yes/no setting (given as true/false, stored as 1/0), or {@code defaultValue}. */
    default boolean flag(String name, boolean defaultValue) {
        return number(name, defaultValue ? 1 : 0) != 0;
    }
}
