package io.ldist.live.record;

import io.ldist.live.fakes.CloudUnderTest;
import io.ldist.live.fakes.LiveConfigs;
import io.ldist.live.testkit.MotoCloud;
import io.ldist.live.testkit.MotoServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A live run against moto recorded, and the recorded decisions made again by another engine. */
class RecordReplayOnMotoTest extends RecordReplayScenarios {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @Override
    CloudUnderTest newCloud() {
        return new MotoCloud(MOTO.endpoint(), LiveConfigs.CLUSTER);
    }
}
