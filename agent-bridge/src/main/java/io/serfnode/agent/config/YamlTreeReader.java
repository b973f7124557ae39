package io.serfnode.agent.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a tree of {@link YamlNode}s that keep their line and column. Jackson's tree model and
 * data binding drop positions (and silently keep the last of duplicate keys), so the text is read as a
 * stream of tokens instead. Anchors and aliases are resolved here; duplicate keys are reported.
 */
final class YamlTreeReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    /**
     * Aliases of aliases grow a tree exponentially ("billion laughs"); a configuration, which may come over the
     * network, never needs many.
     */
    static final int MAX_ALIASES = 50;

    private final Problems problems;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private int aliases;
    private YAMLParser parser;

    private YamlTreeReader(Problems problems) {
        this.problems = problems;
    }

    /** The document's root, or empty when the text holds no document or is not valid YAML (then reported). */
    static Optional<YamlNode> read(String text, Problems problems) {
        return new YamlTreeReader(problems).readDocument(text);
    }

    private Optional<YamlNode> readDocument(String text) {
        try (YAMLParser yaml = (YAMLParser) FACTORY.createParser(text)) {
            parser = yaml;
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            YamlNode root = readValue(first);
            if (parser.nextToken() != null) {
                problems.at(here(), "a second YAML document starts here; serfnode.yml holds exactly one");
            }
            return Optional.of(root);
        } catch (IOException e) {
            reportSyntaxError(text, e);
            return Optional.empty();
        }
    }

    private YamlNode readValue(JsonToken token) throws IOException {
        Mark mark = here();
        String anchor = parser.getCurrentAnchor();
        YamlNode node;
        if (parser.isCurrentAlias()) {
            node = resolveAlias(parser.getText(), mark);
        } else {
            node = switch (token) {
                case START_OBJECT -> readMap(mark);
                case START_ARRAY -> readList(mark);
                case VALUE_STRING -> scalar(mark, YamlScalar.Kind.STRING);
                case VALUE_NUMBER_INT -> scalar(mark, YamlScalar.Kind.INTEGER);
                case VALUE_NUMBER_FLOAT -> scalar(mark, YamlScalar.Kind.FLOAT);
                case VALUE_TRUE -> scalar(mark, YamlScalar.Kind.TRUE);
                case VALUE_FALSE -> scalar(mark, YamlScalar.Kind.FALSE);
                case VALUE_NULL -> scalar(mark, YamlScalar.Kind.NULL);
                // binary (!!binary) and embedded objects have no meaning in serfnode.yml
                default -> unsupported(mark, token);
            };
        }
        if (anchor != null && !parser.isCurrentAlias()) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private YamlMap readMap(Mark mark) throws IOException {
        List<YamlMap.Entry> entries = new ArrayList<>();
        Map<String, Mark> seen = new HashMap<>();
        while (parser.nextToken() != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            Mark keyMark = here();
            YamlNode value = readValue(parser.nextToken());
            Mark first = seen.putIfAbsent(key, keyMark);
            if (first != null) {
                problems.at(keyMark, "duplicate key '" + key + "' (first at line " + first.line() + ")");
            } else if ("<<".equals(key)) {
                problems.at(keyMark, "YAML merge keys ('<<') are not supported; write the keys out");
            } else {
                entries.add(new YamlMap.Entry(key, keyMark, value));
            }
        }
        return new YamlMap(mark, entries);
    }

    private YamlList readList(Mark mark) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(readValue(token));
        }
        return new YamlList(mark, items);
    }

    private YamlScalar scalar(Mark mark, YamlScalar.Kind kind) throws IOException {
        return new YamlScalar(mark, kind, parser.getText());
    }

    private YamlNode resolveAlias(String name, Mark mark) {
        if (++aliases > MAX_ALIASES) {
            problems.at(mark, "more than " + MAX_ALIASES + " aliases; write the values out");
            return new YamlScalar(mark, YamlScalar.Kind.NULL, "");
        }
        YamlNode target = anchors.get(name);
        if (target == null) {
            problems.at(mark, "alias '*" + name + "' names no anchor defined before it");
            return new YamlScalar(mark, YamlScalar.Kind.NULL, "");
        }
        return target;
    }

    private YamlNode unsupported(Mark mark, JsonToken token) {
        problems.at(mark, "unsupported YAML value (" + token + ")");
        return new YamlScalar(mark, YamlScalar.Kind.NULL, "");
    }

    private Mark here() {
        JsonLocation location = parser.currentTokenLocation();
        return new Mark(location.getLineNr(), location.getColumnNr());
    }

    /**
     * SnakeYAML stops at the first syntax error and words it for YAML experts. Tabs in indentation are the
     * usual cause, so they are named directly, on every line that has them.
     */
    private void reportSyntaxError(String text, IOException error) {
        List<Mark> tabs = TabIndentation.find(text);
        if (!tabs.isEmpty()) {
            tabs.forEach(tab -> problems.at(tab, "tab character in indentation; YAML indents with spaces only"));
            return;
        }
        MarkedYAMLException marked = findMarked(error);
        if (marked == null || marked.getProblemMark() == null) {
            reportOtherError(error);
            return;
        }
        org.yaml.snakeyaml.error.Mark problemMark = marked.getProblemMark();
        StringBuilder reason = new StringBuilder("YAML syntax error: ").append(plain(marked.getProblem()));
        Mark context = toMark(marked.getContextMark());
        if (marked.getContext() != null && context != null) {
            reason.append(" (").append(plain(marked.getContext()))
                    .append(" that starts at ").append(context).append(')');
        }
        problems.at(toMark(problemMark), reason.toString());
    }

    private void reportOtherError(IOException error) {
        if (error instanceof JsonProcessingException jackson && jackson.getLocation() != null
                && jackson.getLocation().getLineNr() > 0) {
            JsonLocation location = jackson.getLocation();
            problems.at(new Mark(location.getLineNr(), Math.max(1, location.getColumnNr())),
                    "not valid YAML: " + plain(jackson.getOriginalMessage()));
        } else {
            problems.whole("not valid YAML: " + plain(error.getMessage()));
        }
    }

    private static MarkedYAMLException findMarked(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked) {
                return marked;
            }
        }
        return null;
    }

    private static Mark toMark(org.yaml.snakeyaml.error.Mark mark) {
        return mark == null ? null : new Mark(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String plain(String snakeYamlText) {
        return snakeYamlText == null ? "" : snakeYamlText.strip().replaceAll("\\s+", " ");
    }
}
