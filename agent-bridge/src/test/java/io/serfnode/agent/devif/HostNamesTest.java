package io.serfnode.agent.devif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostNamesTest {

    @Test
    void acceptsDottedLabelsOfLettersDigitsHyphensAndUnderscores() {
        assertThat(HostNames.isValid("web")).isTrue();
        assertThat(HostNames.isValid("db-1.cluster.local")).isTrue();
        assertThat(HostNames.isValid("no_role")).isTrue();
        assertThat(HostNames.isValid("4f1c9a")).isTrue();
    }

    @Test
    void rejectsWhatWouldBreakAHostsLine() {
        assertThat(HostNames.isValid("two words")).isFalse();
        assertThat(HostNames.isValid("#comment")).isFalse();
        assertThat(HostNames.isValid("-leading")).isFalse();
        assertThat(HostNames.isValid("a..b")).isFalse();
        assertThat(HostNames.isValid("trailing.")).isFalse();
        assertThat(HostNames.isValid("")).isFalse();
        assertThat(HostNames.isValid("x".repeat(64))).isFalse();
    }
}
