package io.serfnode.console.connection;

import io.serfnode.console.session.TrustSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Builds the TLS context for one connection from the session's {@link TrustSettings}. */
final class TrustManagers {
    private TrustManagers() {
    }

    /**
     * A context trusting what {@code trust} says for {@code endpoint}; every server certificate it accepts or
     * refuses is reported to {@code fingerprints} first.
     */
    static SSLContext contextFor(TrustSettings trust, URI endpoint, Consumer<String> fingerprints) {
        String hostPort = endpoint.getHost() + ":" + endpoint.getPort();
        X509ExtendedTrustManager manager = switch (trust) {
            case TrustSettings.SystemTrust system -> explained(fromKeyStore(null), hostPort, "the system's trust store");
            case TrustSettings.PemTrust pem -> explained(fromKeyStore(keyStoreOf(pem)), hostPort,
                    "the certificates in " + pem.pemFile());
            case TrustSettings.TrustOnFirstUse tofu -> new TrustOnFirstUse(new KnownAgents(tofu.knownAgentsFile()),
                    hostPort);
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new Reporting(manager, fingerprints)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static KeyStore keyStoreOf(TrustSettings.PemTrust pem) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pem.pemFile())) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the PEM file " + pem.pemFile() + ": " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the PEM file " + pem.pemFile() + " holds no valid certificate: "
                    + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("the PEM file " + pem.pemFile() + " holds no certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("pem-" + index++, certificate);
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot hold the certificates of " + pem.pemFile() + ": " + e.getMessage(), e);
        }
    }

    private static X509ExtendedTrustManager fromKeyStore(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JDK offers no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    /** Turns a refusal into one that says which agent and which trust failed, and stops retrying. */
    private static X509ExtendedTrustManager explained(X509ExtendedTrustManager delegate, String hostPort,
                                                      String trusted) {
        return new ServerOnly() {
            @Override
            void check(X509Certificate[] chain, String authType, Socket socket, SSLEngine engine)
                    throws CertificateException {
                try {
                    if (engine != null) {
                        delegate.checkServerTrusted(chain, authType, engine);
                    } else {
                        delegate.checkServerTrusted(chain, authType, socket);
                    }
                } catch (CertificateException e) {
                    throw new UntrustedCertificateException("the certificate of " + hostPort + " (SHA-256 "
                            + Fingerprints.sha256(chain[0]) + ") is not trusted by " + trusted + ": "
                            + e.getMessage(), e);
                }
            }
        };
    }

    /** Trust on first use: the pin is the identity, so no host name check. */
    private static final class TrustOnFirstUse extends ServerOnly {
        private final KnownAgents known;
        private final String hostPort;

        TrustOnFirstUse(KnownAgents known, String hostPort) {
            this.known = known;
            this.hostPort = hostPort;
        }

        @Override
        void check(X509Certificate[] chain, String authType, Socket socket, SSLEngine engine)
                throws CertificateException {
            chain[0].checkValidity();
            String presented = Fingerprints.sha256(chain[0]);
            String remembered = known.fingerprintOf(hostPort).orElse(null);
            if (remembered == null) {
                known.remember(hostPort, presented);
            } else if (!remembered.equals(presented)) {
                throw new UntrustedCertificateException("the certificate of " + hostPort
                        + " is not the one trusted before: remembered SHA-256 " + remembered
                        + ", presented SHA-256 " + presented + ". If the agent's certificate was replaced on"
                        + " purpose, remove its line from " + known.file());
            }
        }
    }

    /** Reports the server certificate's fingerprint before the delegate decides. */
    private static final class Reporting extends ServerOnly {
        private final X509ExtendedTrustManager delegate;
        private final Consumer<String> fingerprints;

        Reporting(X509ExtendedTrustManager delegate, Consumer<String> fingerprints) {
            this.delegate = delegate;
            this.fingerprints = fingerprints;
        }

        @Override
        void check(X509Certificate[] chain, String authType, Socket socket, SSLEngine engine)
                throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new UntrustedCertificateException("the agent presented no certificate");
            }
            fingerprints.accept(Fingerprints.sha256(chain[0]));
            if (engine != null) {
                delegate.checkServerTrusted(chain, authType, engine);
            } else {
                delegate.checkServerTrusted(chain, authType, socket);
            }
        }
    }

    /** A trust manager for a client: it checks servers and never accepts clients. */
    private abstract static class ServerOnly extends X509ExtendedTrustManager {

        abstract void check(X509Certificate[] chain, String authType, Socket socket, SSLEngine engine)
                throws CertificateException;

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, authType, null, null);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain, authType, socket, null);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain, authType, null, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the console accepts no clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("the console accepts no clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("the console accepts no clients");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
