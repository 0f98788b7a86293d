package io.ldist.cli.liveconfig;

import io.ldist.scenario.FieldReader;
import io.ldist.scenario.Phrases;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.live.execute.SafetyCaps;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code live} section's own fields: the cluster, the region and endpoint, the hypervisor, the loop's timing,
 * the caps and the state folder. Each reader returns a neutral value (or null) after recording a problem, so that
 * one pass reports every mistake.
 */
final class LiveSection {
    /** The same rule as {@code LiveConfig}'s: a tag value that is also a folder name. */
    private static final Pattern CLUSTER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    /** us-east-1, eu-central-2, us-gov-west-1, cn-north-1, ap-southeast-4... */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    static final String CAPS = "/live/caps";
    static final double DEFAULT_INTERVAL_S = 60;
    static final double DEFAULT_STALE_AFTER_S = 180;
    static final double DEFAULT_DISRUPTION_BUDGET = 0.34;

    private final FieldReader in;

    LiveSection(FieldReader in) {
        this.in = in;
    }

    /** The cluster's tag value, or null when refused. */
    String cluster() {
        JsonNode node = in.node("/live/cluster");
        if (node == null || !node.isTextual()) {
            return null;
        }
        if (!CLUSTER.matcher(node.textValue()).matches()) {
            in.problem("/live/cluster", "a cluster name of letters, digits, '.', '_' or '-', starting with a letter "
                    + "or digit, at most 63 characters (it is a tag value and a folder name)", Phrases.describe(node));
            return null;
        }
        return node.textValue();
    }

    String region() {
        JsonNode node = in.node("/live/region");
        if (node != null && node.isTextual() && !REGION.matcher(node.textValue()).matches()) {
            in.problem("/live/region", "an AWS region such as us-east-1 or eu-west-2", Phrases.describe(node));
        }
        return in.text("/live/region", "");
    }

    /** The endpoint, null when absent or refused: an http(s) URL with a host, as the SDK's endpoint override takes. */
    URI endpoint() {
        JsonNode node = in.node("/live/endpoint");
        if (node == null || !node.isTextual()) {
            return null;
        }
        String expected = "an http:// or https:// URL with a host and no user, query or fragment, such as "
                + "http://127.0.0.1:5000";
        try {
            URI uri = new URI(node.textValue());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getUserInfo() == null && uri.getQuery() == null && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        in.problem("/live/endpoint", expected, Phrases.describe(node));
        return null;
    }

    String hypervisor() {
        return in.text("/live/hypervisor", "ssm");
    }

    /**
     * Seconds between decisions: {@code decisionInterval}, as a scenario names it, or {@code live.loop.interval};
     * both at once is refused, as one would silently lose.
     */
    double interval() {
        if (in.has("/decisionInterval") && in.has("/live/loop/interval")) {
            in.problem("/live/loop/interval", "either decisionInterval or live.loop.interval, not both (each is the "
                    + "time between two decisions)", Phrases.describe(in.node("/live/loop/interval")));
        }
        String at = in.has("/decisionInterval") ? "/decisionInterval" : "/live/loop/interval";
        return in.positiveDuration(at, DEFAULT_INTERVAL_S);
    }

    double metricsStaleAfter() {
        return in.positiveDuration("/live/loop/metricsStaleAfter", DEFAULT_STALE_AFTER_S);
    }

    /** The caps, or null when any is refused (the schema refuses those below their minimum). */
    SafetyCaps caps() {
        String at = CAPS;
        int instances = in.integer(at + "/maxInstances", 0);
        double cost = in.number(at + "/maxCostPerHour", 0);
        int launches = in.integer(at + "/maxLaunchesPerHour", instances);
        int terminations = in.integer(at + "/maxTerminationsPerHour", instances);
        double budget = in.share(at + "/disruptionBudget", DEFAULT_DISRUPTION_BUDGET);
        if (budget <= 0 && !in.refused(at + "/disruptionBudget")) {
            in.problem(at + "/disruptionBudget", "a share above 0, at most 100% (with none, no server could ever be "
                    + "drained, not even a failed one)", Phrases.describe(in.node(at + "/disruptionBudget")));
        }
        if (instances < 1 || !(cost > 0) || launches < 0 || terminations < 0 || !(budget > 0 && budget <= 1)) {
            return null;
        }
        return new SafetyCaps(instances, cost, launches, terminations, budget);
    }

    /** The state folder: as written, from this file's folder; else {@code .ldist-state/<cluster>} beside it. */
    Path stateDir(String cluster) {
        if (in.has("/live/stateDir")) {
            return in.path("/live/stateDir");
        }
        return cluster == null ? null : in.document().resolvePath(".ldist-state").resolve(cluster);
    }
}
