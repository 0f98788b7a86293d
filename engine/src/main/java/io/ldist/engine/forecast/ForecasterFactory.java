package io.ldist.engine.forecast;

/** Builds a forecaster of one kind for a setup (how many series, how far ahead): what the registry holds. */
@FunctionalInterface
public interface ForecasterFactory {
    Forecaster create(ForecastSetup setup);
}
