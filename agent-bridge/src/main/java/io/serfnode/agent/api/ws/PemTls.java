package io.serfnode.agent.api.ws;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * A server {@link SSLContext} from PEM files: the certificate chain, and an unencrypted private key in
 * PKCS#8 or PKCS#1 form. The JDK reads PEM certificates but not PKCS#1 keys; BouncyCastle reads both.
 */
final class PemTls {
    private static final char[] IN_MEMORY = new char[0];

    private PemTls() {
    }

    static SSLContext serverContext(TlsFiles files) throws IOException {
        Certificate[] chain = certificates(files.certificateChain());
        PrivateKey key = privateKey(files.privateKey());
        if (!matches(chain[0], key)) {
            throw new IOException("the private key in " + files.privateKey() + " does not belong to the first"
                    + " certificate in " + files.certificateChain());
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("serfnode-ws", key, IN_MEMORY, chain);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, IN_MEMORY);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException failure) {
            throw new IOException("TLS could not be set up from " + files.certificateChain() + " and "
                    + files.privateKey() + ": " + failure.getMessage(), failure);
        }
    }

    private static Certificate[] certificates(Path file) throws IOException {
        try (InputStream in = open(file, "certificate chain")) {
            Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (chain.isEmpty()) {
                throw new IOException("no PEM certificate (-----BEGIN CERTIFICATE-----) found in " + file);
            }
            return chain.toArray(Certificate[]::new);
        } catch (CertificateException unreadable) {
            throw new IOException("the certificate chain in " + file + " is not readable PEM: "
                    + unreadable.getMessage(), unreadable);
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(exists(file, "private key"));
             PEMParser parser = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof PrivateKeyInfo pkcs8) {
                    return converter.getPrivateKey(pkcs8);
                }
                if (item instanceof PEMKeyPair pkcs1) {
                    return converter.getKeyPair(pkcs1).getPrivate();
                }
            }
        } catch (RuntimeException | IOException unreadable) {
            throw new IOException("the private key in " + file + " is not readable PEM: " + unreadable.getMessage(),
                    unreadable);
        }
        throw new IOException("no unencrypted private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE"
                + " KEY-----) found in " + file);
    }

    /** Signs a probe with the key and checks it with the certificate's public key. */
    private static boolean matches(Certificate certificate, PrivateKey key) throws IOException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return certificate.getPublicKey().getAlgorithm().equals(key.getAlgorithm());
        }
        try {
            byte[] probe = "serfnode".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            signer.initVerify(certificate.getPublicKey());
            signer.update(probe);
            return signer.verify(signature);
        } catch (GeneralSecurityException mismatch) {
            return false;
        }
    }

    private static InputStream open(Path file, String what) throws IOException {
        return Files.newInputStream(exists(file, what));
    }

    private static Path exists(Path file, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "the TLS " + what + " file does not exist");
        }
        return file;
    }
}
