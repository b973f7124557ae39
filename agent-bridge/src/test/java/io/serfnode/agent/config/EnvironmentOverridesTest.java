package io.serfnode.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentOverridesTest {
    private static final String FILE = """
            serfnode:
              role: web
              peer: 127.0.0.1:7946
              serf_ip: 127.0.0.1
              serf_port: 7947
              service_ip: 127.0.0.1
              service_port: 8000
              node_name: from-file
            """;

    @Test
    void overridesEveryMemberSettingOfTheFile() throws ConfigException {
        Map<String, String> environment = Map.of(
                "ROLE", "api  worker",
                "PEER", "127.0.0.5:7000, 127.0.0.6",
                "SERF_IP", "127.0.0.9",
                "SERF_PORT", "7999",
                "NODE_NAME", "from-env",
                "SERVICE_IP", "127.0.0.10",
                "SERVICE_PORT", "9000");

        SerfnodeConfig config = SerfnodeConfigLoader.load(FILE, "env.yml", environment);

        assertThat(config.roles()).containsExactly("api", "worker");
        assertThat(config.join()).containsExactly("127.0.0.5:7000", "127.0.0.6");
        assertThat(config.serfIp()).isEqualTo("127.0.0.9");
        assertThat(config.serfPort()).isEqualTo(7999);
        assertThat(config.nodeName()).isEqualTo("from-env");
        assertThat(config.serviceIp()).isEqualTo("127.0.0.10");
        assertThat(config.servicePort()).isEqualTo(9000);
    }

    @Test
    void keepsTheFileForUnsetOrEmptyVariables() throws ConfigException {
        SerfnodeConfig config = SerfnodeConfigLoader.load(FILE, "env.yml", Map.of("ROLE", "", "SERF_PORT", "  "));

        assertThat(config.roles()).containsExactly("web");
        assertThat(config.serfPort()).isEqualTo(7947);
        assertThat(config.nodeName()).isEqualTo("from-file");
    }

    @Test
    void reportsABadVariableAsComingFromTheEnvironmentNotTheFile() {
        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> SerfnodeConfigLoader.load(FILE, "env.yml", Map.of("SERF_PORT", "abc")));

        assertThat(error.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.source()).isEqualTo("environment variable SERF_PORT");
            assertThat(problem.hasPosition()).isFalse();
        });
        assertThat(error.getMessage())
                .isEqualTo("environment variable SERF_PORT: must be a port number (1-65535), not 'abc'");
    }

    @Test
    void reportsEveryBadVariableAfterTheProblemsOfTheFile() {
        Map<String, String> environment = Map.of(
                "SERF_IP", "localhost",
                "SERVICE_PORT", "65536",
                "NODE_NAME", "two words",
                "PEER", "127.0.0.1:0");

        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> SerfnodeConfigLoader.load("serfnode:\n  rol: web\n", "env.yml", environment));

        assertThat(error.getMessage().lines().toList()).containsExactly(
                "env.yml:2:3: unknown key 'rol' in 'serfnode'; did you mean 'role'?",
                "environment variable PEER: '0' in '127.0.0.1:0' is not a port number (1-65535)",
                "environment variable SERF_IP: must be an IP address, not 'localhost'",
                "environment variable NODE_NAME: must not contain blanks or control characters, not 'two words'",
                "environment variable SERVICE_PORT: must be a port number (0-65535), not '65536'");
    }

    @Test
    void configuresAMemberWithoutAFileFromTheEnvironmentAlone() throws ConfigException {
        SerfnodeConfig config = SerfnodeConfigLoader.fromEnvironment(Map.of("ROLE", "db", "SERF_PORT", "7001"));

        assertThat(config).isEqualTo(SerfnodeConfig.DEFAULTS.withRoles(List.of("db")).withSerfPort(7001));
    }

    @Test
    void ignoresVariablesItDoesNotOwn() throws ConfigException {
        SerfnodeConfig config = SerfnodeConfigLoader.fromEnvironment(Map.of("PATH", "/bin", "role", "lowercase"));

        assertThat(config).isEqualTo(SerfnodeConfig.DEFAULTS);
    }
}
