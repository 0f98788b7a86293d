package io.ldist.live.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * SimulatedHypervisor against a model of what the {@link Hypervisor} contract promises: every call idempotent by VM
 * name, never more VMs than were asked for (and each on one instance only), and the power state each call leads to.
 * Random sequences of calls over a few instances and names, so that names collide across instances.
 */
class SimulatedHypervisorProperties {
    private static final List<String> INSTANCES = List.of("i-0000000a", "i-0000000b", "i-0000000c");
    private static final List<String> NAMES = List.of("vm-1", "vm-2", "vm-3", "vm-4");
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    enum Kind { CREATE, START, STOP, REMOVE, MOVE }

    record Call(Kind kind, String instance, String vm, String destination) {
        /** Applies the call; a refused one (HypervisorException) changes nothing, which the model also checks. */
        boolean applyTo(SimulatedHypervisor hypervisor) {
            try {
                switch (kind) {
                    case CREATE -> hypervisor.create(instance, new VmSpec(vm, 2, 1L << 30, 0));
                    case START -> hypervisor.start(instance, vm);
                    case STOP -> hypervisor.stop(instance, vm);
                    case REMOVE -> hypervisor.remove(instance, vm);
                    case MOVE -> hypervisor.move(instance, vm, destination);
                }
                return true;
            } catch (HypervisorException e) {
                return false;
            }
        }
    }

    /** Where each VM is and whether it runs: what the contract says the calls lead to. */
    static final class Model {
        final Map<String, String> instanceOf = new HashMap<>();
        final Map<String, VmPowerState> stateOf = new HashMap<>();

        /** Whether the contract lets the call succeed from this state. */
        boolean apply(Call call) {
            String home = instanceOf.get(call.vm());
            boolean here = call.instance().equals(home);
            switch (call.kind()) {
                case CREATE -> {
                    if (home != null && !here) {
                        return false; // one VM, one instance: a conflict
                    }
                    if (home == null) {
                        instanceOf.put(call.vm(), call.instance());
                        stateOf.put(call.vm(), VmPowerState.OFF);
                    }
                }
                case START -> {
                    if (!here) {
                        return false;
                    }
                    stateOf.put(call.vm(), VmPowerState.RUNNING);
                }
                case STOP -> {
                    if (here) {
                        stateOf.put(call.vm(), VmPowerState.OFF);
                    }
                }
                case REMOVE -> {
                    if (here) {
                        instanceOf.remove(call.vm());
                        stateOf.remove(call.vm());
                    }
                }
                case MOVE -> {
                    if (call.destination().equals(home)) {
                        return true;
                    }
                    if (!here) {
                        return false;
                    }
                    instanceOf.put(call.vm(), call.destination());
                }
            }
            return true;
        }
    }

    @Provide
    Arbitrary<List<Call>> calls() {
        Arbitrary<Call> call = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.of(INSTANCES),
                Arbitraries.of(NAMES), Arbitraries.of(INSTANCES)).as(Call::new);
        return call.list().ofMaxSize(40);
    }

    @Property(tries = 500)
    void everyCall_leadsToTheStateTheContractSays(@ForAll("calls") List<Call> calls) {
        SimulatedHypervisor hypervisor = new SimulatedHypervisor(FIXED);
        Model model = new Model();
        for (Call call : calls) {
            assertThat(call.applyTo(hypervisor)).as("%s succeeded", call).isEqualTo(model.apply(call));
            assertMatches(hypervisor, model);
        }
    }

    @Property(tries = 500)
    void everyCall_madeTwice_changesNothingMore(@ForAll("calls") List<Call> calls) {
        SimulatedHypervisor hypervisor = new SimulatedHypervisor(FIXED);
        for (Call call : calls) {
            boolean first = call.applyTo(hypervisor);
            Map<String, List<HostedVm>> once = hypervisor.snapshot();
            assertThat(call.applyTo(hypervisor)).as("%s repeated succeeds as the first did", call).isEqualTo(first);
            assertThat(hypervisor.snapshot()).as("after %s again", call).isEqualTo(once);
        }
    }

    @Property(tries = 500)
    void theVms_areAtMostTheOnesCreated_eachOnOneInstance(@ForAll("calls") List<Call> calls) {
        SimulatedHypervisor hypervisor = new SimulatedHypervisor(FIXED);
        Set<String> created = new HashSet<>();
        for (Call call : calls) {
            if (call.kind() == Kind.CREATE) {
                created.add(call.vm());
            }
            call.applyTo(hypervisor);
            List<String> names = hypervisor.snapshot().values().stream().flatMap(List::stream)
                    .map(HostedVm::name).toList();
            assertThat(names).doesNotHaveDuplicates();
            assertThat(created).containsAll(names);
        }
    }

    private static void assertMatches(SimulatedHypervisor hypervisor, Model model) {
        for (String instance : INSTANCES) {
            Map<String, VmPowerState> listed = new HashMap<>();
            for (HostedVm vm : hypervisor.list(instance)) {
                listed.put(vm.name(), vm.state());
            }
            Map<String, VmPowerState> expected = new HashMap<>();
            model.instanceOf.forEach((vm, home) -> {
                if (home.equals(instance)) {
                    expected.put(vm, model.stateOf.get(vm));
                }
            });
            assertThat(listed).as("VMs on %s", instance).isEqualTo(expected);
        }
    }
}
