package io.ldist.live.testkit;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.ldist.live.cloud.AwsClients;
import io.ldist.live.cloud.AwsSettings;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: moto's server ({@code <repo>/.venv-moto/bin/moto_server}, made by
 * {@code live/src/test/moto/ensure-moto.sh}) on 127.0.0.1 and a free port, started once per test JVM and stopped at
 * its exit, reset ({@code POST /moto-api/reset}) before each test. When moto is not installed the tests FAIL, they
 * are not skipped. Tests sharing it must not run in parallel (a reset wipes everything).
 *
 * <pre>{@code
 * @RegisterExtension static final MotoServer MOTO = new MotoServer();
 * ... try (AwsClients aws = MOTO.clients()) { new AwsCloud("c1", aws) ... }
 * }</pre>
 */
public final class MotoServer implements BeforeAllCallback, BeforeEachCallback {
    public static final String NOT_INSTALLED = "moto is not installed: run live/src/test/moto/ensure-moto.sh (or .ci/run)";
    private static final String SCRIPT = "live/src/test/moto/ensure-moto.sh";
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Running running;

    record Running(Process process, URI endpoint, Path log) {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    /** moto's address, e.g. http://127.0.0.1:41234 (starts the server on first use). */
    public URI endpoint() {
        return running().endpoint();
    }

    /** Test settings (see {@link TestAws#settings}) pointing at moto. */
    public AwsSettings settings() {
        return TestAws.settings(endpoint());
    }

    /** SDK clients on moto with static test credentials. Close them. */
    public AwsClients clients() {
        return TestAws.clients(endpoint());
    }

    /** Forgets every resource moto holds (done before each test already). */
    public void reset() {
        Running r = running();
        try {
            HttpResponse<String> response = post(r.endpoint().resolve("/moto-api/reset"));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto reset answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto reset failed; server log: " + r.log() + "\n" + tail(r.log()), e);
        }
    }

    private static synchronized Running running() {
        if (running == null) {
            running = start(repoRoot());
        }
        return running;
    }

    /** Starts moto from {@code root/.venv-moto}, or fails with {@link #NOT_INSTALLED}. */
    static Running start(Path root) {
        Path exe = root.resolve(".venv-moto/bin/moto_server");
        if (!Files.isExecutable(exe)) {
            throw new IllegalStateException(NOT_INSTALLED, new FileNotFoundException(exe.toString()));
        }
        Path log = root.resolve("live/target/moto-server.log");
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            int port = freePort();
            try {
                Files.createDirectories(log.getParent());
                ProcessBuilder pb = new ProcessBuilder(List.of(exe.toString(), "-H", "127.0.0.1", "-p",
                        Integer.toString(port)))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                pb.environment().put("PYTHONUNBUFFERED", "1");
                pb.environment().keySet().removeIf(k -> k.startsWith("MOTO_") || k.startsWith("AWS_"));
                Process process = pb.start();
                Running r = new Running(process, URI.create("http://127.0.0.1:" + port), log);
                if (awaitReady(r)) {
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "moto-server-stop"));
                    return r;
                }
                stop(process);
                failure = new IllegalStateException("moto_server did not answer on port " + port + " within "
                        + STARTUP.toSeconds() + " s; its log (" + log + "):\n" + tail(log));
            } catch (IOException e) {
                failure = new IllegalStateException("could not start " + exe, e);
            }
        }
        throw failure;
    }

    private static boolean awaitReady(Running r) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline && r.process().isAlive()) {
            try {
                if (post(r.endpoint().resolve("/moto-api/reset")).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            sleep(100);
        }
        return false;
    }

    private static HttpResponse<String> post(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The repository root: the first directory up from here holding {@value #SCRIPT}. */
    static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SCRIPT))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a directory holding " + SCRIPT
                + ") above " + Path.of("").toAbsolutePath());
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
