package io.serfnode.agent.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed reading of one YAML map. Every getter reports what is wrong with a value (at the value's place,
 * naming the key and where the map is) and then answers empty, so that reading goes on and every problem
 * of a file is found in one pass. Absent keys answer empty without a problem.
 */
final class Fields {
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[^=\\s]+");

    private final YamlMap map;
    private final String where;
    private final Problems problems;

    /** {@code where} completes "unknown key 'x' …", for example {@code in child 'web'}. */
    Fields(YamlMap map, String where, Problems problems) {
        this.map = map;
        this.where = where;
        this.problems = problems;
    }

    YamlMap map() {
        return map;
    }

    String where() {
        return where;
    }

    Problems problems() {
        return problems;
    }

    boolean has(String key) {
        return map.has(key);
    }

    Optional<Mark> keyMark(String key) {
        return map.entry(key).map(YamlMap.Entry::keyMark);
    }

    /**
     * Reports every key that is not {@code valid}: with the reason from {@code misplaced} when the key belongs
     * elsewhere, else with the closest valid key.
     */
    void rejectUnknownKeys(Collection<String> valid, Map<String, String> misplaced) {
        for (YamlMap.Entry entry : map.entries()) {
            String key = entry.key();
            if (valid.contains(key)) {
                continue;
            }
            if (misplaced.containsKey(key)) {
                problems.at(entry.keyMark(), "'" + key + "' " + where + " " + misplaced.get(key));
            } else {
                problems.at(entry.keyMark(), "unknown key '" + key + "' " + where, Suggestions.closest(key, valid));
            }
        }
    }

    /** Any scalar, as written: {@code user: 1000} is the string {@code 1000}. */
    Optional<Located> string(String key) {
        return scalar(key, "a string");
    }

    /** Any scalar, as written; {@code expected} names what it should be when it is a list or a map. */
    Optional<Located> scalar(String key, String expected) {
        return map.get(key).flatMap(node -> scalarText(node, "'" + key + "' " + where, expected));
    }

    /** A string that must not be blank. */
    Optional<Located> nonBlankString(String key) {
        Optional<Located> value = string(key);
        if (value.isPresent() && value.get().value().isBlank()) {
            problems.at(value.get().mark(), "'" + key + "' " + where + " must not be empty");
            return Optional.empty();
        }
        return value;
    }

    /** A list of scalars; an empty value is an empty list. */
    Optional<List<Located>> list(String key) {
        Optional<YamlNode> value = map.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        YamlNode node = value.get();
        if (node instanceof YamlScalar scalar && scalar.isNull()) {
            return Optional.of(List.of());
        }
        if (!(node instanceof YamlList list)) {
            problems.at(node.mark(), "'" + key + "' " + where + " must be a list, not " + node.describe());
            return Optional.empty();
        }
        List<Located> items = new ArrayList<>();
        boolean valid = true;
        for (YamlNode item : list.items()) {
            Optional<Located> text = scalarText(item, "each item of '" + key + "' " + where, "a string");
            text.ifPresent(items::add);
            valid &= text.isPresent();
        }
        return valid ? Optional.of(items) : Optional.empty();
    }

    /** Blank-separated words in one string, or a list of single words (as {@code role} and {@code peer}). */
    Optional<List<Located>> words(String key, String wordName) {
        Optional<YamlNode> value = map.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof YamlMap) {
            problems.at(value.get().mark(), "'" + key + "' " + where + " must be a string or a list of " + wordName
                    + "s, not a map");
            return Optional.empty();
        }
        if (value.get() instanceof YamlScalar scalar && !scalar.isNull()) {
            List<Located> words = new ArrayList<>();
            for (String word : scalar.text().strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(new Located(word, scalar.mark()));
                }
            }
            return Optional.of(words);
        }
        Optional<List<Located>> items = list(key);
        if (items.isEmpty()) {
            return items;
        }
        boolean valid = true;
        for (Located item : items.get()) {
            if (item.value().isBlank() || item.value().strip().chars().anyMatch(Character::isWhitespace)) {
                problems.at(item.mark(), wordName + " '" + item.value() + "' " + where
                        + " must be one word without blanks");
                valid = false;
            }
        }
        return valid ? items : Optional.empty();
    }

    /** A command line: a string split as a shell would, or a list of arguments. Never empty. */
    Optional<List<String>> command(String key) {
        Optional<YamlNode> value = map.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        YamlNode node = value.get();
        List<String> words;
        if (node instanceof YamlScalar scalar && !scalar.isNull()) {
            try {
                words = ShellWords.split(scalar.text());
            } catch (ShellWords.SyntaxException e) {
                problems.at(node.mark(), "'" + key + "' " + where + " has an " + e.getMessage());
                return Optional.empty();
            }
        } else if (node instanceof YamlList) {
            Optional<List<Located>> items = list(key);
            if (items.isEmpty()) {
                return Optional.empty();
            }
            words = items.get().stream().map(Located::value).toList();
        } else {
            problems.at(node.mark(), "'" + key + "' " + where + " must be a string or a list of arguments, not "
                    + node.describe());
            return Optional.empty();
        }
        if (words.isEmpty()) {
            problems.at(node.mark(), "'" + key + "' " + where + " is empty");
            return Optional.empty();
        }
        return Optional.of(words);
    }

    /** YAML's booleans: true/false, and also yes/no and on/off as the original's YAML reader took them. */
    Optional<Boolean> bool(String key) {
        Optional<YamlNode> value = map.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof YamlScalar scalar && scalar.isBoolean()) {
            return Optional.of(scalar.kind() == YamlScalar.Kind.TRUE);
        }
        YamlNode node = value.get();
        String found = node instanceof YamlScalar scalar && !scalar.isNull()
                ? "'" + scalar.text() + "'"
                : node.describe();
        problems.at(node.mark(), "'" + key + "' " + where + " must be true or false, not " + found);
        return Optional.empty();
    }

    /** A whole number of at least {@code min}; {@code unit} completes the message ("seconds", "retries"). */
    Optional<Integer> integer(String key, int min, String unit) {
        Optional<Located> value = scalar(key, "a whole number of " + unit);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().value().strip();
        Mark mark = value.get().mark();
        if (!text.matches("[-+]?\\d+")) {
            problems.at(mark, "'" + key + "' " + where + " must be a whole number of " + unit + ", not '" + text + "'");
            return Optional.empty();
        }
        long number;
        try {
            number = Long.parseLong(text);
        } catch (NumberFormatException e) {
            number = text.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (number < min) {
            String reason = min == 0 ? "must not be negative" : "must be at least " + min;
            problems.at(mark, "'" + key + "' " + where + " " + reason + ", not " + text);
            return Optional.empty();
        }
        if (number > Integer.MAX_VALUE) {
            problems.at(mark, "'" + key + "' " + where + " is too large: " + text);
            return Optional.empty();
        }
        return Optional.of((int) number);
    }

    /** Environment variables: a map of NAME: value, or a list of NAME=value. */
    Optional<Map<String, String>> environment(String key) {
        Optional<YamlNode> value = map.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String what = "'" + key + "' " + where;
        YamlNode node = value.get();
        Map<String, String> variables = new LinkedHashMap<>();
        int before = problems.size();
        switch (node) {
            case YamlScalar scalar when scalar.isNull() -> {
                return Optional.of(Map.of());
            }
            case YamlMap entries -> {
                for (YamlMap.Entry entry : entries.entries()) {
                    checkVariableName(entry.key(), entry.keyMark(), what);
                    Optional<Located> text = scalarText(entry.value(), "variable '" + entry.key() + "' in " + what,
                            "a string");
                    text.ifPresent(located -> variables.put(entry.key(), located.value()));
                }
            }
            case YamlList items -> {
                Map<String, Mark> seen = new LinkedHashMap<>();
                for (YamlNode item : items.items()) {
                    Optional<Located> text = scalarText(item, "each item of " + what, "a string");
                    if (text.isEmpty()) {
                        continue;
                    }
                    String assignment = text.get().value();
                    int equals = assignment.indexOf('=');
                    if (equals < 0) {
                        problems.at(item.mark(), "'" + assignment + "' in " + what + " must look like NAME=value");
                        continue;
                    }
                    String name = assignment.substring(0, equals);
                    checkVariableName(name, item.mark(), what);
                    Mark first = seen.putIfAbsent(name, item.mark());
                    if (first != null) {
                        problems.at(item.mark(), "variable '" + name + "' is set twice in " + what
                                + " (first at line " + first.line() + ")");
                    }
                    variables.putIfAbsent(name, assignment.substring(equals + 1));
                }
            }
            default -> {
                problems.at(node.mark(), what + " must be a map of NAME: value or a list of NAME=value, not "
                        + node.describe());
                return Optional.empty();
            }
        }
        return problems.size() == before ? Optional.of(variables) : Optional.empty();
    }

    private void checkVariableName(String name, Mark mark, String what) {
        if (!ENVIRONMENT_NAME.matcher(name).matches()) {
            problems.at(mark, "'" + name + "' in " + what + " is not a variable name (no blanks, no '=')");
        }
    }

    /** The text of a scalar; a list, a map or nothing where a value is needed is reported. */
    private Optional<Located> scalarText(YamlNode node, String what, String expected) {
        if (node instanceof YamlScalar scalar) {
            if (scalar.isNull()) {
                problems.at(node.mark(), what + " has no value");
                return Optional.empty();
            }
            return Optional.of(new Located(scalar.text(), scalar.mark()));
        }
        problems.at(node.mark(), what + " must be " + expected + ", not " + node.describe());
        return Optional.empty();
    }
}
