package io.ldist.live.loop;

import io.ldist.live.fakes.CloudUnderTest;
import io.ldist.live.fakes.InMemoryCloud;

/** The everyday scenarios on the in-memory cloud (the same run on moto in {@link LiveDistributorOnMotoTest}). */
class LiveDistributorTest extends LiveDistributorScenarios {
    @Override
    CloudUnderTest newCloud() {
        return new InMemoryCloud();
    }
}
