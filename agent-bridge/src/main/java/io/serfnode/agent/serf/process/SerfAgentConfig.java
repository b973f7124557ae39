package io.serfnode.agent.serf.process;

import io.serfnode.agent.serf.rpc.SerfLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything one {@code serf agent} needs, validated when built. {@code null} in an optional component means
 * "serf's own default". Event handlers are deliberately absent: serfnode reads events over RPC.
 *
 * <p>Start from a preset ({@link #local}, {@link #lan}) and adjust with the {@code withX} copies.
 *
 * @param nodeName             unique member name in the cluster
 * @param bind                 gossip address (serf binds TCP and UDP on it)
 * @param advertise            address announced to others, or {@code null} for the bind address
 * @param rpcAddress           RPC listener
 * @param rpcAuthToken         token RPC clients must present, or {@code null} for none
 * @param tags                 member tags; encoded they must stay within serf's limit ({@link SerfLimits#encodedTagsSize})
 * @param startJoin            members to join at start; serf exits if none answers
 * @param retryJoin            members to join at start, retried every {@code retryInterval}
 * @param retryInterval        pause between retry joins, or {@code null} (serf: 30 s)
 * @param retryMaxAttempts     retry-join attempts before serf exits; 0 retries forever
 * @param encryptKey           base64 gossip key of 16, 24 or 32 bytes, or {@code null}
 * @param keyringFile          serf keyring file (JSON list of keys), or {@code null}; excludes {@code encryptKey}
 * @param profile              gossip timing profile
 * @param logLevel             serf's log level
 * @param leaveOnTerminate     SIGTERM makes serf leave the cluster gracefully
 * @param skipLeaveOnInterrupt SIGINT makes serf exit without leaving
 * @param reconnectInterval    how often serf retries failed members, or {@code null} (serf: 30 s)
 * @param reconnectTimeout     how long a failed member is retried before it is reaped, or {@code null} (serf: 24 h)
 * @param tombstoneTimeout     how long a left member is remembered, or {@code null} (serf: 24 h)
 * @param snapshotPath         file where serf keeps its membership snapshot, or {@code null} for none
 * @param rejoinAfterLeave     rejoin from the snapshot even after a graceful leave (needs {@code snapshotPath})
 * @param replayOnJoin         replay past user events when joining through {@code startJoin}
 */
public record SerfAgentConfig(
        String nodeName,
        SerfAddress bind,
        SerfAddress advertise,
        SerfAddress rpcAddress,
        String rpcAuthToken,
        Map<String, String> tags,
        List<SerfAddress> startJoin,
        List<SerfAddress> retryJoin,
        Duration retryInterval,
        int retryMaxAttempts,
        String encryptKey,
        Path keyringFile,
        SerfProfile profile,
        SerfLogLevel logLevel,
        boolean leaveOnTerminate,
        boolean skipLeaveOnInterrupt,
        Duration reconnectInterval,
        Duration reconnectTimeout,
        Duration tombstoneTimeout,
        Path snapshotPath,
        boolean rejoinAfterLeave,
        boolean replayOnJoin) {

    public SerfAgentConfig {
        if (nodeName == null || nodeName.isBlank()) {
            throw new IllegalArgumentException("serf agent config: nodeName is missing");
        }
        if (nodeName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("serf agent config: nodeName '" + nodeName.strip() + "' contains control characters");
        }
        String where = "serf agent config of node '" + nodeName + "'";
        require(bind, where, "bind");
        require(rpcAddress, where, "rpcAddress");
        require(profile, where, "profile");
        require(logLevel, where, "logLevel");
        if (rpcAuthToken != null && rpcAuthToken.isBlank()) {
            throw new IllegalArgumentException(where + ": rpcAuthToken is blank; use null for no token");
        }
        tags = copyTags(tags, where);
        startJoin = copyAddresses(startJoin, where, "startJoin");
        retryJoin = copyAddresses(retryJoin, where, "retryJoin");
        requirePositive(retryInterval, where, "retryInterval");
        if (retryMaxAttempts < 0) {
            throw new IllegalArgumentException(where + ": retryMaxAttempts is " + retryMaxAttempts + "; use 0 to retry forever");
        }
        if (encryptKey != null) {
            SerfEncryptionKeys.requireValid(encryptKey, where + ", encryptKey");
            encryptKey = encryptKey.strip();
        }
        if (encryptKey != null && keyringFile != null) {
            throw new IllegalArgumentException(where + ": set either encryptKey or keyringFile, not both"
                    + " (serf refuses: \"Encryption key not allowed while using a keyring\")");
        }
        requirePositive(reconnectInterval, where, "reconnectInterval");
        requirePositive(reconnectTimeout, where, "reconnectTimeout");
        requirePositive(tombstoneTimeout, where, "tombstoneTimeout");
        if (rejoinAfterLeave && snapshotPath == null) {
            throw new IllegalArgumentException(where + ": rejoinAfterLeave has no effect without snapshotPath");
        }
    }

    /**
     * A member on this machine: gossip and RPC on the same IP, the fast-detecting {@link SerfProfile#LOCAL} profile,
     * and a graceful leave on SIGTERM.
     */
    public static SerfAgentConfig local(String nodeName, String bindIp, int gossipPort, int rpcPort) {
        return lan(nodeName, SerfAddress.of(bindIp, gossipPort), SerfAddress.of(bindIp, rpcPort))
                .withProfile(SerfProfile.LOCAL);
    }

    /** A member of a LAN cluster that leaves gracefully on SIGTERM. */
    public static SerfAgentConfig lan(String nodeName, SerfAddress bind, SerfAddress rpcAddress) {
        return new SerfAgentConfig(nodeName, bind, null, rpcAddress, null, Map.of(), List.of(), List.of(), null, 0,
                null, null, SerfProfile.LAN, SerfLogLevel.INFO, true, false, null, null, null, null, false, false);
    }

    public boolean encrypted() {
        return encryptKey != null || keyringFile != null;
    }

    public SerfAgentConfig withNodeName(String value) {
        return with(d -> d.nodeName = value);
    }

    public SerfAgentConfig withBind(SerfAddress value) {
        return with(d -> d.bind = value);
    }

    public SerfAgentConfig withAdvertise(SerfAddress value) {
        return with(d -> d.advertise = value);
    }

    public SerfAgentConfig withRpcAddress(SerfAddress value) {
        return with(d -> d.rpcAddress = value);
    }

    public SerfAgentConfig withRpcAuthToken(String value) {
        return with(d -> d.rpcAuthToken = value);
    }

    public SerfAgentConfig withTags(Map<String, String> value) {
        return with(d -> d.tags = value);
    }

    /** Adds or replaces one tag. */
    public SerfAgentConfig withTag(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(tags);
        copy.put(key, value);
        return withTags(copy);
    }

    public SerfAgentConfig withStartJoin(List<SerfAddress> value) {
        return with(d -> d.startJoin = value);
    }

    public SerfAgentConfig withRetryJoin(List<SerfAddress> value) {
        return with(d -> d.retryJoin = value);
    }

    public SerfAgentConfig withRetryInterval(Duration value) {
        return with(d -> d.retryInterval = value);
    }

    public SerfAgentConfig withRetryMaxAttempts(int value) {
        return with(d -> d.retryMaxAttempts = value);
    }

    /** Sets the gossip key and clears any keyring file (serf takes only one of them). */
    public SerfAgentConfig withEncryptKey(String value) {
        return with(d -> {
            d.encryptKey = value;
            d.keyringFile = null;
        });
    }

    /** Sets the keyring file and clears any gossip key (serf takes only one of them). */
    public SerfAgentConfig withKeyringFile(Path value) {
        return with(d -> {
            d.keyringFile = value;
            d.encryptKey = null;
        });
    }

    public SerfAgentConfig withProfile(SerfProfile value) {
        return with(d -> d.profile = value);
    }

    public SerfAgentConfig withLogLevel(SerfLogLevel value) {
        return with(d -> d.logLevel = value);
    }

    public SerfAgentConfig withLeaveOnTerminate(boolean value) {
        return with(d -> d.leaveOnTerminate = value);
    }

    public SerfAgentConfig withSkipLeaveOnInterrupt(boolean value) {
        return with(d -> d.skipLeaveOnInterrupt = value);
    }

    public SerfAgentConfig withReconnectInterval(Duration value) {
        return with(d -> d.reconnectInterval = value);
    }

    public SerfAgentConfig withReconnectTimeout(Duration value) {
        return with(d -> d.reconnectTimeout = value);
    }

    public SerfAgentConfig withTombstoneTimeout(Duration value) {
        return with(d -> d.tombstoneTimeout = value);
    }

    public SerfAgentConfig withSnapshotPath(Path value) {
        return with(d -> d.snapshotPath = value);
    }

    public SerfAgentConfig withRejoinAfterLeave(boolean value) {
        return with(d -> d.rejoinAfterLeave = value);
    }

    public SerfAgentConfig withReplayOnJoin(boolean value) {
        return with(d -> d.replayOnJoin = value);
    }

    /** Keeps the secrets (encryption key, RPC token) out of logs and error messages. */
    @Override
    public String toString() {
        return "SerfAgentConfig[nodeName=" + nodeName + ", bind=" + bind + ", advertise=" + advertise
                + ", rpcAddress=" + rpcAddress + ", rpcAuthToken=" + (rpcAuthToken == null ? "none" : "***")
                + ", tags=" + tags + ", startJoin=" + startJoin + ", retryJoin=" + retryJoin
                + ", retryInterval=" + retryInterval + ", retryMaxAttempts=" + retryMaxAttempts
                + ", encryptKey=" + (encryptKey == null ? "none" : "***") + ", keyringFile=" + keyringFile
                + ", profile=" + profile + ", logLevel=" + logLevel + ", leaveOnTerminate=" + leaveOnTerminate
                + ", skipLeaveOnInterrupt=" + skipLeaveOnInterrupt + ", reconnectInterval=" + reconnectInterval
                + ", reconnectTimeout=" + reconnectTimeout + ", tombstoneTimeout=" + tombstoneTimeout
                + ", snapshotPath=" + snapshotPath + ", rejoinAfterLeave=" + rejoinAfterLeave
                + ", replayOnJoin=" + replayOnJoin + "]";
    }

    private SerfAgentConfig with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.toConfig();
    }

    private static void require(Object value, String where, String name) {
        if (value == null) {
            throw new IllegalArgumentException(where + ": " + name + " is missing");
        }
    }

    private static void requirePositive(Duration value, String where, String name) {
        if (value != null && value.toMillis() < 1) {
            throw new IllegalArgumentException(where + ": " + name + " is " + value + "; it must be at least 1 ms");
        }
    }

    private static Map<String, String> copyTags(Map<String, String> tags, String where) {
        if (tags == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        String largest = null;
        int largestBytes = -1;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException(where + ": a tag has an empty key");
            }
            if (tag.getValue() == null) {
                throw new IllegalArgumentException(where + ": tag '" + key + "' has no value (use \"\" for an empty one)");
            }
            copy.put(key, tag.getValue());
            int bytes = SerfLimits.encodedTagSize(key, tag.getValue());
            if (bytes > largestBytes) {
                largest = key;
                largestBytes = bytes;
            }
        }
        int total = SerfLimits.encodedTagsSize(copy);
        if (total > SerfLimits.DEFAULTS.tagsSizeLimit()) {
            throw new IllegalArgumentException(where + ": tags encode to " + total + " bytes but serf allows at most "
                    + SerfLimits.DEFAULTS.tagsSizeLimit() + "; the largest is '" + largest + "' (" + largestBytes + " bytes)");
        }
        return Collections.unmodifiableMap(copy);
    }

    private static List<SerfAddress> copyAddresses(List<SerfAddress> addresses, String where, String name) {
        if (addresses == null) {
            return List.of();
        }
        for (int i = 0; i < addresses.size(); i++) {
            if (addresses.get(i) == null) {
                throw new IllegalArgumentException(where + ": " + name + "[" + i + "] is null");
            }
        }
        return List.copyOf(addresses);
    }

    /** The mutable stand-in behind the {@code withX} copies, so each copy names only what it changes. */
    private static final class Draft {
        String nodeName;
        SerfAddress bind;
        SerfAddress advertise;
        SerfAddress rpcAddress;
        String rpcAuthToken;
        Map<String, String> tags;
        List<SerfAddress> startJoin;
        List<SerfAddress> retryJoin;
        Duration retryInterval;
        int retryMaxAttempts;
        String encryptKey;
        Path keyringFile;
        SerfProfile profile;
        SerfLogLevel logLevel;
        boolean leaveOnTerminate;
        boolean skipLeaveOnInterrupt;
        Duration reconnectInterval;
        Duration reconnectTimeout;
        Duration tombstoneTimeout;
        Path snapshotPath;
        boolean rejoinAfterLeave;
        boolean replayOnJoin;

        Draft(SerfAgentConfig c) {
            nodeName = c.nodeName;
            bind = c.bind;
            advertise = c.advertise;
            rpcAddress = c.rpcAddress;
            rpcAuthToken = c.rpcAuthToken;
            tags = c.tags;
            startJoin = c.startJoin;
            retryJoin = c.retryJoin;
            retryInterval = c.retryInterval;
            retryMaxAttempts = c.retryMaxAttempts;
            encryptKey = c.encryptKey;
            keyringFile = c.keyringFile;
            profile = c.profile;
            logLevel = c.logLevel;
            leaveOnTerminate = c.leaveOnTerminate;
            skipLeaveOnInterrupt = c.skipLeaveOnInterrupt;
            reconnectInterval = c.reconnectInterval;
            reconnectTimeout = c.reconnectTimeout;
            tombstoneTimeout = c.tombstoneTimeout;
            snapshotPath = c.snapshotPath;
            rejoinAfterLeave = c.rejoinAfterLeave;
            replayOnJoin = c.replayOnJoin;
        }

        SerfAgentConfig toConfig() {
            return new SerfAgentConfig(nodeName, bind, advertise, rpcAddress, rpcAuthToken, tags, startJoin, retryJoin,
                    retryInterval, retryMaxAttempts, encryptKey, keyringFile, profile, logLevel, leaveOnTerminate,
                    skipLeaveOnInterrupt, reconnectInterval, reconnectTimeout, tombstoneTimeout, snapshotPath,
                    rejoinAfterLeave, replayOnJoin);
        }
    }
}
