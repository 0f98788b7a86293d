package io.ldist.engine.dispatch;

import io.ldist.engine.model.TaskId;
import io.ldist.engine.model.TaskRequest;

import java.util.Arrays;

/**
 * The waiting tasks, one {@link WaitingTasks} per tier rank: freed room is offered to rank 0's tasks first,
 * then rank 1's, and so on, each rank's oldest first. Without tiers there is one rank and this is the queue.
 */
final class TieredWaitingTasks {
    private WaitingTasks[] ranks = {new WaitingTasks()};

    /** Ranks known so far: 0 to {@code rankCount() - 1}. */
    int rankCount() {
        return ranks.length;
    }

    /** The queue of tier rank {@code rank}, made when first needed. */
    WaitingTasks rank(int rank) {
        if (rank >= ranks.length) {
            int known = ranks.length;
            ranks = Arrays.copyOf(ranks, rank + 1);
            for (int r = known; r <= rank; r++) {
                ranks[r] = new WaitingTasks();
            }
        }
        return ranks[rank];
    }

    int size() {
        int size = 0;
        for (WaitingTasks rank : ranks) {
            size += rank.size();
        }
        return size;
    }

    boolean contains(TaskId id) {
        for (WaitingTasks rank : ranks) {
            if (rank.contains(id)) {
                return true;
            }
        }
        return false;
    }

    void append(TaskRequest task) {
        rank(task.tier()).append(task);
    }

    /** Takes a task out of whichever rank holds it; false when it was not waiting. */
    boolean remove(TaskId id) {
        for (WaitingTasks rank : ranks) {
            if (rank.remove(id)) {
                return true;
            }
        }
        return false;
    }

    void clear() {
        for (WaitingTasks rank : ranks) {
            rank.clear();
        }
    }

    void compactIfSparse() {
        for (WaitingTasks rank : ranks) {
            rank.compactIfSparse();
        }
    }
}
