package io.ldist.live.loop;

import io.ldist.live.api.TaskTicket;
import io.ldist.live.state.LiveFleet;
import io.ldist.live.state.LiveTask;

import java.util.Optional;

/** Tasks as the API names and shows them: ids "t-<n>". */
final class TaskTickets {
    private TaskTickets() {
    }

    static String idOf(long id) {
        return "t-" + id;
    }

    static Optional<Long> parse(String id) {
        if (id == null || !id.startsWith("t-") || id.length() < 3 || id.length() > 21) {
            return Optional.empty();
        }
        for (int i = 2; i < id.length(); i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(Long.parseLong(id.substring(2)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static TaskTicket of(LiveTask task, LiveFleet fleet) {
        boolean placed = task.phase() != LiveTask.Phase.QUEUED && task.vm() >= 0;
        Integer host = placed ? task.host() : null;
        String instance = placed && task.host() >= 0 ? fleet.host(task.host()).instanceId() : null;
        String vm = placed ? fleet.vm(task.vm()).name() : null;
        Integer position = task.phase() == LiveTask.Phase.QUEUED ? fleet.tasks().queuePosition(task.id()) : null;
        double deadline = task.request().deadlineS();
        return new TaskTicket(idOf(task.id()), task.phase().apiName(), host, instance, vm, position,
                task.request().arrivalS(), nanToNull(task.startedAtS()), nanToNull(task.endedAtS()),
                Double.isFinite(deadline) ? deadline : null);
    }

    private static Double nanToNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
