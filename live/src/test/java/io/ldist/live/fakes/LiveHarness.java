package io.ldist.live.fakes;

import io.ldist.live.LiveConfig;
import io.ldist.live.api.PlanReport;
import io.ldist.live.execute.CrashPoint;
import io.ldist.live.execute.Journal;
import io.ldist.live.loop.LiveDistributor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cloud (in memory, or AwsCloud over moto), a hypervisor in memory, a clock the test moves, and the log: what a
 * distributor under test runs on. Close it to release the cloud.
 */
public final class LiveHarness implements AutoCloseable {
    public final CloudUnderTest cloud;
    public final MemoryHypervisor hypervisor = new MemoryHypervisor();
    public final AtomicLong clock = new AtomicLong(1_800_000_000_000L);
    public final List<String> log = new ArrayList<>();

    public LiveHarness(CloudUnderTest cloud) {
        this.cloud = cloud;
    }

    /** On the in-memory cloud. */
    public LiveHarness() {
        this(new InMemoryCloud());
    }

    /** A distributor over the config's journal (opened here: a second one on the same folder is refused). */
    public LiveDistributor distributor(LiveConfig config, boolean apply, CrashPoint crash) {
        return new LiveDistributor(config, cloud.cloud(), hypervisor, Journal.open(config.stateDir()), clock::get,
                apply, crash, log::add);
    }

    /** One round, a minute after the last. */
    public PlanReport round(LiveDistributor distributor) {
        clock.addAndGet(60_000);
        return distributor.reconcile();
    }

    /** Now on the harness's clock, in seconds since 1970. */
    public long nowS() {
        return clock.get() / 1000;
    }

    @Override
    public void close() {
        cloud.close();
    }
}
