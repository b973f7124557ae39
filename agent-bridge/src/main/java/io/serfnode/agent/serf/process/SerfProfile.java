package io.serfnode.agent.serf.process;

import java.util.Locale;

/** Serf's gossip timing profiles; {@link #LOCAL} detects failures fastest and suits one machine or loopback. */
public enum SerfProfile {
    LAN,
    WAN,
    LOCAL;

    /** The value serf's {@code profile} key takes. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
