package io.ldist.live.record;

import io.ldist.live.fakes.CloudUnderTest;
import io.ldist.live.fakes.InMemoryCloud;

class RecordReplayTest extends RecordReplayScenarios {
    @Override
    CloudUnderTest newCloud() {
        return new InMemoryCloud();
    }
}
