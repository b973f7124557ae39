package io.serfnode.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.agent.child.AutoRestart;
import io.serfnode.agent.child.ChildSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultsMergingTest {
    private static SerfnodeConfig load(String text) throws ConfigException {
        return SerfnodeConfigLoader.load(text, "defaults.yml", Map.of());
    }

    @Test
    void mergesEnvironmentVariableByVariableWithTheChildWinning() throws ConfigException {
        SerfnodeConfig config = load("""
                serfnode:
                  environment: {REGION: eu, LEVEL: info}
                children:
                  - web:
                      image: nginx
                      environment: [LEVEL=debug, PORT=80]
                """);

        assertThat(config.children().getFirst().environment()).containsOnly(
                Map.entry("REGION", "eu"), Map.entry("LEVEL", "debug"), Map.entry("PORT", "80"));
    }

    @Test
    void givesEveryChildTheDefaultSupervisionUnlessItHasItsOwn() throws ConfigException {
        SerfnodeConfig config = load("""
                serfnode:
                  autorestart: true
                  startretries: 9
                  stopsignal: INT
                children:
                  - plain:
                      exec: /bin/plain
                  - own:
                      exec: /bin/own
                      autorestart: unexpected
                      stopsignal: sigkill
                """);

        ChildSpec plain = config.child("plain").orElseThrow();
        ChildSpec own = config.child("own").orElseThrow();
        assertThat(plain.supervision().autorestart()).isEqualTo(AutoRestart.TRUE);
        assertThat(plain.supervision().startRetries()).isEqualTo(9);
        assertThat(plain.supervision().stopSignal()).isEqualTo("INT");
        assertThat(plain.supervision().exitCodes()).as("not given anywhere: supervisord's default")
                .isEqualTo(Set.of(0));
        assertThat(plain.supervision().startSecs()).isEqualTo(Duration.ofSeconds(1));
        assertThat(own.supervision().autorestart()).isEqualTo(AutoRestart.UNEXPECTED);
        assertThat(own.supervision().startRetries()).isEqualTo(9);
        assertThat(own.supervision().stopSignal()).isEqualTo("KILL");
    }

    @Test
    void appendsDefaultListsAfterTheChildsOwnWithoutRepeats() throws ConfigException {
        SerfnodeConfig config = load("""
                serfnode:
                  volumes: [/logs, /shared:/shared]
                  ports: ["9100:9100"]
                  expose: ["7000"]
                children:
                  - web:
                      image: nginx
                      volumes: [/shared:/shared, /html]
                      ports: ["80:80"]
                """);

        ChildSpec web = config.children().getFirst();
        assertThat(web.volumes()).containsExactly("/shared:/shared", "/html", "/logs");
        assertThat(web.ports()).containsExactly("80:80", "9100:9100");
        assertThat(web.expose()).containsExactly("7000");
    }

    @Test
    void keepsDockerOnlyDefaultsAwayFromProcessChildren() throws ConfigException {
        SerfnodeConfig config = load("""
                serfnode:
                  volumes: [/logs]
                  volumes_from: [data]
                  ports: ["80:80"]
                  expose: ["81"]
                  privileged: true
                  user: app
                  working_dir: /srv
                children:
                  - data:
                      image: busybox
                  - worker:
                      exec: /bin/worker
                """);

        ChildSpec worker = config.child("worker").orElseThrow();
        assertThat(worker.volumes()).isEmpty();
        assertThat(worker.volumesFrom()).isEmpty();
        assertThat(worker.ports()).isEmpty();
        assertThat(worker.expose()).isEmpty();
        assertThat(worker.privileged()).isFalse();
        assertThat(worker.user()).isEqualTo("app");
        assertThat(worker.workingDir()).isEqualTo(Path.of("/srv"));
        ChildSpec data = config.child("data").orElseThrow();
        assertThat(data.privileged()).isTrue();
        assertThat(data.volumesFrom()).as("never its own volumes").isEmpty();
    }

    @Test
    void letsAChildsOwnScalarsWinOverTheDefaults() throws ConfigException {
        SerfnodeConfig config = load("""
                serfnode:
                  user: app
                  working_dir: /srv
                  privileged: true
                children:
                  - web:
                      image: nginx
                      user: root
                      working_dir: /var/www
                      privileged: false
                """);

        ChildSpec web = config.children().getFirst();
        assertThat(web.user()).isEqualTo("root");
        assertThat(web.workingDir()).isEqualTo(Path.of("/var/www"));
        assertThat(web.privileged()).isFalse();
    }
}
