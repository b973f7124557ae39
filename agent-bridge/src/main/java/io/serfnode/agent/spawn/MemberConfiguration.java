package io.serfnode.agent.spawn;

import io.serfnode.agent.config.ConfigException;
import io.serfnode.agent.config.SerfnodeConfig;
import io.serfnode.agent.config.SerfnodeConfigLoader;
import java.util.Map;
import java.util.Objects;

/**
 * A member's configuration as a new member gets it: the text of a {@code serfnode.yml} (its children, its
 * defaults, its roles), empty for a member started without one.
 *
 * @param text   the {@code serfnode.yml} text, or empty
 * @param source where it came from, named in errors
 */
public record MemberConfiguration(String text, String source) {
    /** Far beyond any real serfnode.yml, and few enough {@code serfnode.config} pages to fetch in a moment. */
    public static final int MAX_BYTES = 64 * 1024;

    public MemberConfiguration {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        int bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("the configuration from " + source + " has " + bytes
                    + " bytes, more than the " + MAX_BYTES + " a member passes on to the members it spawns");
        }
    }

    /** A member that was started without a {@code serfnode.yml}. */
    public static MemberConfiguration none(String source) {
        return new MemberConfiguration("", source);
    }

    public boolean isEmpty() {
        return text.isBlank();
    }

    /**
     * Reads the configuration as a new member will, without the environment (a spawned member does not inherit
     * the spawner's {@code ROLE}, {@code PEER} …).
     *
     * @throws ConfigException naming the source, line and column of each problem
     */
    public SerfnodeConfig read() throws ConfigException {
        return isEmpty() ? SerfnodeConfig.DEFAULTS : SerfnodeConfigLoader.load(text, source, Map.of());
    }
}
