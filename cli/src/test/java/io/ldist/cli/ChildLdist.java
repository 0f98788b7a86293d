package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * ldist in a JVM of its own, as a user runs it (the way {@link OutOfMemoryTest} launches it), so that a test can
 * kill it for real (SIGKILL, SIGTERM), stop it at a named step ({@link TestPause}) or run two at once. Standard
 * output and error are read together, line by line, as they come.
 */
final class ChildLdist {
    private static final String PAUSED = "ldist.test.paused ";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private ChildLdist(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "child-ldist-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code ldist args...} with the given {@code -D} system properties ("name=value"). */
    static ChildLdist start(List<String> properties, String... args) throws IOException {
        return startIn(Path.of("").toAbsolutePath(), properties, args);
    }

    /** Starts {@code ldist args...} in the working directory {@code directory}, where relative paths resolve. */
    static ChildLdist startIn(Path directory, List<String> properties, String... args) throws IOException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.add("-XX:TieredStopAtLevel=1"); // starts faster; these runs are tiny
        properties.forEach(property -> line.add("-D" + property));
        line.add("-cp");
        line.add(System.getProperty("java.class.path"));
        line.add(Ldist.class.getName());
        line.addAll(List.of(args));
        return new ChildLdist(new ProcessBuilder(line).directory(directory.toFile()).redirectErrorStream(true)
                .start());
    }

    /** Starts ldist paused at {@code step}, and waits until it is there. */
    static ChildLdist pausedAt(String step, String... args) throws IOException, InterruptedException {
        ChildLdist child = start(List.of(TestPause.PROPERTY + "=" + step), args);
        child.awaitPause(step);
        return child;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.append(line).append('\n');
                lines.add(line);
            }
        } catch (IOException e) {
            // The process is gone: what it printed is in output.
        }
    }

    void awaitPause(String step) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if ((PAUSED + step).equals(line)) {
                return;
            }
            if (line == null && !process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        process.destroyForcibly();
        throw new AssertionError("ldist did not pause at " + step + ":\n" + output);
    }

    /** Lets a paused ldist go on. */
    void resume() throws IOException {
        OutputStream in = process.getOutputStream();
        in.write('\n');
        in.flush();
    }

    /** SIGKILL: the process dies where it is, running nothing more. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: the JVM runs its shutdown hooks, then ends. */
    void terminate() throws InterruptedException {
        process.destroy();
        awaitExit();
    }

    /** SIGINT, what Ctrl-C sends: the JVM runs its shutdown hooks, then ends. */
    void interrupt() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -INT").isZero();
        awaitExit();
    }

    /** Waits for the end; returns the exit code. */
    int awaitExit() throws InterruptedException {
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        reader.join(10_000);
        assertThat(ended).as("ldist ended:\n" + output).isTrue();
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    /** What it printed (standard output and error) so far. */
    String output() {
        return output.toString();
    }

    /** The output without the lines of the pause hook. */
    String messages() {
        return output.toString().lines().filter(line -> !line.startsWith(PAUSED))
                .map(line -> line + "\n").reduce("", String::concat);
    }
}
