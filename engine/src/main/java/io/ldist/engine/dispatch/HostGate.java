package io.ldist.engine.dispatch;

/** Whether new tasks may be routed to a server (a circuit breaker closes the gate on a failing one). */
public interface HostGate {
    HostGate ALWAYS_OPEN = new HostGate() {
        @Override
        public boolean admits(int host) {
            return true;
        }

        @Override
        public void routed(int host) {
        }
    };

    boolean admits(int host);

    /** Told each time a task is routed to {@code host}, so a half-open breaker lets only one probe through. */
    void routed(int host);
}
