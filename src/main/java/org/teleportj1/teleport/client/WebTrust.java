package org.teleportj1.teleport.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust for the proxy's outer (web) TLS: {@code /webapi/ping} and the connection upgrade. That is
 * the proxy's public certificate, so the JVM's default roots apply, plus an optional CA file for
 * privately signed proxies. The identity's cluster CAs are deliberately not used here.
 */
final class WebTrust {
    private WebTrust() {
    }

    static SSLContext sslContext(Path proxyCaFile) {
        try {
            List<X509ExtendedTrustManager> managers = new ArrayList<>();
            managers.add(defaultTrustManager(null));
            if (proxyCaFile != null) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int i = 0;
                for (X509Certificate ca : readCertificates(proxyCaFile)) {
                    store.setCertificateEntry("proxy-ca-" + i++, ca);
                }
                managers.add(defaultTrustManager(store));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AnyOf(managers)}, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS trust for the Teleport proxy: " + e, e);
        }
    }

    private static List<X509Certificate> readCertificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new CertificateException("no certificates");
            }
            return certificates;
        } catch (IOException | CertificateException e) {
            throw new TeleportException("The proxy CA file " + file + " (setting proxyCaFile / TELEPORT_PROXY_CA_FILE)"
                    + " cannot be read as PEM certificates (" + e.getMessage() + "). Point it at the PEM file of the CA"
                    + " that signed the proxy's web certificate, or unset it if the proxy has a public certificate.", e);
        }
    }

    private static X509ExtendedTrustManager defaultTrustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new IllegalStateException("no X509ExtendedTrustManager");
    }

    /** Accepts a server chain that any of the delegates accepts (each also checks the host name). */
    private static final class AnyOf extends ServerTrustManager {
        private final List<X509ExtendedTrustManager> delegates;

        AnyOf(List<X509ExtendedTrustManager> delegates) {
            this.delegates = delegates;
        }

        private interface Check {
            void run(X509ExtendedTrustManager manager) throws CertificateException;
        }

        private void any(Check check) throws CertificateException {
            CertificateException first = null;
            for (X509ExtendedTrustManager manager : delegates) {
                try {
                    check.run(manager);
                    return;
                } catch (CertificateException e) {
                    first = first == null ? e : first;
                }
            }
            throw first;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            any(m -> m.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            any(m -> m.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            any(m -> m.checkServerTrusted(chain, authType));
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegates.stream().flatMap(m -> java.util.Arrays.stream(m.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
