package io.serfnode.agent.config;

import io.serfnode.agent.child.AutoRestart;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads and checks the child keys of one map, each on its own; checks across children come later. */
final class ChildSettingsReader {
    /** A name Docker accepts in a container name, which a child's name becomes part of. */
    static final Pattern CHILD_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    private ChildSettingsReader() {
    }

    static ChildSettings read(Fields fields) {
        return new ChildSettings(
                fields.nonBlankString("image").orElse(null),
                fields.command("command").orElse(null),
                fields.command("entrypoint").orElse(null),
                fields.command("exec").orElse(null),
                fields.environment("environment").orElse(null),
                checkedList(fields, "volumes", DockerSpecs::volumeProblem),
                checkedList(fields, "volumes_from", ChildSettingsReader::volumesFromProblem),
                checkedList(fields, "links", ChildSettingsReader::linkProblem),
                checkedList(fields, "ports", DockerSpecs::publicationProblem),
                checkedList(fields, "expose", DockerSpecs::exposedPortProblem),
                fields.nonBlankString("working_dir").orElse(null),
                fields.nonBlankString("user").orElse(null),
                fields.bool("privileged").orElse(null),
                autorestart(fields).orElse(null),
                exitCodes(fields).orElse(null),
                fields.integer("startsecs", 0, "seconds").orElse(null),
                fields.integer("startretries", 0, "retries").orElse(null),
                stopSignal(fields).orElse(null),
                fields.integer("stopwaitsecs", 0, "seconds").orElse(null));
    }

    /** The child named in a {@code volumes_from} item: {@code child} or {@code child:ro|rw}. */
    static String referencedChild(String item) {
        int colon = item.indexOf(':');
        return colon < 0 ? item : item.substring(0, colon);
    }

    private static List<Located> checkedList(Fields fields, String key, Function<String, Optional<String>> check) {
        Optional<List<Located>> items = fields.list(key);
        if (items.isEmpty()) {
            return null;
        }
        boolean valid = true;
        for (Located item : items.get()) {
            Optional<String> problem = check.apply(item.value());
            if (problem.isPresent()) {
                fields.problems().at(item.mark(), problem.get() + " ('" + key + "' " + fields.where() + ")");
                valid = false;
            }
        }
        return valid ? items.get() : null;
    }

    private static Optional<String> volumesFromProblem(String item) {
        String[] parts = item.split(":", -1);
        if (parts.length > 2 || !CHILD_NAME.matcher(parts[0]).matches()
                || (parts.length == 2 && !Set.of("ro", "rw").contains(parts[1]))) {
            return Optional.of("'" + item + "' must be a child's name, optionally followed by :ro or :rw");
        }
        return Optional.empty();
    }

    private static Optional<String> linkProblem(String item) {
        String[] parts = item.split(":", -1);
        if (parts.length > 2 || !CHILD_NAME.matcher(parts[0]).matches()
                || (parts.length == 2 && !CHILD_NAME.matcher(parts[1]).matches())) {
            return Optional.of("'" + item + "' must be a child's name, optionally followed by :alias");
        }
        return Optional.empty();
    }

    private static Optional<AutoRestart> autorestart(Fields fields) {
        Optional<Located> value = fields.scalar("autorestart", "true, false or unexpected");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        // true and false arrive resolved by YAML (also as yes/no/on/off); unexpected is a plain word
        YamlScalar scalar = (YamlScalar) fields.map().get("autorestart").orElseThrow();
        if (scalar.isBoolean()) {
            return Optional.of(scalar.kind() == YamlScalar.Kind.TRUE ? AutoRestart.TRUE : AutoRestart.FALSE);
        }
        String text = value.get().value().strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> Optional.of(AutoRestart.TRUE);
            case "false" -> Optional.of(AutoRestart.FALSE);
            case "unexpected" -> Optional.of(AutoRestart.UNEXPECTED);
            default -> {
                fields.problems().at(value.get().mark(), "'autorestart' " + fields.where()
                                + " must be true, false or unexpected, not '" + value.get().value() + "'",
                        Suggestions.closest(text, List.of("true", "false", "unexpected")));
                yield Optional.empty();
            }
        };
    }

    private static Optional<Set<Integer>> exitCodes(Fields fields) {
        Optional<YamlNode> node = fields.map().get("exitcodes");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        List<Located> items = node.get() instanceof YamlScalar scalar && !scalar.isNull()
                ? List.of(new Located(scalar.text(), scalar.mark()))
                : fields.list("exitcodes").orElse(null);
        if (items == null) {
            return Optional.empty();
        }
        Set<Integer> codes = new LinkedHashSet<>();
        boolean valid = true;
        for (Located item : items) {
            String text = item.value().strip();
            if (text.matches("\\d{1,3}") && Integer.parseInt(text) <= 255) {
                codes.add(Integer.parseInt(text));
            } else {
                fields.problems().at(item.mark(), "exit code '" + item.value() + "' in 'exitcodes' " + fields.where()
                        + " is not a whole number from 0 to 255");
                valid = false;
            }
        }
        return valid ? Optional.of(codes) : Optional.empty();
    }

    private static Optional<String> stopSignal(Fields fields) {
        Optional<Located> value = fields.scalar("stopsignal", "a signal name");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> signal = StopSignal.parse(value.get().value());
        if (signal.isEmpty()) {
            String text = value.get().value().strip().toUpperCase(Locale.ROOT);
            fields.problems().at(value.get().mark(), "'stopsignal' " + fields.where() + " must be one of "
                            + String.join(", ", StopSignal.NAMES) + ", not '" + value.get().value() + "'",
                    Suggestions.closest(text.startsWith("SIG") ? text.substring(3) : text, StopSignal.NAMES));
        }
        return signal;
    }
}
