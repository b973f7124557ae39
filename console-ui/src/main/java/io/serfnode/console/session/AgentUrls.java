package io.serfnode.console.session;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Reads the agent address an operator typed. Accepts the full endpoint or just {@code ws://host:port}
 * (the API path is added), and says plainly what is wrong otherwise.
 */
public final class AgentUrls {
    /** The API's only endpoint path. */
    public static final String ENDPOINT_PATH = "/v1/cluster";

    private AgentUrls() {
    }

    /** The endpoint for {@code text}; throws {@link IllegalArgumentException} naming what is wrong. */
    public static URI parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("agent URL: missing (for example ws://127.0.0.1:7070/v1/cluster)");
        }
        String trimmed = text.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("agent URL '" + trimmed + "': " + e.getReason()
                    + " at character " + (e.getIndex() + 1));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException("agent URL '" + trimmed + "': must start with ws:// or wss://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("agent URL '" + trimmed + "': no host");
        }
        if (uri.getPort() < 1) {
            throw new IllegalArgumentException("agent URL '" + trimmed + "': no port (the agent's --ws port)");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.isEmpty() || path.equals("/")) {
            return URI.create(scheme + "://" + uri.getRawAuthority() + ENDPOINT_PATH);
        }
        if (!path.equals(ENDPOINT_PATH)) {
            throw new IllegalArgumentException("agent URL '" + trimmed + "': the path must be " + ENDPOINT_PATH
                    + ", found " + path);
        }
        return uri;
    }

    /** The {@code host:port} of the typed URL, as trust on first use remembers agents. */
    public static String hostPort(String url) {
        URI endpoint = parse(url);
        return endpoint.getHost() + ":" + endpoint.getPort();
    }

    /** Settings for the typed URL with default reconnect pacing. */
    public static ConnectionSettings settings(String url, String token, TrustSettings trust) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token: missing (type it, or choose the cluster's token file)");
        }
        return ConnectionSettings.to(parse(url), token.strip()).withTrust(trust);
    }

    /** The endpoint as text, for showing and remembering. */
    public static String display(ConnectionSettings settings) {
        return settings.agent().toString();
    }

    /** The endpoint a status names, as text; empty when it names none. */
    public static String endpointText(ConnectionStatus status) {
        return status.endpoint() == null ? "" : status.endpoint().toString();
    }
}
