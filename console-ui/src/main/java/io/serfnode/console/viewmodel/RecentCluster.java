package io.serfnode.console.viewmodel;

/**
 * A cluster connected to before.
 *
 * @param url       the agent URL
 * @param token     the token typed, or empty when a token file was used (or nothing was kept)
 * @param tokenFile the token file, or empty
 * @param trust     how its certificate was trusted
 * @param pemFile   the PEM file for {@link TrustChoice#PEM}, or empty
 */
public record RecentCluster(String url, String token, String tokenFile, TrustChoice trust, String pemFile) {

    public RecentCluster {
        token = token == null ? "" : token;
        tokenFile = tokenFile == null ? "" : tokenFile;
        trust = trust == null ? TrustChoice.SYSTEM : trust;
        pemFile = pemFile == null ? "" : pemFile;
    }

    @Override
    public String toString() {
        // shown in lists; never the token
        return url;
    }
}
