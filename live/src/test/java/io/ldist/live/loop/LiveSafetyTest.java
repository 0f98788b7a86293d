package io.ldist.live.loop;

import io.ldist.live.fakes.CloudUnderTest;
import io.ldist.live.fakes.InMemoryCloud;

/** The safety scenarios on the in-memory cloud (fast; the same run on moto in {@link LiveSafetyOnMotoTest}). */
class LiveSafetyTest extends LiveSafetyScenarios {
    @Override
    CloudUnderTest newCloud() {
        return new InMemoryCloud();
    }
}
