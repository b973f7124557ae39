package io.serfnode.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;

/**
 * Where a child stands now.
 *
 * @param state       the supervisor state
 * @param since       when the child entered {@code state}
 * @param pid         the process id, while a process child has a process
 * @param containerId the container id of a docker child, once it has one
 * @param exitCode    the exit code of the last exit, once the child has exited
 * @param attempt     the current start attempt, 1-based, reset when the child reaches RUNNING; 0 before
 *                    the first start
 * @param restarts    how often the supervisor has started the child again after it stopped or exited
 * @param counter     the member's transition counter at the child's last transition (0 before any)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"state", "since", "pid", "containerId", "exitCode", "attempt", "restarts", "counter"})
public record ChildStatus(
        @JsonProperty(value = "state", required = true) SupervisorState state,
        @JsonProperty(value = "since", required = true) Instant since,
        @JsonProperty("pid") Long pid,
        @JsonProperty("containerId") String containerId,
        @JsonProperty("exitCode") Integer exitCode,
        @JsonProperty("attempt") int attempt,
        @JsonProperty("restarts") int restarts,
        @JsonSetter(nulls = Nulls.FAIL)
        @JsonProperty(value = "counter", required = true) long counter) {

    public ChildStatus {
        Require.present(state, "state");
        Require.present(since, "since");
        Require.notNegative(attempt, "attempt");
        Require.notNegative(restarts, "restarts");
        Require.notNegative(counter, "counter");
        if (pid != null && pid <= 0) {
            throw new InvalidValueException("pid", "must be positive, found " + pid);
        }
    }

    /** A child that has never been started. */
    public static ChildStatus neverStarted(Instant since) {
        return new ChildStatus(SupervisorState.STOPPED, since, null, null, null, 0, 0, 0);
    }

    public ChildStatus withState(SupervisorState newState, Instant newSince, long newCounter) {
        return new ChildStatus(newState, newSince, pid, containerId, exitCode, attempt, restarts, newCounter);
    }

    public ChildStatus withPid(Long newPid) {
        return new ChildStatus(state, since, newPid, containerId, exitCode, attempt, restarts, counter);
    }

    public ChildStatus withContainerId(String newContainerId) {
        return new ChildStatus(state, since, pid, newContainerId, exitCode, attempt, restarts, counter);
    }

    public ChildStatus withExitCode(Integer newExitCode) {
        return new ChildStatus(state, since, pid, containerId, newExitCode, attempt, restarts, counter);
    }

    public ChildStatus withAttempt(int newAttempt) {
        return new ChildStatus(state, since, pid, containerId, exitCode, newAttempt, restarts, counter);
    }

    public ChildStatus withRestarts(int newRestarts) {
        return new ChildStatus(state, since, pid, containerId, exitCode, attempt, newRestarts, counter);
    }
}
