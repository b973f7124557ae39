package io.serfnode.console.state;

import io.serfnode.model.SupervisorState;
import java.time.Instant;

/**
 * One point of a child's timeline: the state it entered and when.
 *
 * @param time     when the child entered {@code state}
 * @param state    the state entered
 * @param exitCode the exit code when the transition was caused by an exit, else null
 */
public record StateMark(Instant time, SupervisorState state, Integer exitCode) {
}
