package org.teleportj1.teleport.client;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts only the identity's CA certificates for the auth server, never the JVM's roots. A
 * rejection is rethrown as {@link UntrustedServerException} so the error mapping can tell "the
 * server is not this cluster" apart from every other handshake failure.
 */
final class IdentityTrustManager extends ServerTrustManager {
    private final X509ExtendedTrustManager delegate;

    IdentityTrustManager(List<X509Certificate> cas) {
        this.delegate = trustManagerFor(cas);
    }

    static X509ExtendedTrustManager trustManagerFor(List<X509Certificate> cas) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca-" + i, cas.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    return extended;
                }
            }
            throw new IllegalStateException("no X509ExtendedTrustManager in " + factory.getAlgorithm());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a trust store from the identity's CAs: " + e, e);
        }
    }

    /** Thrown when the auth server's certificate does not chain to the identity's CAs (or lacks the name). */
    static final class UntrustedServerException extends CertificateException {
        UntrustedServerException(CertificateException cause) {
            super("the server certificate is not trusted by the identity's CA: " + cause.getMessage(), cause);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw new UntrustedServerException(e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw new UntrustedServerException(e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw new UntrustedServerException(e);
        }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
