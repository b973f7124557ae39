package io.serfnode.agent.spawn;

import io.serfnode.agent.spawn.MemberContainerPlan.ContainerFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Files for a container as the tar archive the engine unpacks at its root. */
final class ContainerFiles {
    private ContainerFiles() {
    }

    /**
     * An archive of {@code files} (absolute paths), with their parent directories, to be unpacked at {@code /}.
     */
    static byte[] tar(Map<String, ContainerFile> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            Map<String, ContainerFile> sorted = new TreeMap<>(files);
            Set<String> directories = new LinkedHashSet<>();
            for (String path : sorted.keySet()) {
                String relative = relative(path);
                for (int slash = relative.indexOf('/'); slash > 0; slash = relative.indexOf('/', slash + 1)) {
                    directories.add(relative.substring(0, slash + 1));
                }
            }
            for (String directory : directories) {
                TarArchiveEntry entry = new TarArchiveEntry(directory);
                entry.setMode(040755);
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
            for (Map.Entry<String, ContainerFile> file : sorted.entrySet()) {
                byte[] content = file.getValue().content();
                TarArchiveEntry entry = new TarArchiveEntry(relative(file.getKey()));
                entry.setMode(0100000 | file.getValue().mode());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static String relative(String path) {
        if (!path.startsWith("/") || path.endsWith("/") || path.contains("/../") || path.contains("//")) {
            throw new IllegalArgumentException("a container file needs a plain absolute path, not '" + path + "'");
        }
        return path.substring(1);
    }
}
