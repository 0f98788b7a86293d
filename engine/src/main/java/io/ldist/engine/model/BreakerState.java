package io.ldist.engine.model;

/** A server's circuit breaker: closed, tasks flow; open, none; half-open, one probe task may go. */
public enum BreakerState { CLOSED, OPEN, HALF_OPEN }
