package io.serfnode.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChildTest {

    @Test
    void summarisesDockerChildrenByImageAndProcessesByCommandLine() {
        assertThat(Child.docker("web", "nginx:1.27").summary()).isEqualTo("nginx:1.27");
        assertThat(new Child("web", RuntimeKind.DOCKER, "nginx:1.27", "nginx -g 'daemon off;'").summary())
                .isEqualTo("nginx:1.27 nginx -g 'daemon off;'");
        assertThat(Child.process("worker", "/usr/bin/worker --fast").summary()).isEqualTo("/usr/bin/worker --fast");
    }

    @Test
    void needsAnImageForDockerAndACommandForProcesses() {
        assertThatThrownBy(() -> new Child("web", RuntimeKind.DOCKER, null, "run")).hasMessage(
                "image: is required but missing or null");
        assertThatThrownBy(() -> new Child("w", RuntimeKind.PROCESS, null, " ")).hasMessage(
                "exec: must not be blank");
        assertThatThrownBy(() -> new Child("w", RuntimeKind.PROCESS, "img", "run")).hasMessage(
                "image: only docker children have an image");
    }

    @Test
    void startsStoppedWithoutAttemptsOrCounter() {
        Instant now = Instant.parse("2025-01-31T12:00:00Z");

        ChildStatus status = ChildStatus.neverStarted(now);

        assertThat(status.state()).isEqualTo(SupervisorState.STOPPED);
        assertThat(status.since()).isEqualTo(now);
        assertThat(status.attempt()).isZero();
        assertThat(status.counter()).isZero();
        assertThat(status.withState(SupervisorState.STARTING, now, 1).withAttempt(1).withPid(42L))
                .isEqualTo(new ChildStatus(SupervisorState.STARTING, now, 42L, null, null, 1, 0, 1));
    }

    @Test
    void refusesImpossibleStatusNumbers() {
        Instant now = Instant.parse("2025-01-31T12:00:00Z");

        assertThatThrownBy(() -> new ChildStatus(SupervisorState.RUNNING, now, 0L, null, null, 1, 0, 1))
                .hasMessage("pid: must be positive, found 0");
        assertThatThrownBy(() -> new ChildStatus(SupervisorState.RUNNING, now, null, null, null, -1, 0, 1))
                .hasMessage("attempt: must not be negative, found -1");
    }
}
