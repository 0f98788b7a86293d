package io.ldist.scenario;

import io.ldist.engine.model.VmType;
import io.ldist.engine.util.NearestName;
import io.ldist.scenario.spec.RamModel;
import io.ldist.scenario.spec.VmLifetime;
import io.ldist.scenario.spec.VmTraceWorkload;
import io.ldist.scenario.spec.Workload;
import io.ldist.scenario.trace.TraceFormat;
import io.ldist.scenario.trace.TraceFormatException;
import io.ldist.scenario.trace.TraceFormats;
import io.ldist.scenario.trace.UtilizationTrace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@code vm-trace} workload: a folder of traces in {@code workload.format} (PlanetLab by default), one VM per series. */
final class TraceWorkloadReader {
    private final ReadingContext context;
    private final FieldReader in;
    private final TraceCache traces;

    TraceWorkloadReader(ReadingContext context, TraceCache traces) {
        this.context = context;
        this.in = context.in;
        this.traces = traces;
    }

    Workload read() {
        if (!in.has("/workload/path")) {
            in.problem("/workload", "a 'path' to the trace folder for a vm-trace workload",
                    "nothing (field 'path' is missing)");
            return null;
        }
        List<VmType> types = new ArrayList<>();
        if (in.has("/workload/vmTypes")) {
            for (int i = 0; i < in.size("/workload/vmTypes"); i++) {
                VmType type = context.vmType("/workload/vmTypes/" + i);
                if (type != null) {
                    types.add(type);
                }
            }
        } else {
            types.addAll(context.vmTypes.values());
        }
        RamModel ram = "initial-only".equals(in.text("/workload/ramModel", "reserved")) ? RamModel.INITIAL_ONLY
                : RamModel.RESERVED;
        VmLifetime lifetime = "until-idle".equals(in.text("/workload/lifetime", "whole-trace"))
                ? VmLifetime.UNTIL_IDLE : VmLifetime.WHOLE_TRACE;
        UtilizationTrace trace = readTraceFolder();
        if (trace == null || types.isEmpty()) {
            return null;
        }
        if (context.soundlyRead("scale")) {
            SizeLimits.checkVms(in, trace.seriesCount(), context.scale);
        }
        DataNotices.shortTrace(in, trace, context.durationS).ifPresent(context.notices::add);
        return new VmTraceWorkload(trace, types, ram, lifetime, context.scale);
    }

    private UtilizationTrace readTraceFolder() {
        String formatName = in.text("/workload/format", TraceFormats.DEFAULT);
        Optional<TraceFormat> format = TraceFormats.named(formatName);
        if (format.isEmpty()) {
            in.problem("/workload/format", "a trace format: " + String.join(", ", TraceFormats.names()),
                    "'" + formatName + "'", NearestName.didYouMean(TraceFormats.names(), formatName));
            return null;
        }
        String written = in.text("/workload/path", "");
        Path folder = in.path("/workload/path");
        if (folder == null) {
            return null;
        }
        try {
            UtilizationTrace trace = traces.read(folder, f -> format.get().read(f));
            context.notices.addAll(trace.notices());
            context.dataPaths.add(folder);
            return trace;
        } catch (TraceFormatException e) {
            DataFileProblems.report(in, "/workload/path", written, folder, e, "trace", format.get().describe());
            return null;
        }
    }
}
