package io.ldist.sim.record;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hook for tests only: started with {@code -Dldist.test.diskFullAfterBytes=N}, ldist's output files fail as on a
 * full disk (an {@link IOException} "No space left on device", what Linux reports) once N bytes have been written
 * to them in all. A test cannot fill a real disk (nor mount a small one) to check what ldist does then.
 */
final class SimulatedFullDisk extends FilterOutputStream {
    static final String PROPERTY = "ldist.test.diskFullAfterBytes";
    private static final AtomicLong WRITTEN = new AtomicLong();

    private final long capacity;

    private SimulatedFullDisk(OutputStream out, long capacity) {
        super(out);
        this.capacity = capacity;
    }

    /** {@code out} itself, unless the test property asks for a disk that fills up. */
    static OutputStream around(OutputStream out) {
        long capacity = Long.getLong(PROPERTY, -1);
        return capacity < 0 ? out : new SimulatedFullDisk(out, capacity);
    }

    @Override
    public void write(int b) throws IOException {
        take(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        take(len);
        out.write(b, off, len);
    }

    private void take(int bytes) throws IOException {
        if (WRITTEN.addAndGet(bytes) > capacity) {
            throw new IOException("No space left on device");
        }
    }
}
