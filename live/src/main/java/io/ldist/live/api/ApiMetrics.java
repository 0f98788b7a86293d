package io.ldist.live.api;

import io.ldist.engine.model.HostState;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * GET /metrics: the API's own request counts and POST /tasks latency, and, computed at scrape time, the fleet from
 * {@link Distributor#cluster()} and the distributor's running totals as {@code ldist_<name>_total}. One registry
 * per API instance (never the global default), so two APIs in one JVM do not share series.
 */
final class ApiMetrics {

    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    /**
     * Families the API itself exposes. The gauges are ldist_queued_tasks and ldist_running_tasks, not
     * ldist_tasks_queued: that is the distributor's counter tasks_queued (ldist_tasks_queued_total), and Prometheus
     * takes both as one family.
     */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("ldist_api_requests",
            "ldist_api_submit_seconds", "ldist_api_scrape_errors", "ldist_hosts", "ldist_vms", "ldist_queued_tasks",
            "ldist_running_tasks");

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests;
    private final Histogram submitSeconds;
    /** Written by the collector after its reads, so a scrape that failed says so itself. */
    private final java.util.concurrent.atomic.AtomicLong scrapeErrors = new java.util.concurrent.atomic.AtomicLong();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    ApiMetrics(Distributor distributor) {
        requests = Counter.builder().name("ldist_api_requests").help("HTTP requests answered, by route and status")
                .labelNames("method", "route", "status").register(registry);
        submitSeconds = Histogram.builder().name("ldist_api_submit_seconds")
                .help("Time to answer POST /tasks, in seconds").classicOnly().withoutExemplars()
                .classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)
                .register(registry);
        registry.register(new DistributorCollector(distributor));
    }

    void recordRequest(String method, String route, int status, double seconds) {
        requests.labelValues(method, route, Integer.toString(status)).inc();
        if (route.equals("/tasks") && method.equals("POST")) {
            submitSeconds.observe(seconds);
        }
    }

    /** The whole registry in the Prometheus text format (version 0.0.4). */
    byte[] scrape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8_192);
        writer.write(out, registry.scrape());
        return out.toByteArray();
    }

    /** Reads the distributor once per scrape; a failure drops those series for that scrape and is counted. */
    private final class DistributorCollector implements MultiCollector {
        private final Distributor distributor;

        DistributorCollector(Distributor distributor) {
            this.distributor = distributor;
        }

        @Override
        public MetricSnapshots collect() {
            List<MetricSnapshot> snapshots = new ArrayList<>();
            try {
                cluster(distributor.cluster(), snapshots);
            } catch (RuntimeException e) {
                scrapeErrors.incrementAndGet();
            }
            try {
                counters(distributor.counters(), snapshots);
            } catch (RuntimeException e) {
                scrapeErrors.incrementAndGet();
            }
            snapshots.add(CounterSnapshot.builder().name("ldist_api_scrape_errors")
                    .help("Reads of the distributor's cluster or counters that failed at a scrape")
                    .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(scrapeErrors.get()).build())
                    .build());
            return new MetricSnapshots(snapshots);
        }

        private void cluster(ClusterReport cluster, List<MetricSnapshot> out) {
            Map<String, Integer> byState = new TreeMap<>();
            for (HostState state : HostState.values()) {
                byState.put(state.name().toLowerCase(Locale.ROOT), 0);
            }
            int vms = 0;
            for (ClusterReport.HostReport host : cluster.hosts()) {
                String state = host.state() == null ? "unknown" : host.state().toLowerCase(Locale.ROOT);
                byState.merge(state, 1, Integer::sum);
                vms += host.vms() == null ? 0 : host.vms().size();
            }
            GaugeSnapshot.Builder hosts = GaugeSnapshot.builder().name("ldist_hosts").help("Servers by state");
            byState.forEach((state, count) -> hosts.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                    .labels(Labels.of("state", state)).value(count).build()));
            out.add(hosts.build());
            out.add(gauge("ldist_vms", "VMs on all servers", vms));
            out.add(gauge("ldist_queued_tasks", "Tasks waiting for a VM slot now", cluster.queuedTasks()));
            out.add(gauge("ldist_running_tasks", "Tasks running on a VM now", cluster.runningTasks()));
        }

        private void counters(Map<String, Long> counters, List<MetricSnapshot> out) {
            new TreeMap<>(counters).forEach((name, value) -> {
                if (value == null) {
                    return;
                }
                String base = PrometheusNaming.sanitizeMetricName("ldist_" + name.replaceFirst("_total$", ""));
                if (RESERVED.contains(base)) {
                    scrapeErrors.incrementAndGet(); // a total named like one of the API's own families: left out, not clashed
                    return;
                }
                out.add(CounterSnapshot.builder().name(base).help("Distributor total: " + name)
                        .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).build())
                        .build());
            });
        }

        private GaugeSnapshot gauge(String name, String help, double value) {
            return GaugeSnapshot.builder().name(name).help(help)
                    .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build()).build();
        }
    }
}
