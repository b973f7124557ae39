package io.serfnode.bench.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watches a member's state directory until {@code serfnodes_by_id.json} holds the seed, alive, and
 * {@code children_by_name.json} shows every child RUNNING. It polls every {@link #PERIOD_NANOS}: a poll
 * is a {@code stat} of each file, and the file is parsed only when it was replaced (the agent writes by
 * rename, so a new inode or modification time).
 */
public final class StateDirWatcher {
    static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final Set<String> FAILED_STATES = Set.of("BACKOFF", "FATAL", "EXITED");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WatchedJson membersFile;
    private final WatchedJson childrenFile;
    private final WatchedJson meFile;
    private final String seed;
    private final List<String> children;
    private final long startNanos;
    private final CompletableFuture<StartTimeline> ready = new CompletableFuture<>();
    private long firstFileAt = -1;
    private long joinedAt = -1;
    private long allRunningAt = -1;

    /**
     * @param startNanos the {@link System#nanoTime()} just before the member's process was started
     * @param seed       the node name the member must see alive (its own name for a lone member)
     * @param children   the names of its children
     */
    public StateDirWatcher(Path stateDir, String seed, List<String> children, long startNanos) {
        this.membersFile = new WatchedJson(stateDir.resolve("serfnodes_by_id.json"));
        this.childrenFile = new WatchedJson(stateDir.resolve("children_by_name.json"));
        this.meFile = new WatchedJson(stateDir.resolve("me.json"));
        this.seed = seed;
        this.children = List.copyOf(children);
        this.startNanos = startNanos;
        if (children.isEmpty()) {
            allRunningAt = startNanos;
        }
    }

    /** Completes with the timeline once ready, or exceptionally once {@link #fail} was called. */
    public CompletableFuture<StartTimeline> ready() {
        return ready;
    }

    public void fail(String why) {
        ready.completeExceptionally(new IllegalStateException(why));
    }

    /** Polls on a thread of its own until ready or failed. */
    public void start() {
        Thread poller = new Thread(this::pollUntilDone, "state-dir-watcher");
        poller.setDaemon(true);
        poller.start();
    }

    private void pollUntilDone() {
        try {
            while (!ready.isDone()) {
                poll(System.nanoTime());
                TimeUnit.NANOSECONDS.sleep(PERIOD_NANOS);
            }
        } catch (InterruptedException e) {
            fail("interrupted");
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(e);
        }
    }

    /** One look at the files, as if made at {@code now}; visible for tests. */
    void poll(long now) throws IOException {
        if (firstFileAt < 0 && (meFile.exists() || membersFile.exists() || childrenFile.exists())) {
            firstFileAt = now;
        }
        if (joinedAt < 0) {
            JsonNode members = membersFile.readIfReplaced();
            if (members != null) {
                if ("alive".equals(members.path(seed).path("status").asText())) {
                    joinedAt = now;
                }
            }
        }
        if (allRunningAt < 0) {
            JsonNode byName = childrenFile.readIfReplaced();
            if (byName != null) {
                checkChildren(byName, now);
            }
        }
        if (joinedAt >= 0 && allRunningAt >= 0) {
            ready.complete(new StartTimeline(Double.NaN, millis(firstFileAt), millis(joinedAt), millis(allRunningAt)));
        }
    }

    private void checkChildren(JsonNode byName, long now) {
        boolean allRunning = true;
        for (String child : children) {
            String state = byName.path(child).path("status").path("state").asText("");
            if (FAILED_STATES.contains(state)) {
                fail(childrenFile + ": child '" + child + "' went to " + state + " while starting");
                return;
            }
            allRunning &= "RUNNING".equals(state);
        }
        if (allRunning) {
            allRunningAt = now;
        }
    }

    /** A JSON file the agent replaces by rename, read again only when it was replaced. */
    private static final class WatchedJson {
        private final Path file;
        private Object seen;

        WatchedJson(Path file) {
            this.file = file;
        }

        boolean exists() {
            return Files.exists(file);
        }

        /** The content when the file is there and was replaced since the last read; null otherwise. */
        JsonNode readIfReplaced() throws IOException {
            Object now = version();
            if (now == null || now.equals(seen)) {
                return null;
            }
            try {
                JsonNode content = JSON.readTree(file.toFile());
                // the version taken before reading: a replacement meanwhile is read at the next poll
                seen = now;
                return content;
            } catch (NoSuchFileException replacedMeanwhile) {
                return null;
            }
        }

        /** Inode, modification time and size; null when the file is not there. */
        private Object version() throws IOException {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return List.of(Objects.requireNonNullElse(attributes.fileKey(), ""),
                        attributes.lastModifiedTime(), attributes.size());
            } catch (NoSuchFileException absent) {
                return null;
            }
        }

        @Override
        public String toString() {
            return file.toString();
        }
    }

    private double millis(long nanos) {
        return (nanos - startNanos) / 1e6;
    }
}
