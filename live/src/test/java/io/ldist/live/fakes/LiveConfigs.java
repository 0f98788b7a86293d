package io.ldist.live.fakes;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.VmType;
import io.ldist.engine.provision.VmTemplate;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.scale.ScalingSettings;
import io.ldist.engine.score.LoadWeights;
import io.ldist.live.LiveConfig;
import io.ldist.live.cloud.LaunchSpec;
import io.ldist.live.execute.SafetyCaps;

import java.nio.file.Path;
import java.util.List;

/** The quickstart's fleet as a live config, for the driver's tests. */
public final class LiveConfigs {
    public static final String CLUSTER = "ldist-test";
    public static final HostType METAL = new HostType("m5.metal", 96, 2500, 0, 384 * 1024, 25_000, 4.608,
            new PowerCurve(180, 215, 245, 275, 305, 335, 365, 395, 425, 455, 485), 240, 45);
    public static final VmType WORKER = new VmType("worker", 32, 2500, 0, 120 * 1024, 10_000, 8);

    private LiveConfigs() {
    }

    public static LiveConfig demo(Path stateDir, int minHosts, int maxHosts, int standbyPool, SafetyCaps caps) {
        return demo(stateDir, minHosts, maxHosts, standbyPool, caps, 0.3);
    }

    /**
     * With this scale-in threshold: the template's VMs reserve each server whole (load 0.59 before any task), so
     * only a threshold above that lets the fleet shrink.
     */
    public static LiveConfig demo(Path stateDir, int minHosts, int maxHosts, int standbyPool, SafetyCaps caps,
                                  double scaleInThreshold) {
        ScalingSettings scaling = new ScalingSettings(0.8, scaleInThreshold, 180, 180, minHosts, maxHosts, 2, METAL,
                standbyPool, false);
        EngineSettings engine = new EngineSettings(new FleetRules(3, VmSizing.RESERVATION),
                EngineSettings.WEIGHTED_SCORER, LoadWeights.DEFAULT, "least-loaded", null, null, null, false,
                scaling, 3, null, new VmTemplate(WORKER, 3), new PolicyContext(60, 0.5, 42));
        return new LiveConfig("demo", CLUSTER, "us-east-1", null,
                new LaunchSpec(null, "ami-b7e93bce", "m5.metal", null, List.of(), null, null), METAL, engine, caps,
                60, 180, "simulated", stateDir,
                new LiveConfig.ApiBinding("127.0.0.1", 0, null, 16 * 1024, 1000, 3600));
    }

    public static SafetyCaps roomy() {
        return new SafetyCaps(20, 100, 20, 20, 0.5);
    }
}
