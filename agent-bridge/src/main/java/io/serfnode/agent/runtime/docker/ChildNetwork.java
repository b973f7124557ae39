package io.serfnode.agent.runtime.docker;

import java.util.Objects;

/** Which network children join. */
public sealed interface ChildNetwork {

    /**
     * The member's own network namespace: {@code host} for an agent running on the host,
     * {@code container:<agent>} for an agent that runs in a container. Children then reach each other,
     * and are reached, exactly like the member itself.
     */
    static ChildNetwork member() {
        return MemberNamespace.INSTANCE;
    }

    /** A Docker network mode or network by name ({@code bridge}, {@code none}, a user-defined network). */
    static ChildNetwork named(String network) {
        return new Named(network);
    }

    /** The network mode handed to the engine. */
    String dockerMode(String agentContainer);

    /** Shares the member's network namespace. */
    record MemberNamespace() implements ChildNetwork {
        static final MemberNamespace INSTANCE = new MemberNamespace();

        @Override
        public String dockerMode(String agentContainer) {
            return agentContainer == null ? "host" : "container:" + agentContainer;
        }
    }

    /** A network chosen by name. */
    record Named(String network) implements ChildNetwork {
        public Named {
            Objects.requireNonNull(network, "network");
            if (network.isBlank()) {
                throw new IllegalArgumentException("docker network name must not be blank");
            }
        }

        @Override
        public String dockerMode(String agentContainer) {
            return network;
        }
    }
}
