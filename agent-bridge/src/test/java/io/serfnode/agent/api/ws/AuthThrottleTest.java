package io.serfnode.agent.api.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AuthThrottleTest {
    private final AtomicLong now = new AtomicLong();
    private final AuthThrottle throttle = new AuthThrottle(Duration.ofMillis(250), Duration.ofSeconds(5),
            Duration.ofMinutes(1), now::get);

    @Test
    void doublesTheWaitWithEveryFailureFromTheSameAddressUpToTheBound() {
        assertThat(throttle.failed("10.0.0.1")).isEqualTo(Duration.ofMillis(250));
        assertThat(throttle.failed("10.0.0.1")).isEqualTo(Duration.ofMillis(500));
        assertThat(throttle.failed("10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        for (int i = 0; i < 100; i++) {
            throttle.failed("10.0.0.1");
        }
        assertThat(throttle.failed("10.0.0.1")).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void countsEachAddressOnItsOwn() {
        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");

        assertThat(throttle.failed("10.0.0.2")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void startsOverForAnAddressThatStayedQuiet() {
        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");
        now.addAndGet(Duration.ofMinutes(2).toNanos());

        assertThat(throttle.failed("10.0.0.1")).isEqualTo(Duration.ofMillis(250));
    }
}
