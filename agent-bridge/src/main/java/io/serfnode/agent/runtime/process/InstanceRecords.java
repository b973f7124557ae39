package io.serfnode.agent.runtime.process;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The instance records in one directory: one properties file per running child, replaced atomically. */
final class InstanceRecords {
    private static final String SUFFIX = ".instance";

    private final Path dir;

    InstanceRecords(Path dir) {
        this.dir = dir;
    }

    void write(InstanceRecord record) throws IOException {
        Files.createDirectories(dir);
        Properties properties = new Properties();
        properties.setProperty("child", record.child());
        properties.setProperty("pid", Long.toString(record.pid()));
        properties.setProperty("startTicks", Long.toString(record.startTicks()));
        properties.setProperty("bootId", record.bootId());
        properties.setProperty("stopSignal", record.stopSignal().name());
        properties.setProperty("stopWaitMillis", Long.toString(record.stopWait().toMillis()));
        Path target = fileOf(record.child());
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            properties.store(out, "a running child of the process runtime");
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes the record of {@code child}, but only if it still describes {@code pid}. */
    void delete(String child, long pid) throws IOException {
        Path file = fileOf(child);
        if (Files.exists(file) && read(file).pid() == pid) {
            Files.deleteIfExists(file);
        }
    }

    void delete(InstanceRecord record) throws IOException {
        delete(record.child(), record.pid());
    }

    /**
     * Every readable record. A record that cannot be read is reported and left out: nothing it names is
     * touched, since it cannot be identified safely.
     */
    List<InstanceRecord> readAll(java.util.function.BiConsumer<Path, Exception> onUnreadable) throws IOException {
        List<InstanceRecord> records = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return records;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    records.add(read(file));
                } catch (IOException | RuntimeException e) {
                    onUnreadable.accept(file, e);
                }
            }
        }
        return records;
    }

    private Path fileOf(String child) {
        return dir.resolve(child + SUFFIX);
    }

    private static InstanceRecord read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        }
        return new InstanceRecord(
                required(properties, "child", file),
                Long.parseLong(required(properties, "pid", file)),
                Long.parseLong(required(properties, "startTicks", file)),
                required(properties, "bootId", file),
                UnixSignal.parse(required(properties, "stopSignal", file)),
                Duration.ofMillis(Long.parseLong(required(properties, "stopWaitMillis", file))));
    }

    private static String required(Properties properties, String key, Path file) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException(file + ": missing '" + key + "'");
        }
        return value;
    }
}
