package io.ldist.engine.registry;

import java.util.List;

/**
 * The values of a policy's declared parameters, each the scenario's or else the declared default, already
 * checked against the declaration ({@link PolicyFamily#create}). Policies only ask; asking for a parameter the
 * policy did not declare is a mistake in the registry and fails at once.
 */
public interface PolicyParameters {
    double number(String name);

    long integer(String name);

    boolean flag(String name);

    /** The name of a policy of the family the parameter declares. */
    String policy(String name);

    /** The names, in the order given, of the policies of the family the parameter declares. */
    List<String> policies(String name);
}
