package io.serfnode.agent.config;

import java.util.List;
import java.util.Optional;

/** A mapping with its keys in file order; duplicate keys were reported and dropped while reading. */
record YamlMap(Mark mark, List<Entry> entries) implements YamlNode {
    record Entry(String key, Mark keyMark, YamlNode value) {
    }

    YamlMap {
        entries = List.copyOf(entries);
    }

    Optional<Entry> entry(String key) {
        return entries.stream().filter(entry -> entry.key().equals(key)).findFirst();
    }

    Optional<YamlNode> get(String key) {
        return entry(key).map(Entry::value);
    }

    boolean has(String key) {
        return entry(key).isPresent();
    }

    @Override
    public String describe() {
        return "a map";
    }
}
