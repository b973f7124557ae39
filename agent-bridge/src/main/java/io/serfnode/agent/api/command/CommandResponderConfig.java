package io.serfnode.agent.api.command;

import java.time.Duration;

/**
 * How a member answers the commands relayed to it.
 *
 * @param maxWait            the longest it waits for its supervisor, whatever the asker allows
 * @param rememberedRequests how many recent requests it remembers, so that a repeated one is carried out once
 */
public record CommandResponderConfig(Duration maxWait, int rememberedRequests) {

    public CommandResponderConfig {
        CommandServiceConfig.requirePositive(maxWait, "maxWait");
        if (rememberedRequests < 1) {
            throw new IllegalArgumentException("rememberedRequests must be at least 1, was " + rememberedRequests);
        }
    }

    /** Waits at most 60 s, remembers the last 256 requests. */
    public static CommandResponderConfig defaults() {
        return new CommandResponderConfig(Duration.ofSeconds(60), 256);
    }

    public CommandResponderConfig withMaxWait(Duration value) {
        return new CommandResponderConfig(value, rememberedRequests);
    }

    public CommandResponderConfig withRememberedRequests(int value) {
        return new CommandResponderConfig(maxWait, value);
    }
}
