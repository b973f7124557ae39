package io.serfnode.agent.serf.rpc;

import java.util.List;

/** A node's network coordinate (Vivaldi), as cached by the agent. */
public record Coordinate(List<Double> vec, double error, double adjustment, double height) {
    public Coordinate {
        vec = vec == null ? List.of() : List.copyOf(vec);
    }
}
