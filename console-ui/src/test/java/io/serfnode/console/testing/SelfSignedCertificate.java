package io.serfnode.console.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A self-signed certificate and key (PEM, PKCS#8) for test agents' {@code wss://}, made with openssl. */
final class SelfSignedCertificate {
    private SelfSignedCertificate() {
    }

    /** Writes {@code cert.pem} and {@code key.pem} into {@code directory} for these IP addresses; returns the cert. */
    static Path create(Path directory, List<String> ips) throws IOException {
        Files.createDirectories(directory);
        Path cert = directory.resolve("cert.pem");
        Path key = directory.resolve("key.pem");
        String altNames = ips.stream().map(ip -> "IP:" + ip).collect(Collectors.joining(","));
        List<String> command = new ArrayList<>(List.of("openssl", "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                "-subj", "/CN=serfnode-test-agent", "-addext", "subjectAltName=" + altNames,
                "-keyout", key.toString(), "-out", cert.toString()));
        Path output = directory.resolve("openssl.log");
        Process openssl = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!openssl.waitFor(60, TimeUnit.SECONDS)) {
                openssl.destroyForcibly();
                throw new IllegalStateException("openssl did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            openssl.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a certificate", e);
        }
        if (openssl.exitValue() != 0 || !Files.exists(cert) || !Files.exists(key)) {
            throw new IllegalStateException("openssl could not make a test certificate (exit " + openssl.exitValue()
                    + "): " + Files.readString(output, StandardCharsets.UTF_8));
        }
        return cert;
    }
}
