package io.serfnode.agent.serf.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Ends a serf agent when this JVM ends, however it ends — even by {@code kill -9}, when no shutdown hook
 * runs. Otherwise an orphaned serf would keep gossiping that the member is alive, and the cluster would
 * never see it fail. A small watcher process reads a pipe from this JVM; when the pipe closes without the
 * word {@code release}, the JVM is gone and the watcher kills serf.
 */
final class ParentDeathWatch {
    // $0 is serf's pid; `read` fails on end of input, which is how the JVM's death shows
    private static final String WATCHER = "read -r word; [ \"$word\" = release ] || kill -KILL \"$0\" 2>/dev/null";

    private final Process watcher;

    private ParentDeathWatch(Process watcher) {
        this.watcher = watcher;
    }

    static ParentDeathWatch start(long serfPid) throws IOException {
        Process watcher = new ProcessBuilder("sh", "-c", WATCHER, Long.toString(serfPid))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new ParentDeathWatch(watcher);
    }

    /** Serf ended while we watched: the watcher leaves without killing anything. */
    void release() {
        try (OutputStream pipe = watcher.getOutputStream()) {
            pipe.write("release\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException alreadyGone) {
            watcher.destroyForcibly();
        }
    }

    long pid() {
        return watcher.pid();
    }
}
