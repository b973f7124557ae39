package io.serfnode.agent.devif;

/**
 * Decides whether serf would accept a user event, typically its size: pass
 * {@code SerfLimits.DEFAULTS::checkUserEvent}. A refusal is any runtime exception, whose message says why.
 */
@FunctionalInterface
public interface UserEventCheck {
    /** Accepts everything; serf itself still refuses what is too large. */
    UserEventCheck PERMISSIVE = (name, payload) -> {
    };

    /** Returns normally when the event may be sent; throws a runtime exception saying why not. */
    void check(String name, byte[] payload);
}
