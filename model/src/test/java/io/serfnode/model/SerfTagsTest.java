package io.serfnode.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SerfTagsTest {

    @Test
    void readsSpaceSeparatedRolesInOrderWithoutDuplicates() {
        assertThat(SerfTags.parseRoles("  web\tcache  web db ")).containsExactly("web", "cache", "db");
    }

    @Test
    void findsNoRolesWithoutARoleTag() {
        assertThat(SerfTags.roles(Map.of())).isEmpty();
        assertThat(SerfTags.roles(Map.of("role", "   "))).isEmpty();
        assertThat(SerfTags.roles(null)).isEmpty();
    }

    @Test
    void writesRolesAsOneTagValue() {
        assertThat(SerfTags.formatRoles(List.of("web", "cache", "web"))).isEqualTo("web cache");
    }

    @Test
    void refusesARoleWithSpaces() {
        assertThatThrownBy(() -> SerfTags.formatRoles(List.of("web server")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("role: a role must be one non-blank word, found 'web server'");
    }

    @Test
    void findsTheWebSocketAddressOnlyWhenAdvertised() {
        assertThat(SerfTags.wsAddress(Map.of("ws", "127.0.0.5:7800"))).contains("127.0.0.5:7800");
        assertThat(SerfTags.wsAddress(Map.of())).isEmpty();
        assertThat(SerfTags.wsAddress(Map.of("ws", ""))).isEmpty();
    }
}
