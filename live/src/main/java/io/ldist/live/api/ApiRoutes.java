package io.ldist.live.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The routes, and how every outcome (success, refusal, fault) becomes a JSON answer. */
final class ApiRoutes {

    private static final System.Logger LOG = System.getLogger(DistributorApi.class.getName());
    private static final String ROUTES = "POST /tasks, GET /tasks/{id}, POST /tasks/{id}/done, GET /cluster, "
            + "GET /plan, GET /healthz, GET /metrics";

    private final Distributor distributor;
    private final ApiSettings settings;
    private final BearerAuth auth;
    private final ApiMetrics metrics;

    /** @param auth the token check, or null when no route needs one */
    ApiRoutes(Distributor distributor, ApiSettings settings, BearerAuth auth, ApiMetrics metrics) {
        this.distributor = distributor;
        this.settings = settings;
        this.auth = auth;
        this.metrics = metrics;
    }

    void install(JavalinConfig config) {
        config.routes.before(this::authenticate);
        config.routes.post("/tasks", this::submit);
        config.routes.get("/tasks/{id}", this::task);
        config.routes.post("/tasks/{id}/done", this::finish);
        config.routes.get("/cluster", ctx -> json(ctx, 200, distributor.cluster()));
        config.routes.get("/plan", ctx -> json(ctx, 200, distributor.lastPlan()));
        config.routes.get("/healthz", this::health);
        config.routes.get("/metrics", ctx -> ctx.status(200).contentType(ApiMetrics.CONTENT_TYPE)
                .result(metrics.scrape()));
        config.routes.exception(ApiProblem.class, (problem, ctx) -> problem(ctx, problem));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                routingMessage(ctx, e.getStatus(), e.getMessage()), null));
        config.routes.exception(Exception.class, this::fault);
        config.routes.error(404, ctx -> errorIfNoBody(ctx, routingMessage(ctx, 404, null)));
        config.routes.error(405, ctx -> errorIfNoBody(ctx, routingMessage(ctx, 405, null)));
        config.requestLogger.http((ctx, ms) -> metrics.recordRequest(RouteLabels.method(ctx.method().name()),
                RouteLabels.route(ctx.path()), ctx.statusCode(), ms / 1000.0));
    }

    private void authenticate(Context ctx) {
        if (auth == null || RouteLabels.route(ctx.path()).equals("/healthz")) {
            return;
        }
        String refusal = auth.refusal(ctx.header("Authorization"));
        if (refusal != null) {
            throw new ApiProblem(401, refusal);
        }
    }

    private void submit(Context ctx) {
        TaskSubmission submission = RequestReader.submission(body(ctx), settings.defaultLeaseS());
        TaskTicket ticket = distributor.submit(submission);
        if (ticket == null || ticket.id() == null) {
            throw new IllegalStateException("the distributor answered a submission with no ticket");
        }
        ctx.header("Location", "/tasks/" + URLEncoder.encode(ticket.id(), StandardCharsets.UTF_8));
        json(ctx, 201, ticket);
    }

    private void task(Context ctx) {
        String id = RequestReader.taskId(ctx.pathParam("id"));
        TaskTicket ticket = distributor.task(id)
                .orElseThrow(() -> new ApiProblem(404, "no task '" + id + "'", "id"));
        json(ctx, 200, ticket);
    }

    private void finish(Context ctx) {
        String id = RequestReader.taskId(ctx.pathParam("id"));
        boolean failed = RequestReader.failed(body(ctx));
        json(ctx, 200, distributor.finish(id, failed));
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean ok;
        try {
            Health health = distributor.health();
            ok = health.ok();
            body.put("ok", ok);
            body.put("lastObservationAgeS", health.lastObservationAgeS());
            body.put("detail", health.detail());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the distributor's health check failed", e);
            ok = false;
            body.put("ok", false);
            body.put("detail", "the distributor could not report its health");
        }
        if (!ok) {
            ctx.header("Retry-After", Integer.toString(settings.retryAfterS()));
        }
        json(ctx, ok ? 200 : 503, body);
    }

    /** The body, at most {@link ApiSettings#maxBodyBytes()}: larger is a 413 whatever Content-Length claims. */
    private byte[] body(Context ctx) {
        int max = settings.maxBodyBytes();
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw new ApiProblem(413, "the body is " + declared + " bytes; the limit is " + max);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(max + 1);
            if (body.length > max) {
                throw new ApiProblem(413, "the body is over the limit of " + max + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new ApiProblem(400, "the body could not be read: " + e.getMessage());
        }
    }

    private void problem(Context ctx, ApiProblem problem) {
        int status = problem.status();
        if (status < 400 || status > 599) {
            fault(new IllegalStateException("an ApiProblem with status " + status, problem), ctx);
            return;
        }
        if (status == 401) {
            boolean tokenGiven = ctx.header("Authorization") != null;
            ctx.header("WWW-Authenticate", BearerAuth.CHALLENGE + (tokenGiven ? ", error=\"invalid_token\"" : ""));
        }
        if (status == 429 || status == 503) {
            long after = problem.retryAfterS() > 0 ? problem.retryAfterS() : settings.retryAfterS();
            ctx.header("Retry-After", Long.toString(after));
        }
        error(ctx, status, problem.getMessage(), problem.field().orElse(null));
    }

    private void fault(Exception e, Context ctx) {
        LOG.log(System.Logger.Level.ERROR, "internal error answering " + ctx.method() + " " + ctx.path(), e);
        error(ctx, 500, "internal error; the distributor's log has the details", null);
    }

    /** Javalin's own 404 and 405 in the API's words; other statuses keep their message. */
    private static String routingMessage(Context ctx, int status, String message) {
        String path = ctx.path().length() > 100 ? ctx.path().substring(0, 100) + "..." : ctx.path();
        return switch (status) {
            case 404 -> "no route " + ctx.method() + " " + path + "; the API has " + ROUTES;
            case 405 -> ctx.method() + " is not allowed on " + path + "; the API has " + ROUTES;
            default -> message;
        };
    }

    private static void errorIfNoBody(Context ctx, String message) {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith(JsonErrors.CONTENT_TYPE)) {
            error(ctx, ctx.statusCode(), message, null);
        }
    }

    private static void error(Context ctx, int status, String message, String field) {
        String text = message == null || message.isBlank() ? "error " + status : message;
        ctx.status(status).contentType(JsonErrors.CONTENT_TYPE).result(JsonErrors.error(text, field));
    }

    private static void json(Context ctx, int status, Object value) {
        ctx.status(status).contentType(JsonErrors.CONTENT_TYPE).result(JsonErrors.write(value));
    }
}
