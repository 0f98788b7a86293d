package io.ldist.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.engine.model.HostType;
import io.ldist.engine.scale.ScaleOutForecast;
import io.ldist.engine.scale.ScalingSettings;
import io.ldist.engine.scale.StandbyPool;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Scaling settings: those of {@code policies.scaling}, or a pool's ({@code fleet.pools[].scaling}) over them. Where
 * each setting is read is a locator's answer, so that a problem names the field the user wrote.
 */
final class ScalingReader {
    /** Every setting from {@code policies.scaling}. */
    static final UnaryOperator<String> POLICIES = key -> key.isEmpty() ? "/policies/scaling" : "/policies/scaling/" + key;

    private final ReadingContext context;
    private final FieldReader in;

    ScalingReader(ReadingContext context) {
        this.context = context;
        this.in = context.in;
    }

    /** The settings a pool has of its own: its size and what it launches are no other pool's. */
    static final List<String> POOL_OWNED = List.of("minHosts", "maxHosts", "standbyPool", "launchType", "launchTypes");

    /**
     * A pool's settings ({@code over}, its scaling block): its own ({@link #POOL_OWNED}) from there alone, the
     * others from there where written, else from policies.scaling.
     */
    UnaryOperator<String> over(String over) {
        return key -> in.has(over + "/" + key) || POOL_OWNED.contains(key) ? over + "/" + key : POLICIES.apply(key);
    }

    /** Whether policies.scaling asks for scaling at all. */
    boolean scales() {
        String policy = in.text(POLICIES.apply("policy"), "none");
        return "threshold".equals(policy) || "predictive".equals(policy);
    }

    /**
     * Scaling settings, or null for none (or when a problem was found): each setting read where {@code field}
     * finds it.
     *
     * @param initialHosts  servers at the start (maxHosts defaults from them)
     * @param launchDefault what is launched when no launchType is named
     * @param launchBesides types launched besides the launch type when no launchTypes are named
     */
    ScalingSettings read(int initialHosts, UnaryOperator<String> field, HostType launchDefault,
                                List<HostType> launchBesides) {
        String at = POLICIES.apply("");
        String policy = in.text(at + "/policy", "none");
        if (!"threshold".equals(policy) && !"predictive".equals(policy)) {
            return null;
        }
        if (!"predictive".equals(policy)) {
            for (String key : List.of("forecaster", "confidence", "lead", "forecastOnly")) {
                if (in.has(at + "/" + key)) {
                    // Not an error: a sweep of the policy keeps one set of settings for both kinds.
                    context.notices.add("policies.scaling." + key + " is ignored: threshold scaling does not "
                            + "forecast (policy: predictive does)");
                }
            }
        }
        double out = in.share(field.apply("scaleOut"), ScalingSettings.DEFAULT_SCALE_OUT);
        double scaleIn = in.share(field.apply("scaleIn"), ScalingSettings.DEFAULT_SCALE_IN);
        if (scaleIn >= out) {
            in.problem(field.apply("scaleIn"), "a threshold below scaleOut ("
                            + in.text(field.apply("scaleOut"), String.valueOf(ScalingSettings.DEFAULT_SCALE_OUT)) + ")",
                    Phrases.describe(in.node(field.apply("scaleIn"))));
        }
        int min = Math.max(0, in.integer(field.apply("minHosts"), 1));
        int max = Math.max(1, in.integer(field.apply("maxHosts"),
                SizeLimits.defaultMaxHosts(initialHosts / context.scale)));
        if (max < min) {
            in.problem(field.apply("maxHosts"), "at least minHosts (" + min + ")", String.valueOf(max));
        }
        HostType launch = in.has(field.apply("launchType")) ? context.hostType(field.apply("launchType"))
                : launchDefault;
        StandbyPool pool = readStandbyPool(field.apply("standbyPool"));
        if (launch == null || scaleIn >= out || max < min) {
            return null;
        }
        List<HostType> besides = in.has(field.apply("launchTypes")) ? launchTypes(field.apply("launchTypes"))
                : launchBesides;
        return new ScalingSettings(out, scaleIn,
                in.quantity(field.apply("window"), Units.DURATION, ScalingSettings.DEFAULT_WINDOW_S),
                in.quantity(field.apply("cooldown"), Units.DURATION, ScalingSettings.DEFAULT_COOLDOWN_S),
                scaled(field.apply("minHosts"), min), scaled(field.apply("maxHosts"), max),
                scaled(field.apply("step"), Math.max(1, in.integer(field.apply("step"), 1))), launch,
                pool.size(), "migrate".equals(in.text(at + "/drain", "finish")),
                "predictive".equals(policy) ? readForecast(at, launch) : null, besides, pool);
    }

    /**
     * The standby pool: a number (a fixed size), or {policy, size, minSize, maxPrepared, penalty}; the server
     * counts times the scenario's scale. Settings the chosen sizing does not read are ignored, and said so.
     */
    private StandbyPool readStandbyPool(String at) {
        JsonNode node = in.node(at);
        if (node == null || !node.isObject()) {
            return StandbyPool.fixed(scaled(at, Math.max(0, in.integer(at, 0))));
        }
        String policy = in.text(at + "/policy", "fixed");
        StandbyPool.Sizing sizing = switch (policy) {
            case "warm-pool" -> StandbyPool.Sizing.WARM_POOL;
            case "cost-sized" -> StandbyPool.Sizing.COST_SIZED;
            default -> StandbyPool.Sizing.FIXED;
        };
        List<String> unread = new ArrayList<>();
        if (sizing == StandbyPool.Sizing.FIXED) {
            unread.addAll(List.of("minSize", "maxPrepared"));
        }
        if (sizing != StandbyPool.Sizing.COST_SIZED) {
            unread.add("penalty");
        }
        for (String key : unread) {
            if (in.has(at + "/" + key)) {
                // Not an error: a sweep of the pool's policy keeps one set of settings for every kind.
                context.notices.add("policies.scaling.standbyPool." + key + " is ignored with policy " + policy
                        + " (only " + (key.equals("penalty") ? "cost-sized reads" : "warm-pool and cost-sized read")
                        + " it)");
            }
        }
        int size = scaled(at + "/size", Math.max(0, in.integer(at + "/size", 0)));
        int minSize = scaled(at + "/minSize", Math.max(0, in.integer(at + "/minSize", 0)));
        int maxPrepared = in.has(at + "/maxPrepared")
                ? scaled(at + "/maxPrepared", Math.max(0, in.integer(at + "/maxPrepared", 0)))
                : StandbyPool.UP_TO_MAX_HOSTS;
        double penalty = in.has(at + "/penalty") ? Math.max(0, in.number(at + "/penalty", 0)) : Double.NaN;
        return new StandbyPool(sizing, size, minSize, maxPrepared, penalty);
    }

    /** The types of a {@code launchTypes} list, each name checked as {@code launchType} is (unknown ones left out). */
    private List<HostType> launchTypes(String at) {
        List<HostType> types = new ArrayList<>();
        for (int i = 0; i < in.size(at); i++) {
            HostType type = context.hostType(at + "/" + i);
            if (type != null) {
                types.add(type);
            }
        }
        return types;
    }

    /**
     * Predictive scale-out's settings; the lead defaults to the launch type's boot time plus one decision interval
     * (a server asked for at a decision is up by the next one after the demand).
     */
    private ScaleOutForecast readForecast(String at, HostType launch) {
        double interval = in.has("/decisionInterval") ? in.quantity("/decisionInterval", Units.DURATION, 300)
                : in.quantity("/live/loop/interval", Units.DURATION, 300);
        double confidence = in.share(at + "/confidence", ScaleOutForecast.DEFAULT_CONFIDENCE);
        if (!(confidence > 0 && confidence < 1)) {
            in.problem(at + "/confidence", "a confidence between 0 and 100% (exclusive)",
                    Phrases.describe(in.node(at + "/confidence")));
            confidence = ScaleOutForecast.DEFAULT_CONFIDENCE;
        }
        double lead = in.quantity(at + "/lead", Units.DURATION, launch.bootTimeS() + interval);
        if (!(lead > 0)) {
            in.problem(at + "/lead", "a lead time above 0", Phrases.describe(in.node(at + "/lead")));
            lead = launch.bootTimeS() + interval;
        }
        return new ScaleOutForecast(in.text(at + "/forecaster", ScaleOutForecast.DEFAULT_METHOD), confidence, lead,
                in.flag(at + "/forecastOnly", false));
    }

    /** A scaling setting times the scenario's scale, refused when that is more servers than a run may have. */
    private int scaled(String at, int value) {
        int scale = context.scale;
        long servers = (long) value * scale;
        if (servers > SizeLimits.MAX_SERVERS) {
            in.problem(at, "at most " + SizeLimits.number(SizeLimits.MAX_SERVERS) + " servers with scale " + scale,
                    SizeLimits.number(value) + " (" + SizeLimits.number(servers) + " servers)");
            return value;
        }
        return (int) servers;
    }

}
