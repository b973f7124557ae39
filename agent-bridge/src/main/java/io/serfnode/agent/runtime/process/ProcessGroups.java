package io.serfnode.agent.runtime.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Sends signals to whole process groups with the system's {@code kill} program, since the JDK can signal
 * only single processes and only with TERM or KILL.
 */
final class ProcessGroups {
    private final Path kill;

    private ProcessGroups(Path kill) {
        this.kill = kill;
    }

    static ProcessGroups locate() {
        for (String candidate : List.of("/usr/bin/kill", "/bin/kill")) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return new ProcessGroups(path);
            }
        }
        throw new IllegalStateException("the process runtime needs the kill program (procps), found neither "
                + "/usr/bin/kill nor /bin/kill; install the procps package");
    }

    /**
     * Signals every process of group {@code pgid}.
     *
     * @return false when the group has no process left
     */
    boolean signal(long pgid, UnixSignal signal) throws IOException {
        // "-NAME -- -PGID": the one form both procps' kill and util-linux's (Debian's base images) accept
        Process process = new ProcessBuilder(kill.toString(), "-" + signal.name(), "--", "-" + pgid)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            return process.waitFor() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling process group " + pgid, e);
        }
    }
}
