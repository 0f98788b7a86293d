package io.ldist.engine.plan;

import io.ldist.engine.model.HostId;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the engine proposes at one decision: actions in the order they should be applied, notes of what changed
 * inside the engine meanwhile (circuit breakers, in server order), advice it gave without acting on it
 * (predictive scaling in forecast-only mode), and how rolling updates advanced.
 */
public record Plan(double atS, List<Action> actions, List<BreakerChanged> breakerChanges, List<ScalingAdvice> advice,
                   List<UpdateProgress> updates) {
    public Plan {
        actions = List.copyOf(actions);
        breakerChanges = List.copyOf(breakerChanges);
        advice = List.copyOf(advice);
        updates = List.copyOf(updates);
    }

    public Plan(double atS, List<Action> actions, List<BreakerChanged> breakerChanges, List<ScalingAdvice> advice) {
        this(atS, actions, breakerChanges, advice, List.of());
    }

    public Plan(double atS, List<Action> actions, List<BreakerChanged> breakerChanges) {
        this(atS, actions, breakerChanges, List.of());
    }

    public Plan(double atS, List<Action> actions) {
        this(atS, actions, List.of());
    }

    public static Plan empty(double atS) {
        return new Plan(atS, List.of());
    }

    public boolean isEmpty() {
        return actions.isEmpty();
    }

    public int size() {
        return actions.size();
    }

    /** Collects actions while the engine decides. */
    public static final class Builder {
        private final double atS;
        private final List<Action> actions = new ArrayList<>();
        private final List<BreakerChanged> breakerChanges = new ArrayList<>();
        private final List<ScalingAdvice> advice = new ArrayList<>();
        private final List<UpdateProgress> updates = new ArrayList<>();
        private int withdrawn;
        private int launches;

        public Builder(double atS) {
            this.atS = atS;
        }

        public Builder add(Action action) {
            addAt(action);
            return this;
        }

        /** Adds an action and returns its position, for {@link #withdraw}. */
        public int addAt(Action action) {
            actions.add(action);
            if (action instanceof LaunchHost) {
                launches++;
            }
            return actions.size() - 1;
        }

        /**
         * The index the next server launched by this plan gets: servers launched in a plan take the indexes
         * after the view's last one ({@code hostCount}), in order.
         */
        public HostId nextLaunchedHost(int hostCount) {
            return HostId.of(hostCount + launches);
        }

        /** Withdraws the action at {@code position} (a move the plan has since superseded); returns it. */
        public Action withdraw(int position) {
            Action action = actions.set(position, null);
            if (action == null) {
                throw new IllegalStateException("the action at " + position + " was already withdrawn");
            }
            withdrawn++;
            return action;
        }

        /** Actions added so far and not withdrawn, read-only. */
        public List<Action> actions() {
            if (withdrawn == 0) {
                return Collections.unmodifiableList(actions);
            }
            List<Action> standing = new ArrayList<>(actions.size() - withdrawn);
            for (Action action : actions) {
                if (action != null) {
                    standing.add(action);
                }
            }
            return Collections.unmodifiableList(standing);
        }

        /** Notes a breaker's change; notes are kept in server order whatever order they come in. */
        public void breakerChanged(BreakerChanged change) {
            breakerChanges.add(change);
        }

        public void advise(ScalingAdvice note) {
            advice.add(note);
        }

        /** Notes how a rolling update advanced. */
        public void updateProgressed(UpdateProgress note) {
            updates.add(note);
        }

        public Plan build() {
            if (breakerChanges.isEmpty()) {
                return new Plan(atS, actions(), List.of(), advice, updates);
            }
            List<BreakerChanged> notes = new ArrayList<>(breakerChanges);
            notes.sort(java.util.Comparator.comparingInt(n -> n.host().index()));
            return new Plan(atS, actions(), notes, advice, updates);
        }
    }
}
