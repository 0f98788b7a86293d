package io.ldist.engine.sizing;

import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Job;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.vehicle.Vehicle;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fleet-sizing problem as a vehicle routing problem: servers are vehicles (capacity on the five dimensions,
 * the VM limit among them; the price per hour as the fixed cost), VMs are services at the one depot (no travel,
 * no travel cost), and a VM's set of types it fits on is a skill only those types have.
 */
final class JspritModel {
    private static final Location DEPOT = Location.newInstance(0, 0);

    final VehicleRoutingProblem problem;
    private final Map<String, Integer> vmOfJob = new HashMap<>();
    private final Map<Integer, Service> jobOfVm = new HashMap<>();
    private final Map<String, Integer> typeOfVehicle = new HashMap<>();
    private final List<Deque<Vehicle>> vehiclesByType = new ArrayList<>();

    JspritModel(SizingProblem sizing, int[] vehiclesPerType) {
        VehicleRoutingProblem.Builder builder = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.FINITE);
        Set<Long> masks = new LinkedHashSet<>();
        for (int v = 0; v < sizing.vmCount(); v++) {
            if (sizing.fitMask(v) != 0) {
                masks.add(sizing.fitMask(v));
            }
        }
        for (int t = 0; t < sizing.typeCount(); t++) {
            VehicleTypeImpl.Builder type = VehicleTypeImpl.Builder.newInstance("type-" + t)
                    .setFixedCost(sizing.price(t)).setCostPerDistance(0).setCostPerTransportTime(0)
                    .setCostPerServiceTime(0).setCostPerWaitingTime(0);
            for (int d = 0; d < SizingProblem.DIMENSIONS; d++) {
                type.addCapacityDimension(d, units(sizing.capacity(t, d)));
            }
            VehicleTypeImpl built = type.build();
            Deque<Vehicle> vehicles = new ArrayDeque<>();
            for (int k = 0; k < vehiclesPerType[t]; k++) {
                VehicleImpl.Builder vehicle = VehicleImpl.Builder.newInstance("server-" + t + "-" + k)
                        .setStartLocation(DEPOT).setReturnToDepot(false).setType(built);
                for (long mask : masks) {
                    if ((mask & (1L << t)) != 0) {
                        vehicle.addSkill(skill(mask));
                    }
                }
                VehicleImpl v = vehicle.build();
                builder.addVehicle(v);
                vehicles.add(v);
                typeOfVehicle.put(v.getId(), t);
            }
            vehiclesByType.add(vehicles);
        }
        for (int v = 0; v < sizing.vmCount(); v++) {
            if (sizing.fitMask(v) == 0) {
                continue;
            }
            Service.Builder service = Service.Builder.newInstance("vm-" + v).setLocation(DEPOT)
                    .addRequiredSkill(skill(sizing.fitMask(v)));
            for (int d = 0; d < SizingProblem.DIMENSIONS; d++) {
                service.addSizeDimension(d, units(sizing.demand(v, d)));
            }
            Service job = service.build();
            builder.addJob(job);
            vmOfJob.put(job.getId(), v);
            jobOfVm.put(v, job);
        }
        this.problem = builder.build();
    }

    private static String skill(long mask) {
        return "fits-" + Long.toHexString(mask);
    }

    private static int units(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }

    /** The plan as a jsprit solution, to start the search from. */
    VehicleRoutingProblemSolution solutionOf(FleetPlan plan) {
        List<Deque<Vehicle>> free = new ArrayList<>();
        vehiclesByType.forEach(vehicles -> free.add(new ArrayDeque<>(vehicles)));
        List<VehicleRoute> routes = new ArrayList<>();
        for (PlannedServer server : plan.servers()) {
            VehicleRoute.Builder route = VehicleRoute.Builder.newInstance(free.get(server.type()).pop())
                    .setJobActivityFactory(problem.getJobActivityFactory());
            for (int v : server.vms()) {
                route.addService(jobOfVm.get(v));
            }
            routes.add(route.build());
        }
        return new VehicleRoutingProblemSolution(routes, new ArrayList<Job>(), 0);
    }

    /** A jsprit solution as servers; VMs it left out join {@code unplaced}. */
    FleetPlan planOf(String solver, VehicleRoutingProblemSolution solution, List<Integer> alwaysUnplaced) {
        List<PlannedServer> servers = new ArrayList<>();
        for (VehicleRoute route : solution.getRoutes()) {
            if (route.isEmpty()) {
                continue;
            }
            int[] vms = route.getTourActivities().getJobs().stream().mapToInt(j -> vmOfJob.get(j.getId())).toArray();
            servers.add(new PlannedServer(typeOfVehicle.get(route.getVehicle().getId()), vms));
        }
        List<Integer> unplaced = new ArrayList<>(alwaysUnplaced);
        solution.getUnassignedJobs().forEach(j -> unplaced.add(vmOfJob.get(j.getId())));
        return new FleetPlan(solver, servers, unplaced);
    }
}
