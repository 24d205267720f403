package org.teleportj1.sandbox;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyServerBuilder;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in Teleport Auth Service with real mutual TLS on loopback, seeded with realistic data:
 * Ping, users, roles, access lists, members, reviews, locks, access requests, bots, bot instances
 * and SSO connectors over Teleport's gRPC API, paged as Teleport
 * pages them, with faults on demand ({@link SandboxBehaviour}).
 */
public final class SandboxCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxCluster.class);
    /** The file name tbot and tctl users expect in an output directory. */
    public static final String IDENTITY_FILE = "identity";
    private static final Duration SERVER_CERT_VALIDITY = Duration.ofDays(30);

    private final SandboxOptions options;
    private final SandboxData data;
    private final CertificateAuthority authority;
    private final FaultInjector faults;
    private final Server server;
    private final Path identityFile;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SandboxCluster(SandboxOptions options, SandboxData data, CertificateAuthority authority,
                           FaultInjector faults, Server server) {
        this.options = options;
        this.data = data;
        this.authority = authority;
        this.faults = faults;
        this.server = server;
        this.identityFile = options.workDir().resolve(IDENTITY_FILE).toAbsolutePath();
        // kept: a stopped server no longer reports its sockets
        this.port = ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
    }

    /** Generates the data and the PKI, starts serving and writes the client identity file. */
    public static SandboxCluster start(SandboxOptions options) {
        long started = System.nanoTime();
        // dates relative to the start of the day: every sandbox of one day serves the same data, so
        // consecutive runs against a fresh sandbox report no changes
        SandboxData data = populate(options.size(), Instant.now().truncatedTo(ChronoUnit.DAYS));
        CertificateAuthority authority = CertificateAuthority.create(options.clusterName(), options.clientKeyType());
        FaultInjector faults = new FaultInjector(options.behaviour());
        Server server = serve(options, data, authority, faults);
        SandboxCluster cluster = new SandboxCluster(options, data, authority, faults, server);
        try {
            cluster.writeIdentity(IdentityRequest.reader(options.clientKeyType(), options.clientKeyEncoding(),
                    options.clientValidity()));
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        LOG.info("sandbox cluster {} listening on {} ({} users, {} roles, {} access lists, {} memberships, "
                        + "{} reviews, {} locks, {} access requests, {} bots, {} bot instances, {} SSO connectors)"
                        + " in {} ms; identity file {}", options.clusterName(), cluster.address(),
                data.userCount(), data.roleCount(), data.accessListCount(), data.memberCount(), data.reviewCount(),
                data.locks().count(), data.accessRequests().count(), data.bots().count(), data.botInstances().count(),
                data.ssoConnectors().count(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                cluster.identityFile);
        return cluster;
    }

    /** The demo seed plus generated data up to {@code size}; times relative to {@code now}. */
    public static SandboxData populate(SandboxSize size, Instant now) {
        SandboxData data = new SandboxData();
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        SandboxSeed.plant(data, second);
        SyntheticPopulation.grow(data, size, second);
        return data;
    }

    private static Server serve(SandboxOptions options, SandboxData data, CertificateAuthority authority,
                                FaultInjector faults) {
        IssuedCertificate serverCert = authority.issueServer(options.clientKeyType(), SERVER_CERT_VALIDITY);
        CallerIdentity caller = new CallerIdentity();
        try {
            return NettyServerBuilder
                    .forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()))
                    .sslContext(tls(serverCert, authority))
                    .addService(ServerInterceptors.intercept(
                            new SandboxAuthService(options.clusterName(), data, faults), faults, caller))
                    .addService(ServerInterceptors.intercept(new SandboxUsersService(data, faults), faults, caller))
                    .addService(ServerInterceptors.intercept(new SandboxAccessListService(data, faults), faults, caller))
                    .addService(ServerInterceptors.intercept(new SandboxBotService(data, faults), faults, caller))
                    .addService(ServerInterceptors.intercept(new SandboxBotInstanceService(data, faults), faults, caller))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + options.port()
                    + " (is another sandbox or Teleport auth service using it?)", e);
        }
    }

    /** Like an auth server: our certificate, clients must present one issued by the cluster CA. */
    private static SslContext tls(IssuedCertificate serverCert, CertificateAuthority authority) {
        try {
            return GrpcSslContexts.configure(SslContextBuilder.forServer(serverCert.keyPair().getPrivate(),
                            serverCert.certificate()))
                    .trustManager(authority.certificate())
                    .clientAuth(ClientAuth.REQUIRE)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build the sandbox's TLS context: " + e, e);
        }
    }

    /** Writes the default identity file again with a new certificate (what tbot's renewal does). */
    public Path writeIdentity(IdentityRequest request) {
        return writeIdentity(identityFile, request);
    }

    /**
     * Issues a client identity from the cluster CA and writes it, in Teleport's identity-file
     * format with mode 0600, to {@code file}. Past or future {@code notBefore} values make expired
     * or not-yet-valid identities.
     */
    public Path writeIdentity(Path file, IdentityRequest request) {
        IssuedCertificate client = authority.issueClient(request.user(), request.roles(), request.keyType(),
                request.notBefore(), request.validity());
        String content = IdentityFileWriter.format(client, request.encoding(), clusterName(),
                List.of(authority.certificate()));
        Path written = IdentityFileWriter.write(file, content);
        LOG.debug("wrote identity of {} valid until {} to {}", request.user(), client.certificate().getNotAfter(), written);
        return written;
    }

    /** 127.0.0.1:port. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    public int port() {
        return port;
    }

    /** The client identity file written at start, in Teleport's format. */
    public Path identityFile() {
        return identityFile;
    }

    public String clusterName() {
        return options.clusterName();
    }

    public SandboxOptions options() {
        return options;
    }

    /** The live dataset: changes are visible to the next call. */
    public SandboxData data() {
        return data;
    }

    public CertificateAuthority authority() {
        return authority;
    }

    public SandboxBehaviour behaviour() {
        return faults.behaviour();
    }

    /** Switches faults on a running cluster; the call numbers of one-shot outages restart. */
    public void behaviour(SandboxBehaviour behaviour) {
        faults.behaviour(behaviour);
    }

    /** Calls received for a method (bare name, e.g. "ListUsers") since start or the last behaviour switch. */
    public int calls(String method) {
        return faults.calls(method);
    }

    /** Stops the server; safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("sandbox cluster {} stopped", clusterName());
    }

    public boolean isClosed() {
        return closed.get();
    }
}
