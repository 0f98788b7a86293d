package io.ldist.scenario;

import io.ldist.engine.cost.CostModel;
import io.ldist.engine.cost.HostTypeCosts;
import io.ldist.engine.model.HostType;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code costs} section: the prices of a run beyond its servers' on-demand hours (licences, standby storage
 * and reservations per host type, energy, migrations, SLA penalties). Reservations scale with the scenario.
 */
final class CostsSection {
    private final ReadingContext context;
    private final FieldReader in;

    CostsSection(ReadingContext context) {
        this.context = context;
        this.in = context.in;
    }

    CostModel read() {
        if (!in.has("/costs")) {
            return CostModel.NONE;
        }
        Map<String, HostTypeCosts> byType = new HashMap<>();
        for (int i = 0; i < in.size("/costs/hostTypes"); i++) {
            String at = "/costs/hostTypes/" + i;
            HostType type = context.hostType(at + "/type");
            if (type == null) {
                continue;
            }
            int reserved = SizeLimits.times(Math.max(0, in.integer(at + "/reserved/hosts", 0)), context.scale);
            HostTypeCosts costs = new HostTypeCosts(amount(at + "/licencePerHour"), amount(at + "/stoppedPerHour"),
                    reserved, amount(at + "/reserved/pricePerHour"));
            if (byType.putIfAbsent(type.name(), costs) != null) {
                in.problem(at + "/type", "a host type not priced before in costs.hostTypes",
                        "'" + type.name() + "' again");
            }
        }
        return new CostModel(byType, amount("/costs/energyPerKWh"), amount("/costs/migration/perGB"),
                amount("/costs/migration/perDegradedSecond"), amount("/costs/sla/perOverloadedHostHour"),
                amount("/costs/sla/perLateTask"), amount("/costs/sla/perDroppedTask"));
    }

    /** A price in USD; the schema refuses a negative or absurd one, and reading goes on with 0. */
    private double amount(String pointer) {
        double value = in.number(pointer, 0);
        return value >= 0 && value <= 1e9 ? value : 0;
    }
}
