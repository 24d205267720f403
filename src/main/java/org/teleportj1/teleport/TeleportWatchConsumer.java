package org.teleportj1.teleport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.teleport.client.WatchEvent;
import org.teleportj1.teleport.client.WatchFailure;
import org.teleportj1.teleport.client.WatchListener;
import org.teleportj1.teleport.client.WatchStream;

/**
 * {@code from: teleport:watch}: one exchange per change of a watched kind (body a {@link WatchEvent})
 * from the cluster's WatchEvents stream (docs/teleport-api.md §9). A lost stream is opened again
 * with growing delays; after it is back an exchange with operation RESUMED says changes may have
 * been missed meanwhile. A server that does not permit or support watching is told once, as a
 * warning, and not asked again until the consumer restarts.
 */
public class TeleportWatchConsumer extends DefaultConsumer {
    /** The kinds the sync reads (README: Permissions). */
    public static final List<String> KINDS = List.of("user", "role", "access_list", "access_list_member",
            "access_list_review");
    static final Duration FIRST_RECONNECT = Duration.ofSeconds(1);
    static final Duration MAX_RECONNECT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(TeleportWatchConsumer.class);

    private final Object lock = new Object();
    private volatile ScheduledExecutorService executor;
    private WatchStream stream;
    private Duration nextDelay = FIRST_RECONNECT;
    private boolean everInitialized;
    private boolean failing;
    private volatile String label;

    public TeleportWatchConsumer(TeleportEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public TeleportEndpoint getEndpoint() {
        return (TeleportEndpoint) super.getEndpoint();
    }

    /** How logs name the cluster, e.g. {@code cluster 'prod'}; the address by default. */
    public void setLabel(String label) {
        this.label = label;
    }

    private String label() {
        return label != null ? label : "Teleport at " + getEndpoint().getConfiguration().getAddress();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        executor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "teleport-watch");
        executor.execute(this::connect);
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (lock) {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
        super.doStop();
    }

    private void connect() {
        if (!isRunAllowed()) {
            return;
        }
        try {
            WatchStream opened = getEndpoint().connection().client().watch(KINDS, listener());
            synchronized (lock) {
                stream = opened;
            }
        } catch (RuntimeException e) {
            // identity missing or expired, cluster unreachable: the run reports it too; keep trying
            retry(e.getMessage());
        }
    }

    private WatchListener listener() {
        return new WatchListener() {
            @Override
            public void initialized() {
                boolean resumed;
                synchronized (lock) {
                    resumed = everInitialized;
                    everInitialized = true;
                    failing = false;
                    nextDelay = FIRST_RECONNECT;
                }
                LOG.info("Watching {} for changes to {}{}", label(), KINDS,
                        resumed ? " again; a sync follows, for what changed while the watch was down" : "");
                if (resumed) {
                    emit(new WatchEvent(WatchEvent.Operation.RESUMED, "", "", Instant.now()));
                }
            }

            @Override
            public void changed(WatchEvent event) {
                emit(event);
            }

            @Override
            public void ended(WatchFailure failure) {
                if (failure.permanent()) {
                    LOG.warn("Not watching {} for changes, so it syncs on its schedule only: {}", label(),
                            failure.message());
                    return;
                }
                retry(failure.message());
            }
        };
    }

    private void retry(String why) {
        Duration delay;
        boolean first;
        synchronized (lock) {
            stream = null;
            delay = nextDelay;
            nextDelay = nextDelay.multipliedBy(2).compareTo(MAX_RECONNECT) > 0 ? MAX_RECONNECT : nextDelay.multipliedBy(2);
            first = !failing;
            failing = true;
        }
        if (!isRunAllowed() || executor == null) {
            return;
        }
        // one warning per outage; the retries of the same outage at debug level
        if (first) {
            LOG.warn("The watch of {} stopped ({}); reconnecting, first in {} s. Until then changes wait for the"
                    + " schedule.", label(), why, delay.toSeconds());
        } else {
            LOG.debug("The watch of {} is still down ({}); next try in {} s", label(), why, delay.toSeconds());
        }
        try {
            executor.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the consumer is stopping
        }
    }

    private void emit(WatchEvent event) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(event);
            exchange.getMessage().setHeader(TeleportConstants.RESOURCE, event.kind());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Failed to process a Teleport change event", exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
    }
}
