package org.teleportj1.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The program's own background threads, beside Camel's: reading Teleport ahead, writing the
 * spool and the fingerprints. Work that must finish even while a Camel context stops runs here.
 */
public final class Background {
    private Background() {
    }

    /**
     * A pool of daemon threads named {@code prefix-1}, {@code prefix-2}, ...: idle ones end after a
     * minute, and none keeps the JVM alive.
     */
    public static ExecutorService threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Waits for {@code future} to end, failed or not: its failure is for whoever awaits its result. */
    public static void settle(CompletableFuture<?> future) {
        future.handle((result, failure) -> null).join();
    }

    /** The future's result; its failure is thrown as it was raised, not wrapped, when unchecked. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }
}
