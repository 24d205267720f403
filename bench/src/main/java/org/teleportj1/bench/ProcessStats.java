package org.teleportj1.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Memory and CPU of the measuring JVM: peak heap (sampled every 10 ms, and the sum of the heap
 * pools' own peaks), the largest heap left after a garbage collection (the live set: what the sync
 * really keeps), GC time, process CPU time and the process's peak RSS (VmHWM).
 */
final class ProcessStats {
    private final AtomicLong sampledPeakHeap = new AtomicLong();
    private final AtomicLong peakLiveAfterGc = new AtomicLong();
    private final AtomicLong gcCount = new AtomicLong();
    private volatile boolean running = true;
    private final Thread sampler;

    ProcessStats() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                            (CompositeData) notification.getUserData());
                    long after = 0;
                    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (isHeapPool(pool.getKey())) {
                            after += pool.getValue().getUsed();
                        }
                    }
                    gcCount.incrementAndGet();
                    peakLiveAfterGc.accumulateAndGet(after, Math::max);
                }, null, null);
            }
        }
        sampler = new Thread(() -> {
            while (running) {
                sampledPeakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                        Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static boolean isHeapPool(String name) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals(name)) {
                return pool.getType() == MemoryType.HEAP;
            }
        }
        return false;
    }

    /** Forgets peaks so far (e.g. those of JVM start), so the figures are the run's. */
    void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        sampledPeakHeap.set(0);
        peakLiveAfterGc.set(0);
    }

    Map<String, Object> snapshot() {
        running = false;
        long poolPeaks = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                poolPeaks += pool.getPeakUsage().getUsed();
            }
        }
        long gcMillis = 0;
        long gcs = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, gc.getCollectionTime());
            gcs += Math.max(0, gc.getCollectionCount());
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("heapMaxBytes", Runtime.getRuntime().maxMemory());
        stats.put("peakHeapSampledBytes", Math.max(sampledPeakHeap.get(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()));
        stats.put("peakHeapPoolSumBytes", poolPeaks);
        stats.put("peakLiveHeapAfterGcBytes", peakLiveAfterGc.get());
        stats.put("gcCount", gcs);
        stats.put("gcMillis", gcMillis);
        stats.put("processCpuMillis", processCpuMillis());
        stats.put("rssPeakBytes", procStatus("VmHWM"));
        stats.put("rssNowBytes", procStatus("VmRSS"));
        return stats;
    }

    static long processCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    /**
     * CPU time of this JVM's live threads by name, digits dropped so a pool's threads add up, read
     * from /proc so the JIT compiler's and the garbage collector's threads are counted too (the
     * thread MXBean does not see them). Empty where there is no /proc.
     */
    static Map<String, Long> threadCpuMillis() {
        Map<String, Long> byName = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+", "#");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // utime and stime, fields 14 and 15 of stat (11 and 12 after the name), in clock ticks
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    byName.merge(name, ticks * 1000 / CLOCK_TICKS, Long::sum);
                } catch (Exception e) {
                    // the thread ended while being read
                }
            }
        } catch (Exception e) {
            return Map.of();
        }
        return byName;
    }

    /** USER_HZ: 100 on every Linux this runs on. */
    private static final long CLOCK_TICKS = 100;

    /** A kB figure of /proc/self/status, in bytes; -1 where there is no /proc. */
    static long procStatus(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").trim()) * 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
