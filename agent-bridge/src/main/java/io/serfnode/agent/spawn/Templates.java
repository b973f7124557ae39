package io.serfnode.agent.spawn;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The member templates of one agent: each {@code NAME.yml} (or {@code NAME.yaml}) file in its templates
 * directory is a {@code serfnode.yml} for new members, named NAME. Read on every use, so templates can be added
 * or edited while the agent runs.
 */
public final class Templates {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path directory;

    public Templates(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    public Path directory() {
        return directory;
    }

    /** The names of the templates there now, sorted; none when the directory does not exist. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return names;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = nameOf(file);
                if (name != null && Files.isRegularFile(file) && !names.contains(name)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the templates in " + directory + ": " + e.getMessage(), e);
        }
        names.sort(null);
        return names;
    }

    /**
     * The template named {@code name}.
     *
     * @throws SpawnException (refused) for an unknown name, listing the templates there are
     */
    public MemberConfiguration read(String name) throws SpawnException {
        Objects.requireNonNull(name, "name");
        if (NAME.matcher(name).matches()) {
            for (String extension : List.of(".yml", ".yaml")) {
                Path file = directory.resolve(name + extension);
                if (Files.isRegularFile(file)) {
                    return load(name, file);
                }
            }
        }
        List<String> known = names();
        throw SpawnException.refused("no template named '" + name + "' in " + directory + "; "
                + (known.isEmpty() ? "there are no templates (add NAME.yml files, serfnode.yml format)"
                : "available: " + String.join(", ", known)));
    }

    private static MemberConfiguration load(String name, Path file) throws SpawnException {
        try {
            return new MemberConfiguration(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (CharacterCodingException e) {
            throw SpawnException.refused("template '" + name + "' (" + file + ") is not UTF-8 text");
        } catch (IOException e) {
            throw SpawnException.failed("template '" + name + "' (" + file + ") cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw SpawnException.refused("template '" + name + "': " + e.getMessage());
        }
    }

    private static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        for (String extension : List.of(".yml", ".yaml")) {
            if (fileName.endsWith(extension)) {
                String name = fileName.substring(0, fileName.length() - extension.length());
                return NAME.matcher(name).matches() ? name : null;
            }
        }
        return null;
    }
}
