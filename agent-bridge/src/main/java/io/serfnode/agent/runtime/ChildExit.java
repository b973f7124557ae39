package io.serfnode.agent.runtime;

import java.time.Instant;

/**
 * How an instance ended.
 *
 * @param exitCode the exit status; for a signal, 128 + the signal number, as shells report it
 * @param at       when the runtime saw it end
 */
public record ChildExit(int exitCode, Instant at) {
}
