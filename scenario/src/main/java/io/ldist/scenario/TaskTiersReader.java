package io.ldist.scenario;

import io.ldist.scenario.spec.TaskTier;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A task workload's {@code tiers}: each a name, a share of the tasks, a weight (served first when higher), and
 * optionally its own wait objective, maxWait and deadline factor. Names must differ and the shares add up to
 * 100 %; every mistake is reported with its field.
 */
final class TaskTiersReader {
    private static final String AT = "/workload/tiers";
    /** How far the shares' sum may be from 100 % (three tiers of 33.33 %). */
    private static final double SHARE_SLACK = 1e-3;

    private final FieldReader in;

    TaskTiersReader(FieldReader in) {
        this.in = in;
    }

    /** The tiers as listed, or an empty list when there are none or one was refused. */
    List<TaskTier> read() {
        List<TaskTier> tiers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        double shares = 0;
        boolean sound = true;
        for (int i = 0; i < in.size(AT); i++) {
            String at = AT + "/" + i;
            String name = in.text(at + "/name", "");
            double share = in.share(at + "/share", 0);
            double weight = in.number(at + "/weight", 1);
            double wait = in.has(at + "/wait") ? in.positiveDuration(at + "/wait", Double.POSITIVE_INFINITY)
                    : Double.POSITIVE_INFINITY;
            double maxWait = in.has(at + "/maxWait") ? in.positiveDuration(at + "/maxWait", Double.NaN) : Double.NaN;
            double deadlineFactor = in.number(at + "/deadlineFactor", Double.NaN);
            if (!in.refused(at) && wait < Double.POSITIVE_INFINITY && maxWait <= wait) {
                in.problem(at + "/maxWait", "a maxWait longer than the tier's wait objective "
                        + in.text(at + "/wait", ""), in.text(at + "/maxWait", ""));
            }
            if (!names.add(name)) {
                in.problem(at + "/name", "a tier name not used by another tier", "'" + name + "' again");
            }
            if (in.refused(at)) {
                sound = false;
                continue;
            }
            shares += share;
            tiers.add(new TaskTier(name, share, weight, wait, maxWait, deadlineFactor));
        }
        if (sound && !tiers.isEmpty() && Math.abs(shares - 1) > SHARE_SLACK) {
            in.problem(AT, "tier shares that add up to 100%", "shares adding up to "
                    + new BigDecimal(shares * 100).round(new MathContext(6)).stripTrailingZeros().toPlainString() + "%");
            sound = false;
        }
        return sound ? normalised(tiers, shares) : List.of();
    }

    /** Shares within the slack of 100 % made to add up exactly (33.33 % three times). */
    private static List<TaskTier> normalised(List<TaskTier> tiers, double shares) {
        return tiers.stream().map(t -> new TaskTier(t.name(), t.share() / shares, t.weight(), t.waitS(),
                t.maxWaitS(), t.deadlineFactor())).toList();
    }
}
