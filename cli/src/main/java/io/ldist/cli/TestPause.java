package io.ldist.cli;

import java.io.IOException;
import java.util.Optional;

/**
 * A hook for tests only: started with {@code -Dldist.test.pauseAt=STEP}, ldist stops at the named step, prints
 * {@code ldist.test.paused STEP} on standard error and waits for a line on standard input. A test can so kill a
 * real ldist process at an exact point of writing its output (after each rename), which no timing could hit reliably.
 * Without the property every call returns at once.
 */
public final class TestPause {
    static final String PROPERTY = "ldist.test.pauseAt";
    private static volatile boolean shuttingDown;

    private TestPause() {
    }

    /**
     * Pauses at {@code step} when asked to. Once shutdown has begun (SIGTERM, SIGINT) it stays paused, as a thread
     * that the signal caught in the middle of its work would: only the shutdown hook acts then.
     */
    public static void at(String step) {
        pause(step, false);
    }

    /**
     * As {@link #at}, but a step inside the swap of folders resumes when shutdown begins: the shutdown hook waits for
     * the swap to end, as it does when no test pauses it.
     */
    static void insideSwap(String step) {
        pause(step, true);
    }

    static void shutdownBegins() {
        shuttingDown = true;
    }

    private static Optional<Long> parent() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid);
    }

    private static void pause(String step, boolean resumeOnShutdown) {
        if (!step.equals(System.getProperty(PROPERTY))) {
            return;
        }
        System.err.println("ldist.test.paused " + step);
        System.err.flush();
        Optional<Long> test = parent();
        try {
            while (System.in.available() == 0 && !(resumeOnShutdown && shuttingDown)) {
                if (!parent().equals(test)) {
                    // The test that paused us is gone (we were handed to another parent): no one will resume us.
                    Runtime.getRuntime().halt(1);
                }
                Thread.sleep(10);
            }
            if (System.in.available() > 0) {
                System.in.read();
            }
        } catch (IOException e) {
            // Standard input closed: carry on.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
