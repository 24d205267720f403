package org.teleportj1.app;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/** The {@code run} application in this JVM (what {@code run} starts), on a thread of its own, for tests. */
final class RunModeApp implements AutoCloseable {
    private final Main main;
    private final Thread thread;
    private volatile CamelContext context;
    private volatile Exception failure;

    private RunModeApp(Main main) {
        this.main = main;
        CountDownLatch started = new CountDownLatch(1);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport support) {
                context = support.getCamelContext();
                started.countDown();
            }
        });
        thread = new Thread(() -> {
            try {
                main.run();
            } catch (Exception e) {
                failure = e;
            } finally {
                started.countDown();
            }
        }, "run-mode-app");
        thread.start();
        try {
            if (!started.await(60, TimeUnit.SECONDS) || context == null) {
                throw new IllegalStateException("the run application did not start within 60 s", failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts {@code run} with these settings (over the shipped ones). */
    static RunModeApp start(Map<String, String> settings) {
        Main main = Bootstrap.scheduledMain(AppOptions.none());
        settings.forEach(main::addOverrideProperty);
        return new RunModeApp(main);
    }

    CamelContext context() {
        return context;
    }

    /** Polls {@code condition} until it holds; fails after {@code deadline}. */
    static void await(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        main.completed();
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }
}
