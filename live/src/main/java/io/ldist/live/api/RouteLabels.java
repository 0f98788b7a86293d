package io.ldist.live.api;

import java.util.Set;
import java.util.regex.Pattern;

/** Bounded label values for request metrics: a route template, never a raw path (ids would grow without end). */
final class RouteLabels {

    private static final Set<String> FIXED = Set.of("/tasks", "/cluster", "/plan", "/healthz", "/metrics");
    private static final Pattern TASK = Pattern.compile("/tasks/[^/]+");
    private static final Pattern DONE = Pattern.compile("/tasks/[^/]+/done");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private RouteLabels() {
    }

    static String route(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (FIXED.contains(p)) {
            return p;
        }
        if (DONE.matcher(p).matches()) {
            return "/tasks/{id}/done";
        }
        if (TASK.matcher(p).matches()) {
            return "/tasks/{id}";
        }
        return "other";
    }

    static String method(String method) {
        return METHODS.contains(method) ? method : "OTHER";
    }
}
