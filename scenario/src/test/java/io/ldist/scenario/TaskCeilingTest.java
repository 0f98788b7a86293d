package io.ldist.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.scenario.spec.TaskCeiling;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fleet of pools: a task must fit one pool's VM whole, not each resource in some pool. */
class TaskCeilingTest {
    private static final TaskCeiling CPU = new TaskCeiling(80000, 122880, 0, "one 'worker' VM");
    private static final TaskCeiling GPU = new TaskCeiling(20000, 61440, 2, "one 'gpu-worker' VM");
    private static final TaskCeiling POOLS = TaskCeiling.oneOf(List.of(CPU, GPU), "either");

    @Test
    void aTaskFittingOnePoolsVm_fits() {
        assertThat(POOLS.excess(60000, 100000, 0)).isNull();
        assertThat(POOLS.excess(10000, 4096, 2)).isNull();
    }

    @Test
    void aTaskAskingForMoreThanAnyVmInOneResource_saysWhich() {
        assertThat(POOLS.excess(90000, 1024, 0)).isEqualTo("cpuMips 90000 (of at most 80000)");
        assertThat(POOLS.excess(1000, 1024, 3)).isEqualTo("gpus 3 (of at most 2)");
    }

    @Test
    void aTaskFittingEachResourceSomewhere_butNoOneVm_isRefusedWhole() {
        assertThat(POOLS.excess(60000, 4096, 1)).isEqualTo("cpuMips 60000, ramMb 4096 and gpus 1 together, which no "
                + "one pool's VM holds");
    }
}
