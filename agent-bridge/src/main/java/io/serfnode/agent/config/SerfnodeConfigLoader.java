package io.serfnode.agent.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads {@code serfnode.yml}: reads it, checks everything, merges the {@code serfnode:} defaults into every
 * child and applies the environment variables that override the file. Either the whole configuration is
 * valid, or a {@link ConfigException} lists every problem found with its file, line and column.
 */
public final class SerfnodeConfigLoader {
    /** The file's conventional name. */
    public static final String FILE_NAME = "serfnode.yml";

    /** Top-level keys of the file. */
    static final List<String> TOP_LEVEL_KEYS = List.of("serfnode", "children");

    private SerfnodeConfigLoader() {
    }

    /** Loads {@code file}, with {@code environment} (usually {@link System#getenv()}) overriding it. */
    public static SerfnodeConfig load(Path file, Map<String, String> environment) throws ConfigException {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw single(file.toString(), "the file does not exist");
        } catch (CharacterCodingException e) {
            throw single(file.toString(), "the file is not UTF-8 text");
        } catch (IOException e) {
            throw single(file.toString(), "the file cannot be read: " + e);
        }
        return load(text, file.toString(), environment);
    }

    /**
     * Loads configuration text; {@code sourceName} (a path, a URL …) is where problems are said to be.
     */
    public static SerfnodeConfig load(String text, String sourceName, Map<String, String> environment)
            throws ConfigException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(environment, "environment");
        Problems problems = new Problems(Objects.requireNonNull(sourceName, "sourceName"));
        SerfnodeConfig config = read(text, problems);
        config = EnvironmentOverrides.apply(config, environment, problems);
        problems.throwIfAny();
        return config;
    }

    /** The configuration of a member started without a file: the defaults and the environment variables. */
    public static SerfnodeConfig fromEnvironment(Map<String, String> environment) throws ConfigException {
        Problems problems = new Problems("environment");
        SerfnodeConfig config = EnvironmentOverrides.apply(SerfnodeConfig.DEFAULTS, environment, problems);
        problems.throwIfAny();
        return config;
    }

    private static SerfnodeConfig read(String text, Problems problems) {
        int before = problems.size();
        Optional<YamlNode> document = YamlTreeReader.read(text.startsWith("\uFEFF") ? text.substring(1) : text,
                problems);
        if (document.isEmpty() && problems.size() > before) {
            return SerfnodeConfig.DEFAULTS; // not YAML at all: nothing more can be checked
        }
        if (document.isEmpty() || document.get() instanceof YamlScalar scalar && scalar.isNull()) {
            problems.at(new Mark(1, 1), "the file is empty; it needs a 'serfnode:' section, a 'children:' list, "
                    + "or both");
            return SerfnodeConfig.DEFAULTS;
        }
        if (!(document.get() instanceof YamlMap root)) {
            problems.at(document.get().mark(), "the top level must be a map with 'serfnode:' and 'children:', not "
                    + document.get().describe());
            return SerfnodeConfig.DEFAULTS;
        }
        new Fields(root, "at the top level", problems).rejectUnknownKeys(TOP_LEVEL_KEYS, Map.of());
        MemberSectionReader.Section section = MemberSectionReader.read(root.get("serfnode"), problems);
        return section.member().withChildren(ChildrenReader.read(root.get("children"), section.defaults(), problems));
    }

    private static ConfigException single(String source, String message) {
        return new ConfigException(List.of(new ConfigProblem(source, 0, 0, message, null)));
    }
}
