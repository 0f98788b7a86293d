package io.ldist.live.api;

import io.javalin.Javalin;
import org.eclipse.jetty.server.handler.GracefulHandler;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The distributor's HTTP API (Javalin on Jetty): POST /tasks, GET /tasks/{id}, POST /tasks/{id}/done, GET /cluster,
 * GET /plan, GET /healthz and GET /metrics, answered from a {@link Distributor}. Every answer is JSON except
 * /metrics (the Prometheus text format); every error is {"error": "...", "field": "..."} with no stack trace.
 *
 * <p>Bound to 127.0.0.1 unless configured. On any address that is not loopback it refuses to start without a
 * bearer token; once a token is set, every route but /healthz requires it, on any address. Use:
 * <pre>{@code
 * try (DistributorApi api = new DistributorApi(distributor, ApiSettings.loopbackOnFreePort()).start()) {
 *     URI base = api.uri(); // http://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class DistributorApi implements AutoCloseable {

    private final Distributor distributor;
    private final ApiSettings settings;
    private Javalin javalin;
    private InetAddress bound;

    public DistributorApi(Distributor distributor, ApiSettings settings) {
        this.distributor = Objects.requireNonNull(distributor, "distributor");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Binds and starts serving. Refuses (IllegalStateException, nothing bound) an address that is not loopback
     * without a token, a host that does not resolve (IllegalArgumentException), a port that cannot be bound, and a
     * second start.
     */
    public synchronized DistributorApi start() {
        if (javalin != null) {
            throw new IllegalStateException("the API is already started on " + uri());
        }
        InetAddress address = resolve(settings.host());
        if (!address.isLoopbackAddress() && settings.token() == null) {
            throw new IllegalStateException("the API would listen on " + settings.host() + " (" + address
                    .getHostAddress() + "), which is not a loopback address, without a token: set a bearer token"
                    + " (at least " + ApiSettings.MIN_TOKEN_LENGTH + " characters), or bind 127.0.0.1");
        }
        BearerAuth auth = settings.token() == null ? null : new BearerAuth(settings.token());
        ApiRoutes routes = new ApiRoutes(distributor, settings, auth, new ApiMetrics(distributor));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.jetty.host = address.getHostAddress();
            config.jetty.port = settings.port();
            config.jetty.modifyServer(server -> {
                GracefulHandler graceful = new GracefulHandler();
                // Idle keep-alive connections are closed this soon once stopping; busy ones finish first.
                graceful.setShutdownIdleTimeout(Math.min(100, settings.stopTimeoutMs()));
                server.setHandler(graceful);
                server.setStopTimeout(settings.stopTimeoutMs());
                server.setErrorHandler(new JettyJsonErrorHandler());
            });
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });
            routes.install(config);
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            try {
                app.stop();
            } catch (RuntimeException ignored) {
                // The start already failed; that failure is the one to report.
            }
            throw new IllegalStateException("the API could not listen on " + address.getHostAddress() + ":"
                    + settings.port() + ": " + rootMessage(e), e);
        }
        javalin = app;
        bound = address;
        return this;
    }

    /**
     * Stops taking connections, lets requests in flight finish for up to {@link ApiSettings#stopTimeoutMs()}, and
     * releases the port. Safe to call twice, or before start.
     */
    public synchronized void stop() {
        if (javalin == null) {
            return;
        }
        try {
            javalin.stop();
        } finally {
            javalin = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The port the API listens on (the one picked, when configured as 0). */
    public synchronized int port() {
        requireStarted();
        return javalin.port();
    }

    /** {@code http://<address>:<port>}, the base of every route. */
    public synchronized URI uri() {
        requireStarted();
        String host = bound.getHostAddress().contains(":") ? "[" + bound.getHostAddress() + "]"
                : bound.getHostAddress();
        return URI.create("http://" + host + ":" + javalin.port());
    }

    public synchronized boolean isRunning() {
        return javalin != null;
    }

    public ApiSettings settings() {
        return settings;
    }

    private void requireStarted() {
        if (javalin == null) {
            throw new IllegalStateException("the API is not started");
        }
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("api host '" + host + "' does not resolve to an address", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
