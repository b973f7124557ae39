package io.serfnode.agent.devif;

import io.serfnode.agent.support.ComponentLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the developer interface files of the state directory from a {@link DeveloperView}: {@code hosts},
 * {@code serfnodes_by_id.json}, {@code serfnodes_by_role.json}, {@code me.json} and
 * {@code children_by_name.json} (see {@link HostsLines} and {@link DeveloperJson} for their content), and in
 * Docker mode the managed block of a shared hosts file ({@link ManagedHostsBlock}).
 *
 * <p>Each file is replaced atomically and only when its content changes, so readers never see a partial
 * file and watchers are not woken for nothing. Calls are serialised; call {@link #write} after every change
 * with the whole current view.
 */
public final class DeveloperFiles {
    /** The state directory's hosts file: {@code <ip> <role>} and {@code <ip> <member>} lines. */
    public static final String HOSTS = "hosts";

    private final DeveloperFilesConfig config;
    private final ComponentLog log;

    public DeveloperFiles(DeveloperFilesConfig config, ComponentLog log) {
        this.config = Objects.requireNonNull(config, "config");
        this.log = Objects.requireNonNull(log, "log");
    }

    public DeveloperFilesConfig config() {
        return config;
    }

    /**
     * Brings every file in line with {@code view}. A file that cannot be written does not stop the others;
     * the first failure is thrown afterwards, with the others attached as suppressed.
     *
     * @return the files that were written because their content changed
     * @throws UncheckedIOException  when a file could not be written
     * @throws IllegalStateException when the shared hosts file's markers are broken
     */
    public synchronized List<Path> write(DeveloperView view) {
        Objects.requireNonNull(view, "view");
        Map<Path, byte[]> files = new LinkedHashMap<>();
        List<String> hostsLines = HostsLines.of(view);
        files.put(config.stateDir().resolve(HOSTS), HostsLines.text(hostsLines).getBytes(StandardCharsets.UTF_8));
        DeveloperJson.files(view).forEach((name, content) -> files.put(config.stateDir().resolve(name), content));

        List<Path> written = new ArrayList<>();
        RuntimeException failure = null;
        try {
            Files.createDirectories(config.stateDir());
        } catch (IOException cannotCreate) {
            throw new UncheckedIOException("cannot create the state directory " + config.stateDir(), cannotCreate);
        }
        for (Map.Entry<Path, byte[]> file : files.entrySet()) {
            try {
                if (AtomicFiles.writeIfChanged(file.getKey(), file.getValue())) {
                    written.add(file.getKey());
                }
            } catch (RuntimeException cannotWrite) {
                failure = remember(failure, cannotWrite);
            }
        }
        if (config.sharedHostsFile().isPresent()) {
            Path shared = config.sharedHostsFile().get();
            try {
                if (writeSharedHosts(shared, hostsLines)) {
                    written.add(shared);
                }
            } catch (RuntimeException cannotWrite) {
                failure = remember(failure, cannotWrite);
            }
        }
        if (!written.isEmpty()) {
            log.debug("wrote %s", written.stream().map(path -> path.getFileName().toString()).toList());
        }
        if (failure != null) {
            throw failure;
        }
        return written;
    }

    private boolean writeSharedHosts(Path shared, List<String> lines) {
        String existing = read(shared);
        byte[] merged = ManagedHostsBlock.merge(existing, lines, shared).getBytes(StandardCharsets.UTF_8);
        if (AtomicFiles.hasContent(shared, merged)) {
            return false;
        }
        try {
            AtomicFiles.replace(shared, merged);
        } catch (UncheckedIOException renameRefused) {
            if (!AtomicFiles.isBusyMountPoint(renameRefused)) {
                throw renameRefused;
            }
            log.debug("%s is a mount point; rewriting it in place", shared);
            AtomicFiles.rewriteInPlace(shared, merged);
        }
        return true;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException absent) {
            return "";
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + file, unreadable);
        }
    }

    private RuntimeException remember(RuntimeException first, RuntimeException next) {
        log.error("%s", next.getMessage());
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
