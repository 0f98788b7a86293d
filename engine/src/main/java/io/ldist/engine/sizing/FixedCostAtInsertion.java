package io.ldist.engine.sizing;

import com.graphhopper.jsprit.core.problem.constraint.SoftRouteConstraint;
import com.graphhopper.jsprit.core.problem.misc.JobInsertionContext;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.vehicle.Vehicle;

/**
 * Charges a server's price when a VM opens it (or the price difference when the VM makes it switch type).
 * jsprit 1.8 counts vehicles' fixed costs in the objective but not when it weighs where to insert a job, so
 * without this every insertion would look free on an empty server and the search would never close one.
 */
final class FixedCostAtInsertion implements SoftRouteConstraint {
    @Override
    public double getCosts(JobInsertionContext context) {
        double price = priceOf(context.getNewVehicle());
        VehicleRoute route = context.getRoute();
        if (route.isEmpty()) {
            return price;
        }
        Vehicle current = route.getVehicle();
        return current == context.getNewVehicle() ? 0 : price - priceOf(current);
    }

    private static double priceOf(Vehicle vehicle) {
        return vehicle.getType() == null ? 0 : vehicle.getType().getVehicleCostParams().fix;
    }
}
