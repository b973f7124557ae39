package io.serfnode.console.connection;

import java.security.cert.CertificateException;

/** The agent's certificate is not trusted under the session's trust settings; retrying will not help. */
public final class UntrustedCertificateException extends CertificateException {
    public UntrustedCertificateException(String message) {
        super(message);
    }

    public UntrustedCertificateException(String message, Throwable cause) {
        super(message, cause);
    }
}
