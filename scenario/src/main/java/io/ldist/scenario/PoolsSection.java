package io.ldist.scenario;

import io.ldist.engine.model.HostType;
import io.ldist.engine.model.VmType;
import io.ldist.engine.pool.FleetPool;
import io.ldist.engine.pool.FleetPools;
import io.ldist.engine.provision.VmTemplate;
import io.ldist.engine.scale.ScalingSettings;
import io.ldist.scenario.spec.HostGroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code fleet.template}, or {@code fleet.pools}: the pools of a task-stream fleet, each with its host types, its
 * template and its scaling (policies.scaling's settings, overridden by the pool's own).
 */
final class PoolsSection {
    private final ReadingContext context;
    private final FieldReader in;
    private final CrossFieldChecks checks;

    PoolsSection(ReadingContext context, CrossFieldChecks checks) {
        this.context = context;
        this.in = context.in;
        this.checks = checks;
    }

    /** The template written at {@code at}, checked against the servers it runs on; null when refused. */
    VmTemplate readTemplate(String at, int maxVms, List<HostGroup> hosts, ScalingSettings scaling) {
        VmType type = context.vmType(at + "/vmType");
        int perHost = Math.max(1, in.integer(at + "/perHost", 1));
        if (perHost > maxVms) {
            in.problem(at + "/perHost", "at most fleet.maxVmsPerHost (" + maxVms + ")", String.valueOf(perHost));
        }
        if (type == null) {
            return null;
        }
        VmTemplate template = new VmTemplate(type, perHost);
        checks.templateFits(at, template, hosts, scaling);
        if (context.soundlyRead("fleet", "scale", "policies.scaling")) {
            SizeLimits.checkTemplateVms(in, at, Math.max(SizeLimits.servers(hosts),
                    scaling == null ? 0 : scaling.maxHosts()), perHost);
        }
        return template;
    }

    /** The pools of {@code fleet.pools}, or {@link FleetPools#NONE} without them (or when any was refused). */
    FleetPools read(int maxVms, List<HostGroup> hosts, ScalingReader scaling) {
        if (!in.has("/fleet/pools")) {
            return FleetPools.NONE;
        }
        if (in.has("/fleet/template")) {
            in.problem("/fleet/template", "either fleet.template or fleet.pools (each pool has its template)",
                    "both");
        }
        if (!context.taskWorkload) {
            in.problem("/fleet/pools", "pools only for a task workload (workload.kind: tasks)",
                    "pools for a workload of VMs");
            return FleetPools.NONE;
        }
        for (String key : ScalingReader.POOL_OWNED) {
            if (in.has("/policies/scaling/" + key)) {
                in.problem("/policies/scaling/" + key, "no " + key + " here with fleet.pools: each pool's scaling "
                        + "sets its own (fleet.pools[].scaling." + key + ")", Phrases.describe(
                        in.node("/policies/scaling/" + key)));
            }
        }
        Map<String, String> poolOfType = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<FleetPool> pools = new ArrayList<>();
        boolean refused = false;
        for (int i = 0; i < in.size("/fleet/pools"); i++) {
            FleetPool pool = readPool("/fleet/pools/" + i, maxVms, hosts, scaling, poolOfType, names);
            refused |= pool == null;
            if (pool != null) {
                pools.add(pool);
            }
        }
        for (int g = 0; g < in.size("/fleet/hosts"); g++) {
            String at = "/fleet/hosts/" + g + "/type";
            String type = in.text(at, "");
            if (!refused && !poolOfType.containsKey(type)) {
                in.problem(at, "a host type of one of the pools (" + String.join(", ", poolOfType.keySet()) + ")",
                        "'" + type + "', which no pool's hostTypes lists");
            }
        }
        return refused || !in.problems().isEmpty() ? FleetPools.NONE : new FleetPools(pools);
    }

    private FleetPool readPool(String at, int maxVms, List<HostGroup> hosts, ScalingReader scaling,
                               Map<String, String> poolOfType, List<String> names) {
        String name = in.text(at + "/name", "");
        if (names.contains(name)) {
            in.problem(at + "/name", "a pool name not used before", "'" + name + "' again");
        }
        names.add(name);
        List<HostType> types = new ArrayList<>();
        for (int j = 0; j < in.size(at + "/hostTypes"); j++) {
            String typeAt = at + "/hostTypes/" + j;
            HostType type = context.hostType(typeAt);
            if (type == null) {
                continue;
            }
            String owner = poolOfType.putIfAbsent(type.name(), name);
            if (owner != null) {
                in.problem(typeAt, "a host type of no other pool (a server belongs to the pool of its type)",
                        "'" + type.name() + "', already in pool " + owner);
            } else {
                types.add(type);
            }
        }
        if (types.isEmpty()) {
            return null;
        }
        List<HostGroup> poolHosts = hosts.stream().filter(g -> types.stream()
                .anyMatch(t -> t.name().equals(g.type().name()))).toList();
        ScalingSettings poolScaling = null;
        if (scaling.scales()) {
            poolScaling = scaling.read(SizeLimits.servers(poolHosts), scaling.over(at + "/scaling"), types.get(0),
                    types.subList(1, types.size()));
            if (poolScaling != null) {
                launchesOwnTypes(at, poolScaling, types);
            }
        } else if (in.has(at + "/scaling")) {
            in.problem(at + "/scaling", "policies.scaling with policy threshold or predictive (a pool's scaling "
                    + "refines it)", "a pool's scaling, and policies.scaling without a policy");
        }
        VmTemplate template = readTemplate(at + "/template", maxVms, poolHosts, poolScaling);
        return template == null || (scaling.scales() && poolScaling == null) ? null
                : new FleetPool(name, types, template, poolScaling);
    }

    /** A pool launches servers of its own types only: another pool's would not be its. */
    private void launchesOwnTypes(String at, ScalingSettings scaling, List<HostType> types) {
        for (HostType launched : scaling.launchTypes()) {
            if (types.stream().noneMatch(t -> t.name().equals(launched.name()))) {
                String field = in.has(at + "/scaling/launchType") ? at + "/scaling/launchType"
                        : at + "/scaling/launchTypes";
                in.problem(field, "one of the pool's hostTypes (" + String.join(", ",
                        types.stream().map(HostType::name).toList()) + ")", "'" + launched.name() + "'");
                return;
            }
        }
    }
}
