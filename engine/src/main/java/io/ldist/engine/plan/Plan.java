package io.ldist.engine.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the engine proposes at one decision: actions in the order they should be applied. */
public record Plan(double atS, List<Action> actions) {
    public Plan {
        actions = List.copyOf(actions);
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

        public Builder(double atS) {
            this.atS = atS;
        }

        public Builder add(Action action) {
            actions.add(action);
            return this;
        }

        /** Removes an action added earlier (a move the plan has since superseded); false if absent. */
        public boolean remove(Action action) {
            return actions.remove(action);
        }

        /** Actions added so far, read-only. */
        public List<Action> actions() {
            return Collections.unmodifiableList(actions);
        }

        public Plan build() {
            return new Plan(atS, actions);
        }
    }
}
