package io.serfnode.agent.config;

import io.serfnode.agent.child.ChildSpec;
import io.serfnode.model.RuntimeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code children:} list of one-key maps ({@code - web: {image: nginx}}), checks each child and the
 * references between children, and merges the {@code serfnode:} defaults into each.
 */
final class ChildrenReader {
    private final Problems problems;
    private final Defaults defaults;
    private final Map<String, Mark> names = new LinkedHashMap<>();

    /** One well-formed entry of the list, read but not yet merged. */
    private record Entry(String name, ChildSettings settings, RuntimeKind runtime, boolean valid) {
    }

    private ChildrenReader(Problems problems, Defaults defaults) {
        this.problems = problems;
        this.defaults = defaults;
    }

    /** The children in file order; empty when the list is absent or has problems (then reported). */
    static List<ChildSpec> read(Optional<YamlNode> children, Defaults defaults, Problems problems) {
        return new ChildrenReader(problems, defaults).readAll(children);
    }

    private List<ChildSpec> readAll(Optional<YamlNode> node) {
        if (node.isEmpty() || node.get() instanceof YamlScalar scalar && scalar.isNull()) {
            return List.of();
        }
        if (!(node.get() instanceof YamlList list)) {
            problems.at(node.get().mark(), "'children' must be a list of one-key maps such as "
                    + "'- web: {image: nginx}', not " + node.get().describe());
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (YamlNode item : list.items()) {
            readEntry(item).ifPresent(entries::add);
        }
        entries.forEach(this::checkReferences);
        defaults.checkReferences(names.keySet(), problems);
        List<ChildSpec> specs = new ArrayList<>();
        for (Entry entry : entries.stream().filter(Entry::valid).toList()) {
            defaults.mergeInto(entry.name(), entry.runtime(), entry.settings(), problems).ifPresent(specs::add);
        }
        return specs;
    }

    private Optional<Entry> readEntry(YamlNode item) {
        if (!(item instanceof YamlMap map)) {
            problems.at(item.mark(), "each child must be a one-key map such as '- web: {image: nginx}', not "
                    + item.describe());
            return Optional.empty();
        }
        if (map.entries().size() != 1) {
            String keys = String.join("', '", map.entries().stream().map(YamlMap.Entry::key).toList());
            problems.at(item.mark(), map.entries().isEmpty()
                    ? "a child entry is empty; write '- name: {image: …}' or '- name: {exec: …}'"
                    : "a child entry must have exactly one key, the child's name, but has '" + keys
                            + "'; indent the child's keys below its name");
            return Optional.empty();
        }
        YamlMap.Entry child = map.entries().getFirst();
        String name = child.key();
        boolean validName = checkName(name, child.keyMark());
        String where = "in child '" + name + "'";
        if (!(child.value() instanceof YamlMap keys)) {
            boolean empty = child.value() instanceof YamlScalar scalar && scalar.isNull();
            problems.at(empty ? child.keyMark() : child.value().mark(), empty
                    ? "child '" + name + "' has no keys; give it image (a docker container) or exec (a process)"
                    : "child '" + name + "' must be a map of keys such as image or exec, not "
                            + child.value().describe());
            return Optional.empty();
        }
        int problemsBefore = problems.size();
        Fields fields = new Fields(keys, where, problems);
        fields.rejectUnknownKeys(ChildSettings.CHILD_KEYS, Map.of());
        ChildSettings settings = ChildSettingsReader.read(fields);
        Optional<RuntimeKind> runtime = runtime(name, child.keyMark(), fields);
        if (!validName) {
            return Optional.empty();
        }
        // a child with any problem of its own is checked against the others but never built
        boolean valid = runtime.isPresent() && problems.size() == problemsBefore;
        return Optional.of(new Entry(name, settings, runtime.orElse(null), valid));
    }

    private boolean checkName(String name, Mark mark) {
        if (!ChildSettingsReader.CHILD_NAME.matcher(name).matches()) {
            problems.at(mark, "child name '" + name + "' may only use letters, digits, '_', '.' and '-', "
                    + "and must start with a letter or digit");
            return false;
        }
        Mark first = names.putIfAbsent(name, mark);
        if (first != null) {
            problems.at(mark, "duplicate child name '" + name + "' (first at line " + first.line() + ")");
            return false;
        }
        return true;
    }

    private Optional<RuntimeKind> runtime(String name, Mark mark, Fields fields) {
        boolean docker = fields.has("image");
        boolean process = fields.has("exec");
        if (docker && process) {
            problems.at(mark, "child '" + name + "' has both image and exec; a child is either a docker container "
                    + "(image) or a process (exec)");
            return Optional.empty();
        }
        if (!docker && !process && !misspeltRuntimeKey(fields)) {
            problems.at(mark, "child '" + name + "' needs image (a docker container) or exec (a process)");
            return Optional.empty();
        }
        if (process) {
            for (String key : ChildSettings.DOCKER_ONLY_KEYS) {
                fields.keyMark(key).ifPresent(keyMark -> problems.at(keyMark, "'" + key + "' " + fields.where()
                        + " applies only to docker children (image), and '" + name + "' is a process (exec)"));
            }
        }
        return docker || process ? Optional.of(docker ? RuntimeKind.DOCKER : RuntimeKind.PROCESS) : Optional.empty();
    }

    /** Whether a misspelt image or exec was already reported, which says all that "needs image" would. */
    private static boolean misspeltRuntimeKey(Fields fields) {
        return fields.map().entries().stream()
                .map(YamlMap.Entry::key)
                .filter(key -> !ChildSettings.CHILD_KEYS.contains(key))
                .map(key -> Suggestions.closest(key, ChildSettings.CHILD_KEYS))
                .anyMatch(suggestion -> "image".equals(suggestion) || "exec".equals(suggestion));
    }

    private void checkReferences(Entry entry) {
        ChildSettings settings = entry.settings();
        if (settings.links() != null) {
            settings.links().forEach(link -> checkReference(entry.name(), link, "link to", "links"));
        }
        if (settings.volumesFrom() != null) {
            settings.volumesFrom().forEach(from ->
                    checkReference(entry.name(), from, "take volumes from", "volumes_from"));
        }
    }

    private void checkReference(String child, Located reference, String relation, String key) {
        String target = ChildSettingsReader.referencedChild(reference.value());
        if (target.equals(child)) {
            problems.at(reference.mark(), "child '" + child + "' cannot " + relation + " itself ('" + key + "')");
        } else if (!names.containsKey(target)) {
            problems.at(reference.mark(), "'" + key + "' in child '" + child + "' names '" + target
                    + "', which is not a child in this file", Suggestions.closest(target, names.keySet()));
        }
    }
}
