package io.serfnode.bench.propagation;

import io.serfnode.agent.serf.process.SerfProfile;
import java.time.Duration;

/**
 * Serf's convergence model (the formula behind its convergence simulator): after {@code r} gossip rounds the
 * fraction of {@code n} members holding a message is {@code 1 / (1 + (n + 1) e^(-(fanout / 2) r))}.
 *
 * @param gossipInterval one round
 * @param fanout         members each member gossips to per round
 */
public record GossipModel(Duration gossipInterval, int fanout) {

    public GossipModel {
        if (gossipInterval == null || gossipInterval.isZero() || gossipInterval.isNegative()) {
            throw new IllegalArgumentException("gossip model: gossipInterval must be positive, was " + gossipInterval);
        }
        if (fanout < 1) {
            throw new IllegalArgumentException("gossip model: fanout must be at least 1, was " + fanout);
        }
    }

    /**
     * memberlist's defaults for the profile that serf's agent selects ({@code DefaultLANConfig},
     * {@code DefaultLocalConfig}, {@code DefaultWANConfig}): the local profile gossips twice as often as the LAN one,
     * both to 3 members.
     */
    public static GossipModel of(SerfProfile profile) {
        return switch (profile) {
            case LAN -> new GossipModel(Duration.ofMillis(200), 3);
            case LOCAL -> new GossipModel(Duration.ofMillis(100), 3);
            case WAN -> new GossipModel(Duration.ofMillis(500), 4);
        };
    }

    public double fractionAfterRounds(int members, double rounds) {
        if (members < 1) {
            throw new IllegalArgumentException("gossip model: members must be at least 1, was " + members);
        }
        return 1.0 / (1.0 + (members + 1) * Math.exp(-(fanout / 2.0) * rounds));
    }

    public double fractionAfter(int members, double millis) {
        return fractionAfterRounds(members, millis / gossipInterval.toMillis());
    }

    /** The time at which the model reaches {@code fraction} of {@code members}, in milliseconds. */
    public double millisToReach(int members, double fraction) {
        if (fraction <= 0 || fraction >= 1) {
            throw new IllegalArgumentException("gossip model: fraction must be in (0, 1), was " + fraction);
        }
        double rounds = -Math.log((1 / fraction - 1) / (members + 1)) / (fanout / 2.0);
        return Math.max(0, rounds) * gossipInterval.toMillis();
    }
}
