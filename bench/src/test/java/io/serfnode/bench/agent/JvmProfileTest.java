package io.serfnode.bench.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JvmProfileTest {

    @Test
    void parsesADefinitionWithAnArchive() {
        JvmProfile profile = JvmProfile.parse("tiny/aot=-XX:+UseSerialGC  -Xmx48m");

        assertThat(profile.name()).isEqualTo("tiny");
        assertThat(profile.flags()).containsExactly("-XX:+UseSerialGC", "-Xmx48m");
        assertThat(profile.archive()).isEqualTo(ArchiveKind.AOT);
    }

    @Test
    void parsesADefinitionWithoutFlags() {
        assertThat(JvmProfile.parse("bare=").flags()).isEmpty();
    }

    @Test
    void refusesAnUnknownArchiveKind() {
        assertThatThrownBy(() -> JvmProfile.parse("tiny/jit=-Xmx48m"))
                .hasMessageContaining("tiny/jit=-Xmx48m").hasMessageContaining("'jit' is not one of cds, aot");
    }

    @Test
    void refusesADefinitionWithoutName() {
        assertThatThrownBy(() -> JvmProfile.parse("-Xmx48m")).hasMessageContaining("expected NAME");
    }

    @Test
    void trainsTheAotCacheInTheWarmUpAndUsesItAfterwards() {
        Path cache = ArchiveKind.AOT.fileIn(Path.of("/w"), "small-aot");

        assertThat(cache).isEqualTo(Path.of("/w/small-aot.aot"));
        assertThat(ArchiveKind.AOT.makingOpts(cache)).containsExactly("-XX:AOTCacheOutput=/w/small-aot.aot");
        assertThat(ArchiveKind.AOT.usingOpts(cache)).containsExactly("-XX:AOTCache=/w/small-aot.aot");
    }

    @Test
    void writesTheDynamicCdsArchiveAtTheFirstExitAndReadsItLater() {
        Path archive = ArchiveKind.CDS.fileIn(Path.of("/w"), "small-cds");

        assertThat(ArchiveKind.CDS.makingOpts(archive)).isEqualTo(ArchiveKind.CDS.usingOpts(archive))
                .containsExactly("-XX:SharedArchiveFile=/w/small-cds.jsa", "-XX:+AutoCreateSharedArchive");
    }
}
