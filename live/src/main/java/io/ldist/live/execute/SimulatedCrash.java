package io.ldist.live.execute;

/** Thrown by a test's {@link CrashPoint} to stop the process at that point, as a crash would. */
public final class SimulatedCrash extends RuntimeException {
    public SimulatedCrash(String where) {
        super("simulated crash " + where);
    }
}
