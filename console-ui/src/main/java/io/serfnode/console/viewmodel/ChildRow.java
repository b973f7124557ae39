package io.serfnode.console.viewmodel;

import io.serfnode.model.SupervisorState;

/**
 * One line of the member's children table.
 *
 * @param name     the child's name
 * @param state    its supervisor state (shown as a chip)
 * @param uptime   how long it has been RUNNING, or how long in its current state, in words
 * @param restarts how often it was started again
 * @param exitCode the last exit code, or empty
 * @param summary  what runs: image or command line
 */
public record ChildRow(String name, SupervisorState state, String uptime, int restarts, String exitCode, String summary) {
}
