package io.ldist.live.api;

/** Whether the distributor can answer: observed recently, and the journal writable. */
public record Health(boolean ok, double lastObservationAgeS, String detail) {
}
