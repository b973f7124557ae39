package io.serfnode.agent.api.command;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a command service waits for the cluster.
 *
 * @param relayTimeout   the serf timeout of one {@code serfnode.cmd} query that relays a command to another
 *                       member
 * @param answerMargin   the part of {@code relayTimeout} kept for the answer's way back: the member that acts
 *                       waits for its supervisor at most {@code relayTimeout - answerMargin}, and a child command
 *                       on this member waits as long, so both answer alike
 * @param relayAttempts  how often a relayed command is sent when nothing at all (not even serf's
 *                       acknowledgement) comes back; serf may lose a query, and the member that acts
 *                       recognises a repeated request and carries it out only once
 * @param queryGrace     beyond a query's own timeout, how long serf may take to report it finished
 * @param defaultQueryWait how long a {@code query} without a timeout of its own (serf picks one that grows with
 *                       the cluster) is awaited before the answers collected so far are returned
 */
public record CommandServiceConfig(
        Duration relayTimeout,
        Duration answerMargin,
        int relayAttempts,
        Duration queryGrace,
        Duration defaultQueryWait,
        Duration spawnJoinTimeout) {

    public CommandServiceConfig {
        requirePositive(relayTimeout, "relayTimeout");
        requirePositive(answerMargin, "answerMargin");
        requirePositive(queryGrace, "queryGrace");
        requirePositive(defaultQueryWait, "defaultQueryWait");
        requirePositive(spawnJoinTimeout, "spawnJoinTimeout");
        if (answerMargin.compareTo(relayTimeout) >= 0) {
            throw new IllegalArgumentException("answerMargin (" + answerMargin.toMillis()
                    + " ms) must be shorter than relayTimeout (" + relayTimeout.toMillis()
                    + " ms): the member that acts needs some of the time");
        }
        if (relayAttempts < 1) {
            throw new IllegalArgumentException("relayAttempts must be at least 1, was " + relayAttempts);
        }
    }

    /** 10 s per relayed command, 2 s of it for the answer's way back, sent up to twice; 60 s to join. */
    public static CommandServiceConfig defaults() {
        return new CommandServiceConfig(Duration.ofSeconds(10), Duration.ofSeconds(2), 2, Duration.ofSeconds(5),
                Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    /** How long the member that acts waits for its supervisor before answering with what it knows. */
    public Duration actionWait() {
        return relayTimeout.minus(answerMargin);
    }

    public CommandServiceConfig withRelayTimeout(Duration value) {
        return new CommandServiceConfig(value, answerMargin, relayAttempts, queryGrace, defaultQueryWait, spawnJoinTimeout);
    }

    public CommandServiceConfig withAnswerMargin(Duration value) {
        return new CommandServiceConfig(relayTimeout, value, relayAttempts, queryGrace, defaultQueryWait, spawnJoinTimeout);
    }

    public CommandServiceConfig withRelayAttempts(int value) {
        return new CommandServiceConfig(relayTimeout, answerMargin, value, queryGrace, defaultQueryWait, spawnJoinTimeout);
    }

    public CommandServiceConfig withQueryGrace(Duration value) {
        return new CommandServiceConfig(relayTimeout, answerMargin, relayAttempts, value, defaultQueryWait, spawnJoinTimeout);
    }

    public CommandServiceConfig withDefaultQueryWait(Duration value) {
        return new CommandServiceConfig(relayTimeout, answerMargin, relayAttempts, queryGrace, value, spawnJoinTimeout);
    }

    public CommandServiceConfig withSpawnJoinTimeout(Duration value) {
        return new CommandServiceConfig(relayTimeout, answerMargin, relayAttempts, queryGrace, defaultQueryWait, value);
    }

    static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
