package io.serfnode.agent.config;

import java.util.ArrayList;
import java.util.List;

/** Finds tab characters in the indentation of lines, which YAML forbids. */
final class TabIndentation {
    private TabIndentation() {
    }

    static List<Mark> find(String text) {
        List<Mark> tabs = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index];
            for (int column = 0; column < line.length() && Character.isWhitespace(line.charAt(column)); column++) {
                if (line.charAt(column) == '\t') {
                    tabs.add(new Mark(index + 1, column + 1));
                    break;
                }
            }
        }
        return tabs;
    }
}
