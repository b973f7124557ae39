package io.serfnode.agent.api.ws;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The PEM files that turn {@code ws://} into {@code wss://}.
 *
 * @param certificateChain the server certificate first, then any intermediates
 * @param privateKey       the certificate's private key, PKCS#8 ({@code PRIVATE KEY}) or PKCS#1
 *                         ({@code RSA PRIVATE KEY}, {@code EC PRIVATE KEY}), unencrypted
 */
public record TlsFiles(Path certificateChain, Path privateKey) {
    public TlsFiles {
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(privateKey, "privateKey");
    }
}
