package org.teleportj1.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.model.SplitDefinition;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.EventNotifierSupport;
import org.teleportj1.app.AppConfiguration;
import org.teleportj1.app.AppOptions;
import org.teleportj1.app.Bootstrap;
import org.teleportj1.app.OneShotSync;
import org.teleportj1.run.SyncRun;
import org.teleportj1.teleport.TeleportConstants;

/**
 * One full sync with the real pipeline, in its own JVM: camel-main built exactly as the
 * {@code sync} command builds it (shipped YAML routes, {@link AppConfiguration}, application.properties),
 * pointed at the infrastructure JVM by override properties ({@code key=value} arguments). It only
 * adds observation: an event notifier (when each {@code teleport:} listing and the delivery steps
 * start, time spent in HTTP calls) and an intercept strategy around the {@code mapPage} and
 * {@code completeGraph} processors (mapping time, items read, the start of the completion phase).
 * Prints one {@code BENCH-RESULT {json}} line.
 */
public final class PipelineScenario {
    static final String RESULT = "BENCH-RESULT ";

    /** Phase marks in order; each phase lasts until the next mark. */
    private static final class Timeline {
        final List<String> names = new ArrayList<>();
        final List<Long> starts = new ArrayList<>();
        final Map<String, Long> uploadNanos = new LinkedHashMap<>();
        final Map<String, Long> mapNanos = new LinkedHashMap<>();
        final Map<String, Long> items = new LinkedHashMap<>();
        long httpCalls;
        long httpNanos;

        synchronized void mark(String phase) {
            names.add(phase);
            starts.add(System.nanoTime());
        }

        synchronized String current() {
            return names.isEmpty() ? "startup" : names.get(names.size() - 1);
        }

        synchronized void upload(long nanos) {
            httpCalls++;
            httpNanos += nanos;
            uploadNanos.merge(current(), nanos, Long::sum);
        }

        synchronized void mapped(String resource, int count, long nanos) {
            mapNanos.merge(current(), nanos, Long::sum);
            items.merge(resource, (long) count, Long::sum);
        }
    }

    private PipelineScenario() {
    }

    public static void main(String[] args) throws Exception {
        ProcessStats stats = new ProcessStats();
        Timeline[] timelines = {new Timeline()};
        // -Dbench.warmups=N: N syncs first in this JVM, as 'run' does between schedules, so the
        // measured one runs on compiled code instead of paying for the JIT
        int warmups = Integer.getInteger("bench.warmups", 0);
        Main main = shippedMain();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            main.addOverrideProperty(arg.substring(0, eq), arg.substring(eq + 1));
        }
        // as the sync command does: the one-shot run triggers the routes itself
        main.addOverrideProperty("camel.component.quartz.auto-start-scheduler", "false");
        main.configure().addConfiguration(new Observe(() -> timelines[0]));
        Map<String, Object> result = new LinkedHashMap<>();
        long[] runNanos = new long[2];
        long[] cpu = new long[2];
        List<Map<String, Long>> threadCpu = new ArrayList<>(List.of(Map.of(), Map.of()));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport support) {
                try {
                    result.put("startupMillis", System.currentTimeMillis()
                            - ManagementFactory.getRuntimeMXBean().getStartTime());
                    for (int i = 0; i < warmups; i++) {
                        OneShotSync.runAll(support.getCamelContext(), Set.of());
                    }
                    timelines[0] = new Timeline();
                    System.gc(); // start figures from the started application, not from class loading
                    stats.resetPeaks();
                    cpu[0] = ProcessStats.processCpuMillis();
                    threadCpu.set(0, ProcessStats.threadCpuMillis());
                    runNanos[0] = System.nanoTime();
                    timelines[0].mark("openDelivery");
                    List<SyncRun> runs = OneShotSync.runAll(support.getCamelContext(), Set.of());
                    runNanos[1] = System.nanoTime();
                    cpu[1] = ProcessStats.processCpuMillis();
                    threadCpu.set(1, ProcessStats.threadCpuMillis());
                    timelines[0].mark("end");
                    SyncRun run = runs.get(0);
                    result.put("result", run == null ? "NO_RUN" : run.result().name());
                    if (run != null) {
                        result.put("failure", run.failure());
                        result.put("objects", run.batcher().objectCount());
                        result.put("objectBytes", run.batcher().byteCount());
                        result.put("batchesDelivered", run.batchesDelivered());
                        result.put("objectsDelivered", run.objectsDelivered());
                        result.put("countsByType", run.batcher().countsByType());
                    }
                } catch (RuntimeException e) {
                    result.put("result", "ERROR");
                    result.put("failure", String.valueOf(e));
                } finally {
                    main.completed();
                }
            }
        });
        main.run();
        result.put("runMillis", TimeUnit.NANOSECONDS.toMillis(runNanos[1] - runNanos[0]));
        result.putAll(stats.snapshot());
        result.put("runCpuMillis", cpu[1] - cpu[0]);
        result.put("warmups", warmups);
        result.put("threadCpuMillis", threadCpuDuring(threadCpu.get(0), threadCpu.get(1)));
        Timeline timeline = timelines[0];
        result.put("phases", phases(timeline));
        result.put("itemsRead", timeline.items);
        result.put("httpCalls", timeline.httpCalls);
        result.put("httpMillis", TimeUnit.NANOSECONDS.toMillis(timeline.httpNanos));
        System.out.println(RESULT + new ObjectMapper().writeValueAsString(result));
        System.out.flush();
        System.exit(0);
    }

    /** CPU each thread group used during the measured sync, most first. */
    private static Map<String, Long> threadCpuDuring(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> during = new LinkedHashMap<>();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> during.put(e.getKey(), e.getValue()));
        return during;
    }

    /** The Main of the shipped {@code sync} command, built the way every command builds it. */
    static Main shippedMain() {
        return Bootstrap.newMain(AppOptions.none());
    }

    private static List<Map<String, Object>> phases(Timeline timeline) {
        List<Map<String, Object>> phases = new ArrayList<>();
        for (int i = 0; i + 1 < timeline.names.size(); i++) {
            String name = timeline.names.get(i);
            Map<String, Object> phase = new LinkedHashMap<>();
            phase.put("phase", name);
            phase.put("millis", TimeUnit.NANOSECONDS.toMillis(timeline.starts.get(i + 1) - timeline.starts.get(i)));
            phase.put("uploadMillis", TimeUnit.NANOSECONDS.toMillis(timeline.uploadNanos.getOrDefault(name, 0L)));
            phase.put("mapMillis", TimeUnit.NANOSECONDS.toMillis(timeline.mapNanos.getOrDefault(name, 0L)));
            phases.add(phase);
        }
        return phases;
    }

    /** Observation only: nothing here changes what the routes do. */
    private static final class Observe implements CamelConfiguration {
        private final Supplier<Timeline> timeline;

        Observe(Supplier<Timeline> timeline) {
            this.timeline = timeline;
        }

        @Override
        public void configure(CamelContext context) throws Exception {
            EventNotifierSupport notifier = new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    if (event instanceof CamelEvent.ExchangeSendingEvent sending) {
                        String uri = sending.getEndpoint().getEndpointUri();
                        if (uri.startsWith("teleport:")) {
                            String resource = uri.substring("teleport:".length()).replaceAll("[?].*", "")
                                    .replace("//", "");
                            timeline.get().mark(resource.equals("ping") ? "connectPing" : resource);
                        } else if (uri.startsWith("direct://close-delivery") || uri.startsWith("direct:close-delivery")) {
                            timeline.get().mark("finalize");
                        }
                    } else if (event instanceof CamelEvent.ExchangeSentEvent sent) {
                        String uri = sent.getEndpoint().getEndpointUri();
                        if (uri.startsWith("http")) {
                            timeline.get().upload(TimeUnit.MILLISECONDS.toNanos(sent.getTimeTaken()));
                        } else if (uri.startsWith("direct://close-delivery") || uri.startsWith("direct:close-delivery")) {
                            timeline.get().mark("afterFinalize");
                        }
                    }
                }
            };
            notifier.setIgnoreCamelContextEvents(true);
            notifier.setIgnoreCamelContextInitEvents(true);
            notifier.setIgnoreRouteEvents(true);
            notifier.setIgnoreServiceEvents(true);
            notifier.setIgnoreExchangeCreatedEvent(true);
            notifier.setIgnoreExchangeCompletedEvent(true);
            notifier.setIgnoreExchangeFailedEvents(true);
            notifier.setIgnoreExchangeRedeliveryEvents(true);
            notifier.setIgnoreStepEvents(true);
            notifier.setIgnoreExchangeAsyncProcessingStartedEvents(true);
            context.getManagementStrategy().addEventNotifier(notifier);
            context.getCamelContextExtension().addInterceptStrategy(new Wrap(timeline));
        }
    }

    private static final class Wrap implements InterceptStrategy {
        private final Supplier<Timeline> timeline;

        Wrap(Supplier<Timeline> timeline) {
            this.timeline = timeline;
        }

        @Override
        public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                     Processor nextTarget) {
            // the completion is the split over completeGraph's batches: its phase starts there
            if (definition instanceof SplitDefinition split && split.getExpression() != null
                    && String.valueOf(split.getExpression()).contains("completeGraph")) {
                return AsyncProcessorConverterHelper.convert(exchange -> {
                    timeline.get().mark("complete");
                    target.process(exchange);
                });
            }
            if (!(definition instanceof ProcessDefinition process)) {
                return AsyncProcessorConverterHelper.convert(target); // unchanged (and no warning)
            }
            if ("mapPage".equals(process.getRef())) {
                return AsyncProcessorConverterHelper.convert(exchange -> {
                    String resource = exchange.getMessage().getHeader(TeleportConstants.RESOURCE, String.class);
                    List<?> page = exchange.getMessage().getBody(List.class);
                    int size = page == null ? 0 : page.size();
                    long started = System.nanoTime();
                    target.process(exchange);
                    timeline.get().mapped(resource, size, System.nanoTime() - started);
                });
            }
            return AsyncProcessorConverterHelper.convert(target);
        }
    }
}
