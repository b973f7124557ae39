package io.serfnode.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberTest {

    @Test
    void takesItsRolesFromTheRoleTag() {
        Member member = new Member("web-1", "127.0.0.2", 7946, Map.of("role", "web cache"), MemberStatus.ALIVE);

        assertThat(member.roles()).containsExactly("web", "cache");
        assertThat(member.hasRole("cache")).isTrue();
        assertThat(member.withTags(Map.of("role", "db")).roles()).containsExactly("db");
    }

    @Test
    void worksAsAPlainSerfMemberWithoutTags() {
        Member plain = new Member("plain", "127.0.0.3", 7946, null, MemberStatus.ALIVE);

        assertThat(plain.tags()).isEmpty();
        assertThat(plain.roles()).isEmpty();
        assertThat(plain.wsAddress()).isEmpty();
    }

    @Test
    void keepsACopyOfItsTags() {
        Map<String, String> tags = new HashMap<>(Map.of("role", "web"));
        Member member = new Member("web-1", "127.0.0.2", 7946, tags, MemberStatus.ALIVE);
        tags.put("role", "db");

        assertThat(member.roles()).containsExactly("web");
    }

    @Test
    void namesTheFieldThatIsWrong() {
        assertThatThrownBy(() -> new Member(" ", "127.0.0.2", 7946, Map.of(), MemberStatus.ALIVE))
                .hasMessage("name: must not be blank");
        assertThatThrownBy(() -> new Member("a", "127.0.0.2", 70000, Map.of(), MemberStatus.ALIVE))
                .hasMessage("port: must be between 0 and 65535, found 70000");
        assertThatThrownBy(() -> new Member("a", "127.0.0.2", 1, Map.of(), null))
                .hasMessage("status: is required but missing or null");
    }
}
