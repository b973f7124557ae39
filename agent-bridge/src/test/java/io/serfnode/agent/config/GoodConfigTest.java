package io.serfnode.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.agent.child.AutoRestart;
import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.child.SupervisionPolicy;
import io.serfnode.model.RuntimeKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GoodConfigTest {
    private static final Path GOOD = Path.of("src/test/resources/config/good");

    @Test
    void readsTheOriginalSerfnodeFileUnchanged() throws ConfigException {
        SerfnodeConfig config = SerfnodeConfigLoader.load(GOOD.resolve("original-serfnode.yml"), Map.of());

        assertThat(config.roles()).containsExactly("foo");
        assertThat(config.join()).isEmpty();
        assertThat(config.serfPort()).isEqualTo(7946);
        assertThat(config.children()).extracting(ChildSpec::name).containsExactly("my_container", "other");
        ChildSpec first = config.children().getFirst();
        assertThat(first.runtime()).isEqualTo(RuntimeKind.DOCKER);
        assertThat(first.image()).isEqualTo("ubuntu");
        assertThat(first.command()).containsExactly("sleep", "infinity");
        assertThat(first.environment()).containsExactly(Map.entry("MY_VAR", "1"));
        assertThat(first.workingDir()).isEqualTo(Path.of("/tmp"));
        assertThat(first.privileged()).isFalse();
        assertThat(first.ports()).containsExactly("8000:8000");
        assertThat(first.supervision()).isEqualTo(SupervisionPolicy.DEFAULTS);
    }

    @Test
    void readsEveryKeyOfTheSchema() throws ConfigException {
        SerfnodeConfig config = SerfnodeConfigLoader.load(GOOD.resolve("every-key.yml"), Map.of());

        assertThat(config.roles()).containsExactly("web", "api");
        assertThat(config.join()).containsExactly(
                "127.0.0.1:7946", "127.0.0.2", "[::1]:7950", "seed.cluster.internal:7946");
        assertThat(config.serfIp()).isEqualTo("127.0.0.10");
        assertThat(config.serfPort()).isEqualTo(7960);
        assertThat(config.serviceIp()).isEqualTo("127.0.0.11");
        assertThat(config.servicePort()).isEqualTo(8080);
        assertThat(config.nodeName()).isEqualTo("web-1");
        assertThat(config.children()).extracting(ChildSpec::name).containsExactly("data", "web.v2", "script");

        ChildSpec data = config.child("data").orElseThrow();
        assertThat(data.entrypoint()).containsExactly("/bin/sh", "-c");
        assertThat(data.command()).containsExactly("sleep 3600");
        assertThat(data.volumes()).containsExactly("/data", "/var/log:/logs:ro");
        assertThat(data.volumesFrom()).as("the volumes_from default never names the child itself").isEmpty();
        assertThat(data.ports()).containsExactly("127.0.0.1::9100");
        assertThat(data.expose()).containsExactly("9200/udp");
        assertThat(data.workingDir()).isEqualTo(Path.of("/srv"));
        assertThat(data.user()).isEqualTo("1000");
        assertThat(data.supervision()).isEqualTo(new SupervisionPolicy(AutoRestart.FALSE, Set.of(3),
                Duration.ofSeconds(5), 0, "QUIT", Duration.ZERO));

        ChildSpec web = config.child("web.v2").orElseThrow();
        assertThat(web.image()).isEqualTo("registry.local:5000/web@sha256:abc");
        assertThat(web.command()).containsExactly("nginx", "-g", "daemon off;");
        assertThat(web.links()).containsExactly("data:storage");
        assertThat(web.volumesFrom()).containsExactly("data");
        assertThat(web.ports()).containsExactly(
                "8080:80", "8443:443/tcp", "[::1]:9000-9001:9000-9001/udp", "127.0.0.1::9100");
        assertThat(web.expose()).containsExactly("9000", "9001", "9200/udp");
        assertThat(web.environment()).containsOnly(
                Map.entry("LEVEL", "debug"), Map.entry("SHARED", "yes"), Map.entry("EMPTY", ""));
        assertThat(web.user()).isEqualTo("www-data");
        assertThat(web.privileged()).isTrue();
        assertThat(web.supervision()).isEqualTo(new SupervisionPolicy(AutoRestart.TRUE, Set.of(0, 1, 255),
                Duration.ZERO, 7, "HUP", Duration.ofSeconds(30)));

        ChildSpec script = config.child("script").orElseThrow();
        assertThat(script.runtime()).isEqualTo(RuntimeKind.PROCESS);
        assertThat(script.exec()).as("scalars keep their spelling")
                .containsExactly("/bin/echo", "hello world", "42", "yes");
        assertThat(script.workingDir()).isEqualTo(Path.of("relative/dir"));
        assertThat(script.volumes()).as("docker-only defaults skip process children").isEmpty();
        assertThat(script.ports()).isEmpty();
        assertThat(script.privileged()).isFalse();
        assertThat(script.environment()).containsOnly(Map.entry("SHARED", "yes"), Map.entry("LEVEL", "info"));
    }

    @Test
    void aFileWithOnlyAMemberSectionHasNoChildren() throws ConfigException {
        SerfnodeConfig config = SerfnodeConfigLoader.load("serfnode:\n  role: db\n", "inline.yml", Map.of());

        assertThat(config).isEqualTo(SerfnodeConfig.DEFAULTS.withRoles(java.util.List.of("db")));
    }

    @Test
    void emptySectionsMeanNothingIsSet() throws ConfigException {
        SerfnodeConfig config = SerfnodeConfigLoader.load("serfnode:\nchildren:\n", "inline.yml", Map.of());

        assertThat(config).isEqualTo(SerfnodeConfig.DEFAULTS);
    }

    @Test
    void resolvesAnchorsAndAliases() throws ConfigException {
        String text = """
                serfnode:
                  environment: &common
                    REGION: eu
                children:
                  - a:
                      exec: [/bin/a]
                      environment: *common
                  - b:
                      image: b
                      environment: *common
                """;

        SerfnodeConfig config = SerfnodeConfigLoader.load(text, "inline.yml", Map.of());

        assertThat(config.children()).allSatisfy(child ->
                assertThat(child.environment()).containsExactly(Map.entry("REGION", "eu")));
    }

    @Test
    void ignoresAByteOrderMark() throws ConfigException {
        SerfnodeConfig config = SerfnodeConfigLoader.load("\uFEFFserfnode:\n  role: web\n", "bom.yml", Map.of());

        assertThat(config.roles()).containsExactly("web");
    }
}
