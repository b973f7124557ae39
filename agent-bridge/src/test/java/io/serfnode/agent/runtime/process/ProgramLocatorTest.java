package io.serfnode.agent.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.agent.runtime.ChildRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramLocatorTest {
    @TempDir
    Path dir;

    @Test
    void findsAProgramOnThePath() throws ChildRuntimeException {
        assertThat(ProgramLocator.locate("web", "sh", "/nowhere:/bin", dir)).isEqualTo(Path.of("/bin/sh"));
    }

    @Test
    void resolvesAPathWithASlashAgainstTheWorkingDirectory() throws Exception {
        Path script = Files.createDirectories(dir.resolve("bin")).resolve("run");
        Files.writeString(script, "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(ProgramLocator.locate("web", "bin/run", "/bin", dir)).isEqualTo(script);
    }

    @Test
    void namesTheChildAndTheSearchedPathForAMissingProgram() {
        assertThatThrownBy(() -> ProgramLocator.locate("web", "no-such-program", "/usr/bin:/bin", dir))
                .isInstanceOf(ChildRuntimeException.class)
                .hasMessageContaining("child 'web'")
                .hasMessageContaining("'no-such-program' was not found")
                .hasMessageContaining("/usr/bin:/bin");
    }

    @Test
    void saysWhenAFileExistsButIsNotExecutable() throws IOException {
        Path script = dir.resolve("run.sh");
        Files.writeString(script, "#!/bin/sh\n");

        assertThatThrownBy(() -> ProgramLocator.locate("web", script.toString(), "/bin", dir))
                .isInstanceOf(ChildRuntimeException.class)
                .hasMessageContaining("is not executable");
    }

    @Test
    void saysWhenAnAbsoluteProgramDoesNotExist() {
        assertThatThrownBy(() -> ProgramLocator.locate("web", "/opt/none/run", "/bin", dir))
                .isInstanceOf(ChildRuntimeException.class)
                .hasMessageContaining("'/opt/none/run' does not exist");
    }
}
