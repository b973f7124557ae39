package io.serfnode.agent.devif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManagedHostsBlockTest {
    private static final Path FILE = Path.of("/etc/hosts");

    @Test
    void replacesTheBlockInTheMiddle() {
        String merged = ManagedHostsBlock.merge("a\n# serfnode begin\nold\n# serfnode end\nb\n", List.of("new"), FILE);

        assertThat(merged).isEqualTo("a\n# serfnode begin\nnew\n# serfnode end\nb\n");
    }

    @Test
    void addsAMissingFinalNewlineBeforeTheBlock() {
        assertThat(ManagedHostsBlock.merge("a", List.of("x"), FILE)).isEqualTo("a\n# serfnode begin\nx\n# serfnode end\n");
    }

    @Test
    void keepsAnEmptyBlockWhenThereAreNoLines() {
        assertThat(ManagedHostsBlock.merge("", List.of(), FILE)).isEqualTo("# serfnode begin\n# serfnode end\n");
    }

    @Test
    void refusesAnEndWithoutBegin() {
        assertThatThrownBy(() -> ManagedHostsBlock.merge("a\n# serfnode end\n", List.of(), FILE))
                .hasMessageContaining("/etc/hosts:2").hasMessageContaining("without a '# serfnode begin'");
    }

    @Test
    void refusesASecondBlock() {
        String twice = "# serfnode begin\n# serfnode end\n# serfnode begin\n# serfnode end\n";

        assertThatThrownBy(() -> ManagedHostsBlock.merge(twice, List.of(), FILE))
                .hasMessageContaining("/etc/hosts:3").hasMessageContaining("second");
    }
}
