package io.serfnode.agent.api.ws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenCheckTest {
    private final TokenCheck check = new TokenCheck("s3cret-token");

    @Test
    void acceptsOnlyTheExactToken() {
        assertThat(check.matches("s3cret-token")).isTrue();
        assertThat(check.matches("s3cret-tokeN")).isFalse();
        assertThat(check.matches("s3cret-token ")).isFalse();
        assertThat(check.matches("")).isFalse();
        assertThat(check.matches(null)).isFalse();
    }
}
