package org.teleportj1.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** The benchmark's plain-text report. */
final class Report {
    private static final String[] RESOURCES = {"roles", "users", "accessLists", "accessListMembers",
        "accessListReviews"};

    private Report() {
    }

    static String text(JsonNode report) {
        StringBuilder out = new StringBuilder();
        JsonNode machine = report.path("machine");
        line(out, "teleport-jupiterone benchmark, %s", machine.path("date").asText());
        line(out, "machine: %s, %d cores, %s RAM; %s; %s", machine.path("cpu").asText(), machine.path("cores").asInt(),
                machine.path("memTotal").asText(), machine.path("java").asText(), machine.path("os").asText());
        line(out, "measured JVMs: %s; load average at start %s, at end %s", machine.path("measuredJvmFlags").asText(),
                machine.path("loadAverageAtStart").asText(), report.path("verdict").path("loadAverageAtEnd").asText());
        out.append('\n');
        line(out, "%-22s %8s %8s %9s %10s %9s %8s %9s %9s %8s %8s %6s", "run", "users", "wall s", "objects",
                "objects/s", "items/s", "MB up", "requests", "peak heap", "live heap", "RSS", "ok");
        for (JsonNode size : report.path("sizes")) {
            for (JsonNode run : size.path("pipeline")) {
                row(out, run, size);
            }
            if (size.has("warm")) {
                row(out, size.path("warm"), size);
            }
            for (JsonNode run : size.path("raw")) {
                row(out, run, size);
            }
            if (size.has("rawMap")) {
                row(out, size.path("rawMap"), size);
            }
            if (size.has("fault")) {
                row(out, size.path("fault"), size);
            }
        }
        out.append('\n');
        for (JsonNode size : report.path("sizes")) {
            JsonNode watch = size.path("watch");
            for (String phase : new String[] {"oneChange", "hundredChangesIn10s"}) {
                JsonNode p = watch.path(phase);
                if (!p.isMissingNode()) {
                    line(out, "watch %d users, %s: %d runs, change -> J1 %s s (first change to last run done %s s;"
                                    + " runs took %s s)", size.path("users").asInt(), phase, p.path("runs").asInt(),
                            p.path("changeToJ1SecondsFirstRun").asText(),
                            p.path("firstChangeToLastRunFinishedSeconds").asText(), p.path("runSeconds").toString());
                }
            }
        }
        out.append('\n');
        for (JsonNode size : report.path("sizes")) {
            JsonNode best = size.path("bestPipeline");
            if (best.isMissingNode()) {
                continue;
            }
            JsonNode cluster = size.path("cluster");
            line(out, "%d users: cluster %d users, %d roles, %d access lists, %d memberships, %d reviews",
                    size.path("users").asInt(), cluster.path("users").asInt(), cluster.path("roles").asInt(),
                    cluster.path("accessLists").asInt(), cluster.path("memberships").asInt(),
                    cluster.path("reviews").asInt());
            line(out, "  phases of the fastest pipeline run (%s), seconds: wall / of which J1 upload / mapping+serializing",
                    best.path("name").asText());
            for (JsonNode phase : best.path("phases")) {
                line(out, "    %-20s %7.2f %7.2f %7.2f", phase.path("phase").asText(), s(phase.path("millis")),
                        s(phase.path("uploadMillis")), s(phase.path("mapMillis")));
            }
            line(out, "    %-20s %7.2f   (JVM + Camel start before the run, not in the wall time)", "startup",
                    s(best.path("startupMillis")));
            line(out, "  uploaded: %d objects, %d batches (%d entity, %d relationship), %.1f MB of request bodies;"
                            + " CPU %.1f s (the sync itself %.1f s), GC %d ms in %d collections",
                    best.path("standIn").path("j1").path("acceptedObjects").asLong(),
                    best.path("standIn").path("j1").path("acceptedUploads").asLong(),
                    best.path("standIn").path("j1").path("entityBatches").asLong(),
                    best.path("standIn").path("j1").path("relationshipBatches").asLong(),
                    best.path("standIn").path("j1").path("acceptedBodyBytes").asLong() / 1e6,
                    s(best.path("processCpuMillis")), s(best.path("runCpuMillis")), best.path("gcMillis").asLong(),
                    best.path("gcCount").asLong());
            line(out, "  heap -Xmx%s; change report: %s; the sandbox and J1 stand-in JVM used %.1f s CPU meanwhile",
                    best.path("heap").asText(), best.path("changeReport").asText("-"),
                    s(best.path("standIn").path("infraCpuMillis")));
            threadCpu(out, best);
            JsonNode warm = size.path("warm");
            if (!warm.isMissingNode() && !warm.has("scenarioFailure")) {
                int before = warm.path("warmups").asInt(1);
                line(out, "  warm JVM (%s, after %s in the same JVM), seconds:", warm.path("name").asText(),
                        before == 1 ? "one sync" : before + " syncs");
                for (JsonNode phase : warm.path("phases")) {
                    line(out, "    %-20s %7.2f %7.2f %7.2f", phase.path("phase").asText(), s(phase.path("millis")),
                            s(phase.path("uploadMillis")), s(phase.path("mapMillis")));
                }
                line(out, "    CPU of the measured sync %.1f s; the sandbox and J1 stand-in JVM used %.1f s CPU for all %d syncs",
                        s(warm.path("runCpuMillis")), s(warm.path("standIn").path("infraCpuMillis")), before + 1);
                threadCpu(out, warm);
            }
            JsonNode raw = size.path("bestRaw");
            if (!raw.isMissingNode()) {
                line(out, "  raw baseline (best): %.2f s = gRPC paging %.2f s (%.1f MB protobuf) + POST replay %.2f s"
                                + " (%d requests, %.1f MB)", s(raw.path("runMillis")), s(raw.path("grpcMillis")),
                        raw.path("grpcPayloadBytes").asLong() / 1e6, s(raw.path("postMillis")),
                        raw.path("posts").asLong(), raw.path("postedBytes").asLong() / 1e6);
                double floor = Math.max(s(raw.path("grpcMillis")), s(raw.path("postMillis")));
                line(out, "  overlap floor max(paging, POSTs) = %.2f s: pipeline / floor = %.2f%s", floor,
                        s(best.path("runMillis")) / floor, warm.isMissingNode() || warm.has("scenarioFailure") ? ""
                                : String.format(Locale.ROOT, ", warm JVM / floor = %.2f", s(warm.path("runMillis")) / floor));
                line(out, "  pipeline / raw baseline = %.2f;  pipeline / raw+mapping (no Camel, %.2f s) = %.2f",
                        size.path("ratioPipelineToRaw").asDouble(), s(size.path("rawMap").path("runMillis")),
                        size.path("ratioPipelineToRawMap").asDouble());
            }
            JsonNode raws = size.path("bestRaw").path("resourceMillis");
            if (!raws.isMissingNode()) {
                line(out, "  raw baseline gRPC paging per listing, seconds: roles %.2f, users %.2f, access lists %.2f,"
                                + " members %.2f, reviews %.2f", s(raws.path("roles")), s(raws.path("users")),
                        s(raws.path("accessLists")), s(raws.path("accessListMembers")), s(raws.path("accessListReviews")));
            }
            if (size.has("fault")) {
                JsonNode fault = size.path("fault");
                JsonNode j1 = fault.path("standIn").path("j1");
                line(out, "  fault run: %s in %.2f s; J1 answered %d of %d requests with 429 (%d) or 503 (%d);"
                                + " ListUsers calls %d (fault-free run: %d, one page failed UNAVAILABLE and was retried);"
                                + " objects accepted %d (fault-free run: %d); jobs %d, finalizes accepted %d (%d sent),"
                                + " aborts %d; checks %s",
                        fault.path("result").asText(), s(fault.path("runMillis")), j1.path("faulted").asLong(),
                        j1.path("requests").asLong(), j1.path("faulted429").asLong(), j1.path("faulted503").asLong(),
                        fault.path("standIn").path("teleportCalls").path("ListUsers").asLong(),
                        fault.path("referenceListUsersCalls").asLong(), j1.path("acceptedObjects").asLong(),
                        fault.path("referenceObjects").asLong(), j1.path("jobsStarted").asLong(),
                        j1.path("finalizesAccepted").asLong(), j1.path("finalizeRequests").asLong(),
                        j1.path("aborts").asLong(), fault.path("checks").path("all").asBoolean() ? "passed" : "FAILED "
                                + fault.path("checks"));
            }
            out.append('\n');
        }
        JsonNode verdict = report.path("verdict");
        line(out, "targets (issue 16):");
        if (verdict.has("wall100kMillis")) {
            line(out, "  100k users <= 12 s wall, fresh JVM:      %.2f s  %s", verdict.path("wall100kMillis").asLong() / 1000.0,
                    met(verdict.path("wall100kMet")));
        }
        if (verdict.has("warm100kMillis")) {
            line(out, "  100k users <= 12 s wall, warm JVM:       %.2f s  %s", verdict.path("warm100kMillis").asLong() / 1000.0,
                    met(verdict.path("warm100kMet")));
        }
        for (JsonNode ratio : verdict.path("ratios")) {
            line(out, "  pipeline / sequential raw <= 1.2 at %dk:  fresh JVM %.2f %s%s", ratio.path("users").asInt() / 1000,
                    ratio.path("ratio").asDouble(), met(ratio.path("met")), ratio.has("warm")
                            ? String.format(Locale.ROOT, ", warm JVM %.2f %s", ratio.path("warm").asDouble(),
                                    met(ratio.path("warmMet"))) : "");
        }
        if (verdict.has("oneMillionCompleted")) {
            if (verdict.path("oneMillionCompleted").asBoolean()) {
                line(out, "  1M users <= 4 min with -Xmx%s:           %.1f s  %s", verdict.path("wall1mHeap").asText(),
                        verdict.path("wall1mMillis").asLong() / 1000.0, met(verdict.path("wall1mMet")));
            } else {
                line(out, "  1M users <= 4 min:                       did not complete  NOT met");
            }
        }
        if (verdict.has("liveHeapGrowth100kTo1m")) {
            line(out, "  live heap 100k -> 1M grows <= 4x:         %.2fx   %s",
                    verdict.path("liveHeapGrowth100kTo1m").asDouble(), met(verdict.path("liveHeapGrowthMet")));
        }
        line(out, "  delivery checks (object counts, one job, one finalize, fault run): %s",
                verdict.path("allChecksPassed").asBoolean() ? "passed" : "FAILED");
        return out.toString();
    }

    private static void row(StringBuilder out, JsonNode run, JsonNode size) {
        if (run.has("scenarioFailure")) {
            line(out, "%-22s %8d   FAILED: %s", run.path("name").asText(), size.path("users").asInt(),
                    run.path("scenarioFailure").asText());
            return;
        }
        double wall = s(run.path("runMillis"));
        // a warm row's stand-in counted its warm-up sync too
        int syncs = 1 + run.path("warmups").asInt(0);
        long objects = run.path("standIn").path("j1").path("acceptedObjects").asLong() / syncs;
        long items = 0;
        for (String resource : RESOURCES) {
            items += run.path("itemsRead").path(resource).asLong();
        }
        JsonNode checks = run.path("checks");
        line(out, "%-22s %8d %8.2f %9d %10.0f %9.0f %8.1f %9d %6d MB %6d MB %5d MB %6s", run.path("name").asText(),
                size.path("users").asInt(), wall, objects, objects / wall, items / wall,
                run.path("standIn").path("j1").path("acceptedBodyBytes").asLong() / 1e6 / syncs,
                run.path("standIn").path("j1").path("acceptedRequests").asLong() / syncs,
                Bench.mb(run.path("peakHeapSampledBytes").asLong()), Bench.mb(run.path("peakLiveHeapAfterGcBytes").asLong()),
                Bench.mb(run.path("rssPeakBytes").asLong()),
                checks.isMissingNode() ? "-" : checks.path("all").asBoolean() ? "yes" : "NO");
    }

    /** Where the measured sync's CPU went, by thread group (JIT and GC threads included). */
    private static void threadCpu(StringBuilder out, JsonNode run) {
        StringBuilder groups = new StringBuilder();
        run.path("threadCpuMillis").fields().forEachRemaining(group -> {
            if (group.getValue().asLong() >= 100) {
                groups.append(groups.length() == 0 ? "" : ", ")
                        .append(String.format(Locale.ROOT, "%s %.1f", group.getKey(), s(group.getValue())));
            }
        });
        if (groups.length() > 0) {
            line(out, "    CPU by thread during the sync, s: %s", groups);
        }
    }

    private static double s(JsonNode millis) {
        return millis.asDouble() / 1000.0;
    }

    private static String met(JsonNode flag) {
        return flag.asBoolean() ? "met" : "NOT met";
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
