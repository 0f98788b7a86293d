package io.ldist.engine.registry;

/** What kind of value a policy parameter takes. */
public enum ParameterType {
    /** A real number (given as 0.8, or as 80% when its unit is a share). */
    NUMBER,
    /** A whole number. */
    INTEGER,
    /** true or false. */
    FLAG,
    /** The name of a policy of another family (a detector naming its forecaster, say). */
    POLICY,
    /** One or more names of policies of another family (a selector naming its member forecasters, say). */
    POLICIES
}
