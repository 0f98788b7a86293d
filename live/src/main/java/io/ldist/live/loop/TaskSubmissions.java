package io.ldist.live.loop;

import io.ldist.engine.model.VmType;
import io.ldist.live.LiveConfig;
import io.ldist.live.api.ApiProblem;
import io.ldist.live.api.TaskSubmission;

import java.util.Locale;

/** The distributor's own checks of a task request, beyond its shape (which the API checks): can it ever run here? */
final class TaskSubmissions {
    private TaskSubmissions() {
    }

    static void check(TaskSubmission s, LiveConfig config) {
        positive("cpuMips", s.cpuMips());
        nonNegative("gpus", s.gpus());
        nonNegative("ramMb", s.ramMb());
        if (s.deadlineS() != null) {
            positive("deadlineS", s.deadlineS());
        }
        if (s.leaseS() != null) {
            positive("leaseS", s.leaseS());
        }
        if (config.engine().template() == null) {
            throw new ApiProblem(400, "this cluster runs no task VMs (its config has no fleet.template)");
        }
        VmType vm = config.engine().template().type();
        if (s.cpuMips() > vm.totalMips() || s.ramMb() > vm.ramMb() || s.gpus() > vm.gpus()) {
            throw new ApiProblem(400, String.format(Locale.ROOT,
                    "no VM here can ever run this task: it needs %.0f MIPS, %.0f MiB, %.0f GPUs; a %s VM has %.0f MIPS,"
                            + " %.0f MiB, %.0f GPUs", s.cpuMips(), s.ramMb(), s.gpus(), vm.name(), vm.totalMips(),
                    vm.ramMb(), vm.gpus()));
        }
    }

    private static void positive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new ApiProblem(400, field + " must be a number > 0, was " + value);
        }
    }

    private static void nonNegative(String field, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new ApiProblem(400, field + " must be a number >= 0, was " + value);
        }
    }
}
