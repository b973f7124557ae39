package io.serfnode.agent.serf.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Renders a {@link SerfAgentConfig} as the JSON file {@code serf agent -config-file} reads. Serf rejects unknown
 * keys, so only keys the installed binary (0.8.x) accepts are written; optional settings left {@code null} are
 * omitted so serf applies its own defaults.
 */
public final class SerfConfigFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SerfConfigFile() {
    }

    public static ObjectNode toJsonTree(SerfAgentConfig config) {
        ObjectNode root = JSON.createObjectNode();
        root.put("node_name", config.nodeName());
        root.put("bind", config.bind().toString());
        putIfPresent(root, "advertise", config.advertise());
        root.put("rpc_addr", config.rpcAddress().toString());
        putIfPresent(root, "rpc_auth", config.rpcAuthToken());
        ObjectNode tags = root.putObject("tags");
        config.tags().forEach(tags::put);
        putAddresses(root, "start_join", config.startJoin());
        putAddresses(root, "retry_join", config.retryJoin());
        putDuration(root, "retry_interval", config.retryInterval());
        if (config.retryMaxAttempts() > 0) {
            root.put("retry_max_attempts", config.retryMaxAttempts());
        }
        putIfPresent(root, "encrypt_key", config.encryptKey());
        putIfPresent(root, "keyring_file", config.keyringFile());
        root.put("profile", config.profile().configValue());
        root.put("log_level", config.logLevel().configValue());
        root.put("leave_on_terminate", config.leaveOnTerminate());
        root.put("skip_leave_on_interrupt", config.skipLeaveOnInterrupt());
        putDuration(root, "reconnect_interval", config.reconnectInterval());
        putDuration(root, "reconnect_timeout", config.reconnectTimeout());
        putDuration(root, "tombstone_timeout", config.tombstoneTimeout());
        putIfPresent(root, "snapshot_path", config.snapshotPath());
        root.put("rejoin_after_leave", config.rejoinAfterLeave());
        root.put("replay_on_join", config.replayOnJoin());
        return root;
    }

    public static String render(SerfAgentConfig config) {
        try {
            return JSON.writeValueAsString(toJsonTree(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render serf config of node '" + config.nodeName() + "'", e);
        }
    }

    /** Writes the file readable by its owner only: it may hold the gossip key and the RPC token. */
    public static void write(SerfAgentConfig config, Path file) {
        try {
            OwnerOnlyFiles.write(file, render(config).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write serf config of node '" + config.nodeName() + "' to " + file, e);
        }
    }

    /** Go's duration syntax; whole milliseconds keep it exact for every duration we accept. */
    static String goDuration(Duration duration) {
        return duration.toMillis() + "ms";
    }

    private static void putIfPresent(ObjectNode node, String key, Object value) {
        if (value != null) {
            node.put(key, value instanceof Path path ? path.toAbsolutePath().toString() : value.toString());
        }
    }

    private static void putDuration(ObjectNode node, String key, Duration value) {
        if (value != null) {
            node.put(key, goDuration(value));
        }
    }

    private static void putAddresses(ObjectNode node, String key, List<SerfAddress> addresses) {
        if (!addresses.isEmpty()) {
            ArrayNode array = node.putArray(key);
            addresses.forEach(address -> array.add(address.toString()));
        }
    }
}
