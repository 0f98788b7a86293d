package io.ldist.live.loop;

import io.ldist.live.fakes.CloudUnderTest;
import io.ldist.live.fakes.LiveConfigs;
import io.ldist.live.testkit.MotoCloud;
import io.ldist.live.testkit.MotoServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The everyday scenarios on AwsCloud over moto, which never dedupes a launch: a restart must not launch again. */
class LiveDistributorOnMotoTest extends LiveDistributorScenarios {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @Override
    CloudUnderTest newCloud() {
        return new MotoCloud(MOTO.endpoint(), LiveConfigs.CLUSTER);
    }
}
